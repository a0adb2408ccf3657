package vn.edu.lms.web.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import vn.edu.lms.content.testing.TestServices;
import vn.edu.lms.web.drill.StudentHttp.Answer;
import vn.edu.lms.web.drill.StudentHttp.Reply;
import vn.edu.lms.web.drill.ExamSetup.Student;

/**
 * The promises of test taking, tested the hard way: a class of 45 is in the middle of a test, every
 * student saving answers as fast as a page does, when the application is killed with
 * {@code kill -9}. It restarts on the same data directory, and then, for every student:
 * <ul>
 * <li>every answer whose save was acknowledged (a 200 reply) is there: the stored sequence number
 * of its item is at least the acknowledged one, and when it is the same, so is the response;
 * anything stored is something the student sent (a save in flight at the kill may or may not have
 * been stored, never half of one);
 * <li>the clock did not run while the server was down: the time left after the restart is within
 * {@value #CLOCK_TOLERANCE_MS} ms of the time left at the kill (the outage, here 15 s or more, was
 * given back);
 * <li>the page goes on with the device token it had: saving and submitting work.
 * </ul>
 * The tolerance: the server counts the outage from its last heartbeat (one a second) to the moment
 * every service is up again after the restart, so a student may gain up to about a second (the
 * beat's period plus the beat's write), and loses what runs between that moment and the first answer
 * (this drill's half-second readiness polling and its first ping, with 44 others), a second or so.
 * The drill logs each part.
 */
class ExamKillDrillIT {

    private static final Logger log = LoggerFactory.getLogger(ExamKillDrillIT.class);
    private static final int STUDENTS = 45;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 1_500;
    private static final long CLOCK_TOLERANCE_MS = 5_000;
    private static final String PASSWORD = "mat-khau-dien-tap-thi";
    private static final Duration WAIT = Duration.ofMinutes(1);

    private final Path root = TestServices.newRoot("test-crash-drill");
    private final ApplicationProcess application = new ApplicationProcess(root.resolve("data"));
    private final Map<String, String> environment = Map.of("LMS_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (application.ready()) {
            application.stop();
        }
        application.children().forEach(ProcessHandle::destroyForcibly);
    }

    /** One student's page: what it sent, what the server acknowledged, and the clock as the last reply told it. */
    private static final class Page {
        final Student student;
        final String attemptId;
        final String device;
        final List<JsonNode> items = new ArrayList<>();
        final AtomicLong seq = new AtomicLong();
        /** Every save sent, by sequence number: the item and the response. */
        final Map<Long, Sent> sent = new ConcurrentHashMap<>();
        /** By item number, the acknowledged save with the highest sequence number. */
        final Map<Integer, Sent> acknowledged = new ConcurrentHashMap<>();
        volatile long remainingMs;
        volatile long remainingAt;

        Page(Student student, JsonNode started) {
            this.student = student;
            this.attemptId = started.path("id").asString();
            this.device = started.path("device").asString();
            started.path("paper").forEach(items::add);
            remainingMs = started.path("clock").path("remainingMs").asLong();
            remainingAt = System.nanoTime();
        }

        synchronized void acknowledge(Sent save, long remaining, long at) {
            acknowledged.merge(save.number(), save, (old, now) -> now.seq() > old.seq() ? now : old);
            if (at > remainingAt) {
                remainingMs = remaining;
                remainingAt = at;
            }
        }
    }

    private record Sent(int number, long seq, Answer answer) {
    }

    @Test
    void everyAcknowledgedAnswerAndTheTimeLeftSurviveKillDashNineAndThePageGoesOn() throws Exception {
        double firstStart = application.startAndAwaitReady("crash-first-start.log", environment);
        log.info("First start: ready in {} s", String.format("%.1f", firstStart));
        String url = "http://127.0.0.1:" + application.httpPort;
        ExamSetup setup = new ExamSetup(URI.create(url));
        String admin = setup.adminToken(PASSWORD);
        ExamSetup.School school = setup.school(admin, "crash");
        List<Student> students = setup.addClasses(admin, school, "crash", 1, 1, STUDENTS, 1, 1, 4);
        String sessionId = setup.session(school, List.of(students.get(0).classId), Instant.now().minusSeconds(60), 45);

        List<Page> pages = new ArrayList<>();
        Tally tally = new Tally();
        AtomicBoolean saving = new AtomicBoolean(true);
        long killedAt;
        try (StudentHttp http = new StudentHttp(url, 64, 2, Duration.ofSeconds(10))) {
            for (Student student : students) {
                student.token = setup.tokenFor(student.username, student.password, "trang-thi");
                Reply started = http.start(student.token, sessionId).block(WAIT);
                assertThat(started.status()).as(started.body()).isEqualTo(201);
                pages.add(new Page(student, started.json()));
            }
            Disposable.Composite loops = Disposables.composite();
            for (Page page : pages) {
                loops.add(Mono.defer(() -> saveOnce(http, page, tally))
                    .then(Mono.defer(() -> Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextLong(50, 400)))))
                    .repeat(saving::get).subscribe());
            }
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> tally.acknowledged.sum() >= ACKNOWLEDGED_BEFORE_KILL);
            killedAt = System.nanoTime();
            application.kill();
            saving.set(false);
            // The saves on the wire at the kill end without a reply; wait for them to give up before counting.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> pages.stream().mapToLong(page -> page.sent.size()).sum()
                == tally.acknowledged.sum() + tally.unanswered.sum() + tally.refusals());
            loops.dispose();
        }
        log.info("Killed with {} saves of {} students acknowledged, {} without a reply (on the wire at the kill, or sent just after it)",
            tally.acknowledged.sum(), STUDENTS, tally.unanswered.sum());
        assertThat(tally.refused).as("saves refused while the server ran").isEmpty();

        double restart = application.startAndAwaitReady("crash-restart.log", environment);
        long readyAt = System.nanoTime();
        log.info("Restart after kill -9: ready in {} s", String.format("%.1f", restart));
        try (StudentHttp http = new StudentHttp(url, 64, 2, Duration.ofSeconds(10))) {
            // Every page asks for its clock at once, as they would when the server answers again.
            Map<Page, Reply> pings = new ConcurrentHashMap<>();
            Map<Page, Long> pingedAt = new ConcurrentHashMap<>();
            Flux.fromIterable(pages).flatMap(page -> http.ping(page.student.token, page.attemptId).doOnNext(reply -> {
                pings.put(page, reply);
                pingedAt.put(page, System.nanoTime());
            }), STUDENTS).blockLast(WAIT);
            long outageMs = (readyAt - killedAt) / 1_000_000;
            List<Long> clockChanges = new ArrayList<>();
            List<Long> lostWhileDown = new ArrayList<>();
            int storedUnacknowledged = 0;
            for (Page page : pages) {
                long atKill = page.remainingMs - (killedAt - page.remainingAt) / 1_000_000;
                Reply ping = pings.get(page);
                assertThat(ping.status()).as(ping.body()).isEqualTo(200);
                long after = ping.json().path("remainingMs").asLong();
                clockChanges.add(after - atKill);
                // What the clock lost while nobody could answer: the change, less the time the page was served again before its ping.
                lostWhileDown.add(atKill - after - (pingedAt.get(page) - readyAt) / 1_000_000);
                assertThat(after).as("time left after the restart, against %d ms at the kill (outage %d ms)", atKill, outageMs)
                    .isBetween(atKill - CLOCK_TOLERANCE_MS, atKill + CLOCK_TOLERANCE_MS);

                Reply read = http.attempt(page.student.token, page.attemptId).block(WAIT);
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                JsonNode attempt = read.json();
                JsonNode stored = attempt.path("answers");
                for (Sent acked : page.acknowledged.values()) {
                    JsonNode answer = stored.path(String.valueOf(acked.number()));
                    assertThat(answer.isMissingNode()).as("acknowledged answer to item %d of %s", acked.number(), page.student.username).isFalse();
                    assertThat(answer.path("seq").asLong()).as("stored seq of item %d", acked.number()).isGreaterThanOrEqualTo(acked.seq());
                    if (answer.path("seq").asLong() == acked.seq()) {
                        assertThat(Answer.of(answer.path("response"))).as("item %d", acked.number()).isEqualTo(acked.answer());
                    }
                }
                for (var entry : stored.properties()) {
                    long seq = entry.getValue().path("seq").asLong();
                    Sent sent = page.sent.get(seq);
                    assertThat(sent).as("stored save %d of item %s was sent", seq, entry.getKey()).isNotNull();
                    assertThat(sent.number()).isEqualTo(Integer.parseInt(entry.getKey()));
                    assertThat(Answer.of(entry.getValue().path("response"))).isEqualTo(sent.answer());
                    Sent acked = page.acknowledged.get(sent.number());
                    if (acked == null || seq > acked.seq()) {
                        storedUnacknowledged++;
                    }
                }
                long highestAcknowledged = page.acknowledged.values().stream().mapToLong(Sent::seq).max().orElse(0);
                assertThat(attempt.path("maxSeq").asLong()).isGreaterThanOrEqualTo(highestAcknowledged);
                assertThat(attempt.path("state").asString()).isEqualTo("RUNNING");
            }
            log.info("After {} ms from the kill to readiness: every acknowledged answer is there ({} saves on the wire at the kill were stored "
                + "anyway); time left after the restart against the kill: {} to {} ms; of which lost before readiness (not given back): {} to {} ms",
                outageMs, storedUnacknowledged, min(clockChanges), max(clockChanges), min(lostWhileDown), max(lostWhileDown));
            assertThat(outageMs).as("the outage outlasts the tolerance, or the clock check proves nothing").isGreaterThan(2 * CLOCK_TOLERANCE_MS);

            // The pages go on with the device tokens they had before the crash, then hand in.
            for (Page page : pages) {
                JsonNode item = page.items.get(0);
                Reply saved = http.save(page.student.token, page.attemptId, page.device, item.path("number").asInt(),
                    page.seq.get() + 1, Answer.randomFor(item)).block(WAIT);
                assertThat(saved.status()).as(saved.body()).isEqualTo(200);
                assertThat(saved.json().path("applied").asBoolean()).isTrue();
                Reply submitted = http.submit(page.student.token, page.attemptId, page.device).block(WAIT);
                assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
                assertThat(submitted.json().path("state").asString()).isEqualTo("SUBMITTED");
            }
            log.info("All {} students saved again with their device tokens and submitted", STUDENTS);
        }
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** What the saves came to: acknowledged, refused by a running server (none expected), or without a reply. */
    private static final class Tally {
        final LongAdder acknowledged = new LongAdder();
        final LongAdder unanswered = new LongAdder();
        final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

        long refusals() {
            return refused.values().stream().mapToLong(LongAdder::sum).sum();
        }
    }

    /** One save of a random item; acknowledged only on a 200 reply that says it applied (one save per page at a time, so each does). */
    private static Mono<Void> saveOnce(StudentHttp http, Page page, Tally tally) {
        JsonNode item = page.items.get(ThreadLocalRandom.current().nextInt(page.items.size()));
        Sent save = new Sent(item.path("number").asInt(), page.seq.incrementAndGet(), Answer.randomFor(item));
        page.sent.put(save.seq(), save);
        return http.save(page.student.token, page.attemptId, page.device, save.number(), save.seq(), save.answer()).doOnNext(reply -> {
            if (reply.status() == 200 && reply.body().contains("\"applied\":true")) {
                page.acknowledge(save, reply.json().path("remainingMs").asLong(), System.nanoTime());
                tally.acknowledged.increment();
            } else if (reply.status() < 0) {
                tally.unanswered.increment();
            } else {
                tally.refused.computeIfAbsent(reply.kind() + (reply.status() == 200 ? " not applied" : ""), kind -> new LongAdder()).increment();
            }
        }).then();
    }
}
