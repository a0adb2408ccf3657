package vn.edu.lms.content.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import vn.edu.lms.content.platform.Ids;

/**
 * Runs the jobs of every {@link JobHandler} in this instance: polls each type that has room (and at
 * once when this instance enqueues one), claims, runs under a heartbeat that renews the lease, and
 * records the outcome. A run whose lease is lost (this instance stalled and another took the job
 * over) is cancelled here and its outcome is not recorded.
 */
@Component
@EnableConfigurationProperties(JobProperties.class)
public class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final JobProperties properties;
    private final Clock clock;
    /** This instance, as leases name it: readable for operators, unique across restarts. */
    private final String owner = ProcessHandle.current().pid() + "-" + Ids.newId().substring(0, 8);
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    /** The runs in flight, by job id, so that stopping cancels them (their leases then run out and they are retried). */
    private final Map<String, Disposable> runs = new ConcurrentHashMap<>();
    /** A run that ends wakes its type, so the next job starts now rather than at the next poll. */
    private final Sinks.Many<String> finished = Sinks.many().multicast().directBestEffort();
    private volatile Disposable polling;

    JobWorker(JobQueue queue, List<JobHandler> handlers, JobProperties properties, Clock clock) {
        this.queue = queue;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!properties.enabled() || handlers.isEmpty()) {
            polling = Disposables.single();
            return;
        }
        polling = Flux.merge(Flux.interval(Duration.ZERO, properties.pollInterval()).map(tick -> ""), queue.enqueued(), finished.asFlux())
            .onBackpressureDrop()
            .concatMap(type -> Flux.fromStream(type.isEmpty() ? handlers.values().stream() : Stream.ofNullable(handlers.get(type)))
                .concatMap(this::fill), 1)
            .subscribe();
    }

    /** Claims jobs of the type while it has room, and starts each. */
    private Mono<Void> fill(JobHandler handler) {
        AtomicInteger busy = running.computeIfAbsent(handler.type(), type -> new AtomicInteger());
        int limit = properties.concurrency().getOrDefault(handler.type(), handler.concurrency());
        return Mono.defer(() -> {
            if (busy.incrementAndGet() > limit) {
                busy.decrementAndGet();
                return Mono.just(false);
            }
            return queue.claim(handler.type(), owner, properties.lease())
                .map(job -> {
                    Disposable started = execute(handler, job).doFinally(signal -> {
                        busy.decrementAndGet();
                        runs.remove(job.id());
                        finished.tryEmitNext(handler.type());
                    }).subscribe();
                    if (!started.isDisposed()) {
                        runs.put(job.id(), started);
                    }
                    return true;
                })
                .switchIfEmpty(Mono.fromCallable(() -> {
                    busy.decrementAndGet();
                    return false;
                }));
        }).repeat(() -> true).takeWhile(claimed -> claimed).then()
            .onErrorResume(failure -> {
                log.warn("Claiming {} jobs failed; trying again at the next poll", handler.type(), failure);
                return Mono.empty();
            });
    }

    private Mono<Void> execute(JobHandler handler, Job job) {
        if (job.attempts() > job.maxAttempts()) {
            return queue.fail(job.id(), owner, "stopped after " + job.maxAttempts() + " attempts; the last one was cut off"
                + (job.lastError() == null ? "" : " (" + job.lastError() + ")"), null)
                .filter(recorded -> recorded).flatMap(recorded -> deadLettered(handler, job, null));
        }
        JobRun run = new JobRun() {
            @Override
            public Job job() {
                return job;
            }

            @Override
            public Mono<Void> progress(int percent) {
                return queue.progress(job.id(), owner, percent);
            }
        };
        Mono<Boolean> leaseLost = Flux.interval(properties.lease().dividedBy(3))
            .concatMap(tick -> queue.renew(job.id(), owner, properties.lease()).onErrorReturn(true))
            .filter(renewed -> !renewed).next();
        log.info("Job {} ({}) started, attempt {} of {}", job.id(), job.type(), job.attempts(), job.maxAttempts());
        return Mono.defer(() -> handler.run(run)).timeout(handler.timeout())
            .then(Mono.just(true))
            .takeUntilOther(leaseLost.doOnNext(lost -> log.warn("Job {} lost its lease; another instance has it", job.id())))
            .flatMap(done -> queue.succeed(job.id(), owner))
            .doOnNext(recorded -> log.info("Job {} ({}) succeeded", job.id(), job.type()))
            .then()
            .onErrorResume(failure -> recordFailure(handler, job, failure));
    }

    private Mono<Void> recordFailure(JobHandler handler, Job job, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        boolean last = handler.isPermanent(failure) || job.attempts() >= job.maxAttempts();
        Instant retryAt = last ? null : clock.instant().plus(backOff(job.attempts()));
        if (last) {
            log.warn("Job {} ({}) failed for good after {} attempt(s): {}", job.id(), job.type(), job.attempts(), reason, failure);
        } else {
            log.info("Job {} ({}) failed, attempt {} of {}; next at {}: {}", job.id(), job.type(), job.attempts(), job.maxAttempts(),
                retryAt, reason);
        }
        return queue.fail(job.id(), owner, reason, retryAt)
            .onErrorResume(error -> {
                log.warn("Could not record the failure of job {}; its lease will run out and it will be retried", job.id(), error);
                return Mono.empty();
            })
            .filter(recorded -> recorded && last)
            .flatMap(recorded -> deadLettered(handler, job, failure));
    }

    private Mono<Void> deadLettered(JobHandler handler, Job job, @Nullable Throwable failure) {
        return Mono.defer(() -> handler.deadLettered(job, failure)).onErrorResume(error -> {
            log.warn("Job {} ({}) is dead-lettered, but its handler could not act on it", job.id(), job.type(), error);
            return Mono.empty();
        });
    }

    /** The wait after the n-th failed attempt: doubling from the first back-off, capped, with ±20 % jitter. */
    Duration backOff(int attempts) {
        long first = properties.firstBackOff().toMillis();
        long doubled = first << Math.min(attempts - 1, 20);
        long capped = Math.min(doubled, properties.maxBackOff().toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    @Override
    public void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
        }
        runs.values().forEach(Disposable::dispose);
        runs.clear();
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
