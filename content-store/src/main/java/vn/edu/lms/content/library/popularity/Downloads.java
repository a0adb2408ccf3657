package vn.edu.lms.content.library.popularity;

import java.util.Collection;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.item.LibraryItems;

/**
 * Downloads per item, in their own collection ({@code library_downloads}) rather than on the item:
 * a download is one {@code $inc} that never races the item's versioned edits. Counts reach the
 * search index in batches: {@link #feedChanged} marks the items whose count moved as changed, and the
 * feed carries them (at most once per round, however many downloads there were).
 */
@Service
public class Downloads {

    static final String COLLECTION = "library_downloads";
    private static final Logger log = LoggerFactory.getLogger(Downloads.class);

    private final ReactiveMongoTemplate mongo;
    private final LibraryItems items;

    Downloads(ReactiveMongoTemplate mongo, LibraryItems items) {
        this.mongo = mongo;
        this.items = items;
    }

    /** One more download of the item. A failure to count is logged, never the download's failure. */
    public Mono<Void> count(String itemId) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(itemId)), new Update().inc("count", 1L).set("pending", true), COLLECTION)
            .then()
            .onErrorResume(failure -> {
                log.warn("Could not count a download of {}: {}", itemId, failure.toString());
                return Mono.empty();
            });
    }

    /** The download counts of these items (absent: never downloaded). */
    public Mono<Map<String, Long>> counts(Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(itemIds)), Document.class, COLLECTION)
            .collectMap(found -> String.valueOf(found.get("_id")), found -> ((Number) found.get("count")).longValue());
    }

    /**
     * Marks as changed (for the feed) up to {@code limit} items downloaded since the last round; how
     * many. A count that moved again meanwhile stays pending for the next round.
     */
    public Mono<Integer> feedChanged(int limit) {
        return mongo.find(Query.query(Criteria.where("pending").is(true)).limit(limit), Document.class, COLLECTION)
            .concatMap(found -> {
                String itemId = String.valueOf(found.get("_id"));
                Object counted = found.get("count");
                return items.markChanged(itemId)
                    .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(itemId).and("count").is(counted)),
                        new Update().set("pending", false), COLLECTION))
                    .thenReturn(1);
            })
            .reduce(0, Integer::sum);
    }
}
