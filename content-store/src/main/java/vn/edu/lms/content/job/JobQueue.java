package vn.edu.lms.content.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import vn.edu.lms.content.platform.Ids;

/**
 * The {@code jobs} collection: enqueueing and reading jobs for features, and the atomic state
 * changes the worker makes. Every change is one conditional single-document update, so two
 * instances can never both claim, finish or fail the same job.
 */
@Component
public class JobQueue implements SmartInitializingSingleton {

    private static final int MAX_ERROR_LENGTH = 2000;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Sinks.Many<String> enqueued = Sinks.many().multicast().directBestEffort();

    JobQueue(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Job.class).createIndex(new Index("type", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
            .on("runAfter", Sort.Direction.ASC)).block(Duration.ofMinutes(2));
    }

    /**
     * Queues a job. With a {@code dedupeKey}, enqueueing again returns the job already queued under
     * it (whatever its state) instead of a second one.
     */
    public Mono<Job> enqueue(String type, Map<String, String> payload, @Nullable String dedupeKey, int maxAttempts) {
        Instant now = clock.instant();
        String id = dedupeKey == null ? Ids.newId() : dedupeKey;
        Job job = new Job(id, type, payload, dedupeKey, Job.State.QUEUED, 0, Math.max(1, maxAttempts), now, null, null, 0, null, now,
            now, null);
        return mongo.insert(job)
            .doOnNext(inserted -> enqueued.tryEmitNext(type))
            .onErrorResume(DuplicateKeyException.class, e -> job(id));
    }

    public Mono<Job> job(String id) {
        return mongo.findById(id, Job.class);
    }

    /** Jobs of a type in a state, oldest first: for operators' pages and tests. */
    public Flux<Job> jobs(String type, Job.State state, int limit) {
        return mongo.find(Query.query(Criteria.where("type").is(type).and("state").is(state)).with(Sort.by("createdAt")).limit(limit),
            Job.class);
    }

    /** Types enqueued in this instance, so its worker can look at once rather than at the next poll. */
    Flux<String> enqueued() {
        return enqueued.asFlux();
    }

    /**
     * Claims the oldest job of the type that is due, or whose lease ran out (its instance died):
     * it becomes RUNNING under {@code owner}'s lease and counts one more attempt.
     */
    Mono<Job> claim(String type, String owner, Duration lease) {
        Instant now = clock.instant();
        Criteria due = new Criteria().orOperator(
            Criteria.where("state").is(Job.State.QUEUED).and("runAfter").lte(now),
            Criteria.where("state").is(Job.State.RUNNING).and("leaseUntil").lt(now));
        Query query = Query.query(Criteria.where("type").is(type).andOperator(due)).with(Sort.by("runAfter"));
        Update update = new Update().set("state", Job.State.RUNNING).set("leaseOwner", owner).set("leaseUntil", now.plus(lease))
            .set("updatedAt", now).inc("attempts", 1);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Job.class);
    }

    /** Extends the lease; false when the job is no longer this owner's (taken over, or finished). */
    Mono<Boolean> renew(String id, String owner, Duration lease) {
        Instant now = clock.instant();
        return mongo.updateFirst(owned(id, owner), new Update().set("leaseUntil", now.plus(lease)).set("updatedAt", now), Job.class)
            .map(result -> result.getMatchedCount() > 0);
    }

    Mono<Void> progress(String id, String owner, int percent) {
        return mongo.updateFirst(owned(id, owner), new Update().set("progress", Math.max(0, Math.min(100, percent)))
            .set("updatedAt", clock.instant()), Job.class).then();
    }

    Mono<Boolean> succeed(String id, String owner) {
        Instant now = clock.instant();
        return finish(id, owner, new Update().set("state", Job.State.SUCCEEDED).set("progress", 100).set("finishedAt", now)
            .set("updatedAt", now).unset("leaseOwner").unset("leaseUntil").unset("lastError"));
    }

    /** Back to the queue until {@code retryAt}, or to the dead letter when {@code retryAt} is null. */
    Mono<Boolean> fail(String id, String owner, String error, @Nullable Instant retryAt) {
        Instant now = clock.instant();
        String reason = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        Update update = new Update().set("lastError", reason).set("updatedAt", now).unset("leaseOwner").unset("leaseUntil");
        if (retryAt == null) {
            update.set("state", Job.State.FAILED).set("finishedAt", now);
        } else {
            update.set("state", Job.State.QUEUED).set("runAfter", retryAt);
        }
        return finish(id, owner, update);
    }

    private Mono<Boolean> finish(String id, String owner, Update update) {
        return mongo.updateFirst(owned(id, owner), update, Job.class).map(result -> result.getModifiedCount() > 0);
    }

    private static Query owned(String id, String owner) {
        return Query.query(Criteria.where("_id").is(id).and("state").is(Job.State.RUNNING).and("leaseOwner").is(owner));
    }
}
