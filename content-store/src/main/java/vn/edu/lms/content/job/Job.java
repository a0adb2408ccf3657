package vn.edu.lms.content.job;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One unit of long work. Every change to it is one atomic update conditioned on its state and, while
 * it runs, on the instance holding its lease.
 *
 * @param payload     what the handler needs (ids, options): small, never personal data
 * @param dedupeKey   enqueuing twice with the same key gives the same job (e.g. "extract:<item>:<version>")
 * @param attempts    how many times it was started, a run cut off by a dead instance included
 * @param runAfter    not started before then (back-off after a failure)
 * @param leaseOwner  the instance running it
 * @param leaseUntil  the instance must renew the lease before then, or the job is taken over
 * @param progress    0–100, as the handler reports it
 * @param lastError   why the last attempt failed
 */
@Document("jobs")
public record Job(
    @Id String id,
    String type,
    Map<String, String> payload,
    @Nullable String dedupeKey,
    State state,
    int attempts,
    int maxAttempts,
    Instant runAfter,
    @Nullable String leaseOwner,
    @Nullable Instant leaseUntil,
    int progress,
    @Nullable String lastError,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant finishedAt) {

    public Job {
        payload = Map.copyOf(payload);
    }

    public enum State {
        /** Waiting for a worker (first time, or after a failure's back-off). */
        QUEUED,
        /** Claimed by an instance, under its lease. */
        RUNNING,
        /** Done. */
        SUCCEEDED,
        /** Dead letter: failed on every attempt; {@code lastError} says why. */
        FAILED
    }
}
