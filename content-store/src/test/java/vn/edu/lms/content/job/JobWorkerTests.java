package vn.edu.lms.content.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.ContentTestApplication;
import vn.edu.lms.content.platform.Ids;

/** Jobs as features will use them, against the embedded database over its real protocol. */
@SpringBootTest(classes = { ContentTestApplication.class, JobWorkerTests.Handlers.class }, properties = {
    "lms.jobs.poll-interval=100ms", "lms.jobs.first-back-off=100ms", "lms.jobs.lease=2s" })
class JobWorkerTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JobQueue queue;

    @Autowired
    JobProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Handlers handlers;

    /** The handlers of the test's job types, recording what they were given. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Handlers {
        final Map<String, AtomicInteger> runsPerJob = new ConcurrentHashMap<>();
        final List<Instant> flakyAttempts = new CopyOnWriteArrayList<>();
        final AtomicInteger slowNow = new AtomicInteger();
        final AtomicInteger slowMost = new AtomicInteger();
        /** Jobs their handler was told were dead-lettered, with the failure ("cut off" when none). */
        final Map<String, String> deadLettered = new ConcurrentHashMap<>();

        @Bean
        JobHandler succeeding() {
            return handler("test-ok", 1, run -> run.progress(50)
                .then(Mono.fromRunnable(() -> runsPerJob.computeIfAbsent(run.job().id(), id -> new AtomicInteger()).incrementAndGet())));
        }

        @Bean
        JobHandler flaky() {
            return handler("test-flaky", 1, run -> Mono.fromRunnable(() -> flakyAttempts.add(Instant.now()))
                .then(Mono.error(new IllegalStateException("máy chủ bận"))));
        }

        @Bean
        JobHandler badInput() {
            return handler("test-bad-input", 1, run -> Mono.error(new PermanentJobFailure("tệp PDF bị hỏng")));
        }

        @Bean
        JobHandler slow() {
            return handler("test-slow", 2, run -> Mono.fromRunnable(() -> slowMost.accumulateAndGet(slowNow.incrementAndGet(), Math::max))
                .then(Mono.delay(Duration.ofMillis(200))).doFinally(signal -> slowNow.decrementAndGet()).then());
        }

        private JobHandler handler(String type, int concurrency, java.util.function.Function<JobRun, Mono<Void>> work) {
            return new JobHandler() {
                @Override
                public Mono<Void> deadLettered(Job job, @org.jspecify.annotations.Nullable Throwable failure) {
                    return Mono.fromRunnable(() -> Handlers.this.deadLettered.put(job.id(), failure == null ? "cut off" : failure.getMessage()));
                }

                @Override
                public String type() {
                    return type;
                }

                @Override
                public Mono<Void> run(JobRun run) {
                    return work.apply(run);
                }

                @Override
                public int concurrency() {
                    return concurrency;
                }
            };
        }
    }

    private Job awaitState(String id, Job.State state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> queue.job(id).block(WAIT).state() == state);
        return queue.job(id).block(WAIT);
    }

    @Test
    void aQueuedJobRunsOnceAndSucceeds() {
        Job job = queue.enqueue("test-ok", Map.of("itemId", "bai-giang-1"), null, 3).block(WAIT);
        Job done = awaitState(job.id(), Job.State.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.leaseOwner()).isNull();
        assertThat(done.finishedAt()).isNotNull();
        assertThat(handlers.runsPerJob.get(job.id())).hasValue(1);
        assertThat(handlers.deadLettered).doesNotContainKey(job.id());
    }

    @Test
    void aFailingJobIsRetriedWithGrowingBackOffThenDeadLetteredWithItsError() {
        Job job = queue.enqueue("test-flaky", Map.of(), null, 3).block(WAIT);
        Job failed = awaitState(job.id(), Job.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("máy chủ bận");
        await().atMost(WAIT).until(() -> handlers.deadLettered.containsKey(job.id()));
        assertThat(handlers.deadLettered).containsEntry(job.id(), "máy chủ bận");
        List<Instant> attempts = List.copyOf(handlers.flakyAttempts);
        assertThat(attempts).hasSize(3);
        Duration first = Duration.between(attempts.get(0), attempts.get(1));
        Duration second = Duration.between(attempts.get(1), attempts.get(2));
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(80));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(160));
    }

    @Test
    void aPermanentFailureGoesStraightToTheDeadLetter() {
        Job failed = awaitState(queue.enqueue("test-bad-input", Map.of(), null, 5).block(WAIT).id(), Job.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("tệp PDF bị hỏng");
    }

    @Test
    void enqueueingTwiceWithTheSameKeyGivesOneJob() {
        String key = "extract:" + Ids.newId();
        Job first = queue.enqueue("test-ok", Map.of(), key, 3).block(WAIT);
        Job second = queue.enqueue("test-ok", Map.of(), key, 3).block(WAIT);
        assertThat(second.id()).isEqualTo(first.id());
        awaitState(first.id(), Job.State.SUCCEEDED);
        assertThat(handlers.runsPerJob.get(first.id())).hasValue(1);
    }

    @Test
    void aTypeNeverRunsMoreThanItsConcurrencyAtOnce() {
        List<String> ids = java.util.stream.IntStream.range(0, 8)
            .mapToObj(i -> queue.enqueue("test-slow", Map.of(), null, 1).block(WAIT).id()).toList();
        ids.forEach(id -> awaitState(id, Job.State.SUCCEEDED));
        assertThat(handlers.slowMost).hasValue(2);
    }

    @Test
    void twoInstancesNeverRunTheSameJobTwice() {
        JobWorker second = new JobWorker(queue, List.of(handlers.succeeding()), properties, clock);
        second.start();
        try {
            List<String> ids = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> queue.enqueue("test-ok", Map.of("n", String.valueOf(i)), null, 3).block(WAIT).id()).toList();
            ids.forEach(id -> awaitState(id, Job.State.SUCCEEDED));
            Set<String> ran = handlers.runsPerJob.keySet();
            assertThat(ran).containsAll(ids);
            ids.forEach(id -> assertThat(handlers.runsPerJob.get(id)).as("runs of %s", id).hasValue(1));
        } finally {
            second.stop();
        }
    }

    @Test
    void aJobWhoseInstanceDiedIsTakenOverOnceItsLeaseRunsOut() {
        Instant now = clock.instant();
        Job orphan = new Job(Ids.newId(), "test-ok", Map.of(), null, Job.State.RUNNING, 1, 3, now.minusSeconds(60), "a-dead-instance",
            now.minusSeconds(1), 40, null, now.minusSeconds(60), now.minusSeconds(30), null);
        mongo.insert(orphan).block(WAIT);
        Job done = awaitState(orphan.id(), Job.State.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(handlers.runsPerJob.get(orphan.id())).hasValue(1);
    }

    @Test
    void aJobCutOffOnItsLastAttemptIsDeadLetteredNotRunAgain() {
        Instant now = clock.instant();
        Job orphan = new Job(Ids.newId(), "test-ok", Map.of(), null, Job.State.RUNNING, 3, 3, now.minusSeconds(60), "a-dead-instance",
            now.minusSeconds(1), 40, "hết bộ nhớ", now.minusSeconds(60), now.minusSeconds(30), null);
        mongo.insert(orphan).block(WAIT);
        Job failed = awaitState(orphan.id(), Job.State.FAILED);
        assertThat(failed.lastError()).contains("3 attempts", "hết bộ nhớ");
        assertThat(handlers.runsPerJob.get(orphan.id())).isNull();
        await().atMost(WAIT).until(() -> handlers.deadLettered.containsKey(orphan.id()));
        assertThat(handlers.deadLettered).containsEntry(orphan.id(), "cut off");
    }
}
