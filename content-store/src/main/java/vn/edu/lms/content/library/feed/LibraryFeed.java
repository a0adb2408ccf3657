package vn.edu.lms.content.library.feed;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.item.LibraryItem;

/**
 * The change feed the search index follows, without change streams: every change to an item
 * gives it a new, higher {@code sequence}; a follower asks for the items changed after the last
 * sequence it processed, in order. An item changed twice appears once, at its latest state and
 * sequence. Sequences come from one sequencer at a time ({@link FeedSequencer}), so once a
 * follower has seen sequence N, no item can later appear with a sequence below N: none is skipped.
 */
@Service
public class LibraryFeed {

    private final ReactiveMongoTemplate mongo;

    LibraryFeed(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Items whose latest change has a sequence above {@code sequence}, oldest first, at most {@code limit}. */
    public Flux<LibraryItem> changesAfter(long sequence, int limit) {
        Query query = Query.query(Criteria.where("sequence").gt(sequence)).with(Sort.by("sequence")).limit(limit);
        return mongo.find(query, LibraryItem.class, "library_items");
    }

    /** The highest sequence given so far (0 before any), for lag metrics. */
    public Mono<Long> latestSequence() {
        return mongo.findById(FeedSequencer.SEQUENCER_ID, org.bson.Document.class, FeedSequencer.COLLECTION)
            .map(found -> ((Number) found.getOrDefault("last", 0L)).longValue()).defaultIfEmpty(0L);
    }

    /** Items changed but not yet given their sequence (normally none for more than a moment). */
    public Mono<Long> pending() {
        return mongo.count(Query.query(Criteria.where("changed").is(true)), "library_items");
    }
}
