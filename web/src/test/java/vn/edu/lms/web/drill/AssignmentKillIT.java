package vn.edu.lms.web.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import vn.edu.lms.content.testing.TestServices;
import vn.edu.lms.web.drill.ExamSetup.Student;

/**
 * A submission acknowledged to a student is never lost: a class of 45 hands in work (a file sent
 * over tus, then the hand-in) again and again when the application is killed with {@code kill -9}.
 * It restarts on the same data directory, and then, for every student, every hand-in answered 201
 * is there as the version number it was given, with its text and its file whole (the bytes read
 * back have the digest of the bytes sent); and every version stored is one the student sent.
 */
class AssignmentKillIT {

    private static final Logger log = LoggerFactory.getLogger(AssignmentKillIT.class);
    private static final int STUDENTS = 45;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 100;
    private static final int FILE_BYTES = 256 * 1024;
    private static final String PASSWORD = "mat-khau-dien-tap-nop-bai";
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final Path root = TestServices.newRoot("test-submission-drill");
    private final ApplicationProcess application = new ApplicationProcess(root.resolve("data"));
    private final Map<String, String> environment = Map.of("LMS_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (application.ready()) {
            application.stop();
        }
        application.children().forEach(ProcessHandle::destroyForcibly);
    }

    /** A hand-in as sent: its text (unique) and its file's digest; the version the server gave it, once acknowledged. */
    private record HandIn(String text, String sha256, int version) {
    }

    /** One student's side: every hand-in sent by its text, and those acknowledged. */
    private static final class Desk {
        final Student student;
        final Map<String, HandIn> sent = new ConcurrentHashMap<>();
        final List<HandIn> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());

        Desk(Student student) {
            this.student = student;
        }
    }

    @Test
    void everyAcknowledgedHandInSurvivesKillDashNineWithItsFileWhole() throws Exception {
        double firstStart = application.startAndAwaitReady("submission-first-start.log", environment);
        log.info("First start: ready in {} s", String.format("%.1f", firstStart));
        URI url = URI.create("http://127.0.0.1:" + application.httpPort);
        ExamSetup setup = new ExamSetup(url);
        AssignmentHttp http = new AssignmentHttp(url);
        String admin = setup.adminToken(PASSWORD);
        ExamSetup.School school = setup.school(admin, "nopbai");
        List<Student> students = setup.addClasses(admin, school, "nopbai", 1, 1, STUDENTS, 1, 1, 4);
        String assignmentId = http.assignment(school, admin, students.get(0).classId, Instant.now().plus(Duration.ofHours(2)), 1);
        List<Desk> desks = new ArrayList<>();
        for (Student student : students) {
            student.token = setup.tokenFor(student.username, student.password, "nop-bai");
            desks.add(new Desk(student));
        }

        LongAdder acknowledged = new LongAdder();
        LongAdder unanswered = new LongAdder();
        Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
        AtomicBoolean handingIn = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(STUDENTS);
        for (Desk desk : desks) {
            pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(desk.student.index);
                while (handingIn.get()) {
                    byte[] file = new byte[FILE_BYTES];
                    random.nextBytes(file);
                    String text = "Lần nộp " + UUID.randomUUID();
                    String sha256 = sha256(file);
                    try {
                        String upload = http.upload(desk.student.token, file, "bai-lam.bin");
                        desk.sent.put(text, new HandIn(text, sha256, 0));
                        HttpResponse<String> reply = http.handIn(desk.student.token, assignmentId, text, List.of(upload));
                        if (reply.statusCode() == 201) {
                            desk.acknowledged.add(new HandIn(text, sha256, ExamSetup.JSON.readTree(reply.body()).path("version").asInt()));
                            acknowledged.increment();
                        } else {
                            refused.computeIfAbsent(reply.statusCode(), status -> new LongAdder()).increment();
                        }
                    } catch (IOException | IllegalStateException failure) {
                        unanswered.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> acknowledged.sum() >= ACKNOWLEDGED_BEFORE_KILL);
        application.kill();
        handingIn.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        log.info("Killed with {} hand-ins of {} students acknowledged, {} without a reply (on the wire at the kill)", acknowledged.sum(),
            STUDENTS, unanswered.sum());
        assertThat(refused).as("hand-ins refused while the server ran").isEmpty();

        double restart = application.startAndAwaitReady("submission-restart.log", environment);
        log.info("Restart after kill -9: ready in {} s", String.format("%.1f", restart));
        int storedUnacknowledged = 0;
        long bytesChecked = 0;
        for (Desk desk : desks) {
            String studentId = setup.call("GET", "/api/v1/auth/me", desk.student.token, null, 200).path("accountId").asString();
            byte[] mine = http.bytesOrNull(desk.student.token, "/api/v1/assignments/" + assignmentId + "/submissions/mine");
            // 404: nothing of theirs was stored (their first hand-in was on the wire at the kill, or never sent).
            JsonNode versions = mine == null ? ExamSetup.JSON.createArrayNode() : ExamSetup.JSON.readTree(mine).path("versions");
            for (HandIn acked : desk.acknowledged) {
                JsonNode version = versions.path(acked.version() - 1);
                assertThat(version.isMissingNode()).as("acknowledged version %d of %s", acked.version(), desk.student.username).isFalse();
                assertThat(version.path("text").asString()).isEqualTo(acked.text());
                assertThat(version.path("files").path(0).path("sha256").asString()).isEqualTo(acked.sha256());
                byte[] back = http.bytes(desk.student.token, "/api/v1/assignments/" + assignmentId + "/submissions/" + studentId + "/versions/"
                    + acked.version() + "/files/1");
                assertThat(sha256(back)).as("the file of version %d of %s, read back", acked.version(), desk.student.username)
                    .isEqualTo(acked.sha256());
                bytesChecked += back.length;
            }
            for (JsonNode version : versions) {
                HandIn sent = desk.sent.get(version.path("text").asString());
                assertThat(sent).as("stored version %d of %s was sent", version.path("number").asInt(), desk.student.username).isNotNull();
                assertThat(version.path("files").path(0).path("sha256").asString()).isEqualTo(sent.sha256());
            }
            storedUnacknowledged += versions.size() - desk.acknowledged.size();
        }
        log.info("Every acknowledged hand-in is there with its file whole ({} MB read back); {} hand-ins on the wire at the kill were stored anyway",
            bytesChecked / (1024 * 1024), storedUnacknowledged);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
