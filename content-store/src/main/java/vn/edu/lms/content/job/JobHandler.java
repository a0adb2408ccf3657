package vn.edu.lms.content.job;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The work of one job type. Handlers are beans; the worker finds them, runs at most
 * {@link #concurrency()} of their jobs at once in this instance, and gives each run at most
 * {@link #timeout()}.
 */
public interface JobHandler {

    String type();

    /** Runs the job; complete when done, error when this attempt failed. Report progress through the run. */
    Mono<Void> run(JobRun run);

    /** Jobs of this type run at once in one instance (2 cores: keep CPU-heavy types at 1). */
    default int concurrency() {
        return 1;
    }

    default int maxAttempts() {
        return 5;
    }

    default Duration timeout() {
        return Duration.ofMinutes(30);
    }

    /**
     * Called once the job went to the dead letter (its last attempt failed, or was cut off by a dead
     * instance: then {@code failure} is null), so that the feature can tell its user. Its own failure
     * is logged and does not change the job.
     */
    default Mono<Void> deadLettered(Job job, @Nullable Throwable failure) {
        return Mono.empty();
    }

    /** An attempt that fails this way is not retried (the input is bad, not the moment). */
    default boolean isPermanent(Throwable failure) {
        return failure instanceof PermanentJobFailure;
    }
}
