package vn.edu.lms.web.drill;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import vn.edu.lms.content.testing.TestServices;
import vn.edu.lms.web.drill.ExamSetup.Student;

/**
 * A class handing in at the last minute: {@code --students} students (45) each send a
 * {@code --megabytes} file (20 MB) over tus and hand it in, each starting at a random moment of the
 * {@code --window-seconds} (120) before the due time. Starts the packaged jar on the embedded
 * default, sets the class up through the API, then prints the hand-in acknowledgement latency (the
 * {@code POST …/submissions} after the file is sent: the goal is p99 ≤ 1 s), the upload times
 * (transfer, not part of the goal), the throughput and every error.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B -q -o -pl web test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/web-cp.txt
 * java -cp web/target/test-classes:$(cat /tmp/web-cp.txt) -Dlms.application.jar=web/target/lms.jar \
 *   vn.edu.lms.web.drill.SubmissionBenchmark --students=45 --megabytes=20 --window-seconds=120
 * </pre>
 */
public final class SubmissionBenchmark {

    private static final String PASSWORD = "mat-khau-do-nop-bai";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --students=N --megabytes=N --window-seconds=N --heap=1g, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int studentCount = Integer.parseInt(options.getOrDefault("students", "45"));
        int megabytes = Integer.parseInt(options.getOrDefault("megabytes", "20"));
        int window = Integer.parseInt(options.getOrDefault("window-seconds", "120"));
        String heap = options.getOrDefault("heap", "1g");
        Path root = TestServices.newRoot("submission-benchmark");
        ApplicationProcess application = new ApplicationProcess(root.resolve("data"), List.of("-Xmx" + heap));
        try {
            double ready = application.startAndAwaitReady("application.log", Map.of("LMS_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD));
            System.out.printf(Locale.ROOT, "Application (-Xmx%s) ready in %.1f s%n", heap, ready);
            run(application, studentCount, megabytes, window);
        } finally {
            application.stop();
            TestServices.deleteTree(root);
        }
        System.exit(0);
    }

    private static void run(ApplicationProcess application, int studentCount, int megabytes, int window) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + application.httpPort);
        ExamSetup setup = new ExamSetup(url);
        AssignmentHttp http = new AssignmentHttp(url);
        String admin = setup.adminToken(PASSWORD);
        ExamSetup.School school = setup.school(admin, "nopcuoi");
        List<Student> students = setup.addClasses(admin, school, "nopcuoi", 1, 1, studentCount, 1, 1, 4);
        Instant due = Instant.now().plusSeconds(window + 30L);
        String assignmentId = http.assignment(school, admin, students.get(0).classId, due, Math.max(1, megabytes + 1));
        for (Student student : students) {
            student.token = setup.tokenFor(student.username, student.password, "nop-bai");
        }
        System.out.printf(Locale.ROOT, "%d students, %d MB each, starting at random in the %d s before the due time%n", studentCount, megabytes,
            window);

        List<Double> acknowledgements = Collections.synchronizedList(new ArrayList<>());
        List<Double> uploads = Collections.synchronizedList(new ArrayList<>());
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        LongAdder late = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(studentCount);
        CountDownLatch done = new CountDownLatch(studentCount);
        long start = System.nanoTime();
        for (Student student : students) {
            long startAfterMs = new SplittableRandom(student.index).nextLong(window * 1000L);
            pool.submit(() -> {
                try {
                    Thread.sleep(startAfterMs);
                    byte[] file = new byte[megabytes * 1024 * 1024];
                    new SplittableRandom(1000L + student.index).nextBytes(file);
                    long sending = System.nanoTime();
                    String upload = http.upload(student.token, file, "bai-lam-" + student.index + ".bin");
                    long handing = System.nanoTime();
                    HttpResponse<String> reply = http.handIn(student.token, assignmentId, "Bài làm của em", List.of(upload));
                    long answered = System.nanoTime();
                    uploads.add((handing - sending) / 1e9);
                    if (reply.statusCode() == 201) {
                        acknowledgements.add((answered - handing) / 1e6);
                        if (reply.body().contains("\"late\":true")) {
                            late.increment();
                        }
                    } else {
                        errors.computeIfAbsent("hand-in " + reply.statusCode(), kind -> new LongAdder()).increment();
                    }
                } catch (Exception failure) {
                    errors.computeIfAbsent(failure.getClass().getSimpleName() + ": " + failure.getMessage(), kind -> new LongAdder()).increment();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(window + 600L, TimeUnit.SECONDS);
        pool.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> acks = sorted(acknowledgements);
        List<Double> ups = sorted(uploads);
        System.out.printf(Locale.ROOT, "hand-ins acknowledged: %d of %d (%d late), errors: %s%n", acks.size(), studentCount, late.sum(), errors);
        System.out.printf(Locale.ROOT, "hand-in acknowledgement (after the file is sent): p50 %.1f ms, p95 %.1f, p99 %.1f, max %.1f (goal p99 ≤ 1000)%n",
            percentile(acks, 50), percentile(acks, 95), percentile(acks, 99), percentile(acks, 100));
        System.out.printf(Locale.ROOT, "upload of %d MB (transfer): p50 %.2f s, p95 %.2f, max %.2f; %.1f MB/s over the %.0f s run%n", megabytes,
            percentile(ups, 50), percentile(ups, 95), percentile(ups, 100), (double) megabytes * ups.size() / seconds, seconds);
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    /** The nearest-rank percentile; NaN for no values. */
    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
