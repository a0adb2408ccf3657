package vn.edu.lms.content.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * A lease on one document, for work that one instance of the deployment at a time must do (number
 * the feed, follow it into the index): {@link #hold} takes the lease when it is free or ran out,
 * or renews it when this instance holds it. The document may carry the holder's own fields (a
 * counter, a checkpoint), which {@link #ownerIs} lets the holder update fenced by the lease.
 */
public final class MongoLease {

    private static final Logger log = LoggerFactory.getLogger(MongoLease.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String collection;
    private final String id;
    private final Duration length;
    private final String instance = Ids.newId();

    public MongoLease(ReactiveMongoTemplate mongo, Clock clock, String collection, String id, Duration length) {
        this.mongo = mongo;
        this.clock = clock;
        this.collection = collection;
        this.id = id;
        this.length = length;
    }

    /** Takes or renews the lease; true when this instance holds it now. */
    public Mono<Boolean> hold(Document initialFields) {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(id)
            .orOperator(Criteria.where("owner").is(instance), Criteria.where("leaseUntil").lt(now)));
        return mongo.updateFirst(free, new Update().set("owner", instance).set("leaseUntil", now.plus(length)), collection)
            .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(true)
                : mongo.insert(new Document(initialFields).append("_id", id).append("owner", instance).append("leaseUntil", now.plus(length)),
                    collection).thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false)));
    }

    /** The lease document, as a query that matches only while this instance holds it (fencing). */
    public Query ownerIs() {
        return Query.query(Criteria.where("_id").is(id).and("owner").is(instance));
    }

    /** Hands the lease over at once (on stop), so another instance need not wait for it to run out. */
    public void release() {
        try {
            mongo.updateFirst(ownerIs(), new Update().set("leaseUntil", Instant.EPOCH), collection).block(Duration.ofSeconds(5));
        } catch (RuntimeException unreachable) {
            log.debug("Could not release the lease {}/{}; it will run out", collection, id, unreachable);
        }
    }
}
