package vn.edu.lms.content.library.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.popularity.Downloads;
import vn.edu.lms.content.platform.MongoLease;
import vn.edu.lms.content.platform.PeriodicTask;

/**
 * Gives changed items their feed sequence. Writers only flag an item {@code changed}; one
 * sequencer in the whole deployment (the instance holding its lease) takes flagged items one by one,
 * draws the next number from its own lease document (fenced: only the holder can draw) and writes it
 * into the item if the item is still at the version read. Numbers are therefore handed out and
 * written in one order, by one writer, which is what lets a follower trust "nothing below the last
 * sequence I saw can still appear". A number whose write lost to a newer change is simply unused.
 */
@Component
class FeedSequencer extends PeriodicTask {

    static final String COLLECTION = "library_feed";
    static final String SEQUENCER_ID = "sequencer";
    private static final int BATCH = 200;

    private final ReactiveMongoTemplate mongo;
    private final Downloads downloads;
    private final Clock clock;
    private final Duration popularityInterval;
    private final MongoLease lease;
    private volatile Instant nextPopularity = Instant.EPOCH;

    FeedSequencer(ReactiveMongoTemplate mongo, Downloads downloads, Clock clock,
            @Value("${lms.library.feed.interval:200ms}") Duration interval, @Value("${lms.library.feed.lease:30s}") Duration lease,
            @Value("${lms.library.popularity.interval:1m}") Duration popularityInterval) {
        super("Feed sequencing", interval, interval);
        this.mongo = mongo;
        this.downloads = downloads;
        this.clock = clock;
        this.popularityInterval = popularityInterval;
        this.lease = new MongoLease(mongo, clock, COLLECTION, SEQUENCER_ID, lease);
    }

    @Override
    protected Mono<Integer> round() {
        return sequenceOnce();
    }

    /**
     * One round: take or keep the lease, flag the items whose downloads moved (once per popularity
     * interval), then number the flagged items; how many were numbered.
     */
    Mono<Integer> sequenceOnce() {
        return lease.hold(new Document("last", 0L)).flatMap(held -> !held ? Mono.just(0)
            : popularity().then(numberFlagged()));
    }

    private Mono<Void> popularity() {
        Instant now = clock.instant();
        if (now.isBefore(nextPopularity)) {
            return Mono.empty();
        }
        nextPopularity = now.plus(popularityInterval);
        return downloads.feedChanged(BATCH).then();
    }

    private Mono<Integer> numberFlagged() {
        return mongo.find(Query.query(Criteria.where("changed").is(true)).with(Sort.by("updatedAt")).limit(BATCH), Document.class,
                "library_items")
                .concatMap(item -> number(item.getString("_id"), ((Number) item.get("version")).longValue()))
                .reduce(0, (count, numbered) -> numbered ? count + 1 : count);
    }

    private Mono<Boolean> number(String itemId, long version) {
        return mongo.findAndModify(lease.ownerIs(), new Update().inc("last", 1L), FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION)
            .flatMap(sequencer -> mongo.updateFirst(
                Query.query(Criteria.where("_id").is(itemId).and("version").is(version).and("changed").is(true)),
                new Update().set("sequence", ((Number) sequencer.get("last")).longValue()).set("changed", false), "library_items"))
            .map(result -> result.getModifiedCount() == 1)
            .defaultIfEmpty(false);
    }

    /** Stopping hands the lease over at once, so another instance goes on numbering without waiting for it to run out. */
    @Override
    protected void stopped() {
        lease.release();
    }
}
