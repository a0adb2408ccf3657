package vn.edu.lms.web.drill;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import vn.edu.lms.content.testing.TestServices;
import vn.edu.lms.web.drill.StudentHttp.Answer;
import vn.edu.lms.web.drill.StudentHttp.Reply;
import vn.edu.lms.web.drill.ExamSetup.Student;

/**
 * A computer-based test under load, from a separate process speaking HTTP to the application on
 * loopback. Starts the packaged jar on a fresh data directory with the embedded stack (or attaches to
 * a running one with {@code --url=}), then:
 * <ol>
 * <li><b>setup</b> (not measured): a school, grade-7 classes of 45 imported from class lists, the
 * students' first sign-ins with their own passwords, a Toán 7 bank, a 10-point blueprint (12 single
 * choices, 4 true/false groups, 4 short answers);
 * <li><b>sign-in</b> of every student for a token, a bounded number at a time (about what the server can
 * hash: BCrypt cost 10);
 * <li><b>the burst</b>: a session opens and every student starts within the burst window (uniformly
 * spread), gets their paper in the start reply, saves an answer every few seconds (open loop: a save
 * is sent on time whether or not the previous one was answered), pings the clock now and then, and
 * submits when their test length is up.
 * </ol>
 * Prints latency percentiles per request kind, errors by status and problem type, saves per second,
 * and the verdict on the goal: 3,000 students starting within 60 s with save p99 ≤ 200 ms and no
 * error. {@code --knee} repeats the burst with more students each time until the save p99 passes
 * 500 ms, and reports the largest number before it did. The application gets
 * {@code lms.security.sign-in.attempts-per-address=1000000}: every student signs in from the same
 * loopback address. {@code --thread-dumps} takes three thread dumps of the application when every
 * student has started and summarises where the embedded database's threads are (each dump pauses the
 * application, so the burst it measures is slower); {@code --jvm=…} adds an option to the
 * application's JVM (a flight recording, say).
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B -q -o -pl web test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/web-cp.txt
 * java -cp web/target/test-classes:$(cat /tmp/web-cp.txt) -Dlms.application.jar=web/target/lms.jar \
 *   vn.edu.lms.web.drill.ExamLoadBenchmark --students=3000 --burst-seconds=60 --save-every-seconds=5 --test-minutes=3 --knee
 * </pre>
 */
public final class ExamLoadBenchmark {

    private static final String PASSWORD = "mat-khau-do-tai-thi";
    private static final int CLASSES_PER_SESSION = 100;
    private static final int WINDOW_SECONDS = 15;
    private static final double GOAL_P99_MS = 200;

    private final Options options;
    /** Where the applications the harness starts keep their data and logs; null when attached to one started by hand. */
    private final Path root;
    private final String tag = Long.toString(System.currentTimeMillis() / 1000 % 60_466_176L, 36);
    private final List<Student> students = new ArrayList<>();
    private final List<String> classIds = new ArrayList<>();
    private ApplicationProcess application;
    private long applicationPid;
    private Path applicationLog;
    private Path gcLog;
    private ExamSetup setup;
    private StudentHttp http;
    private String adminToken;
    private ExamSetup.School school;
    private int launches;

    private ExamLoadBenchmark(Options options, Path root) {
        this.options = options;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path root = options.url == null ? TestServices.newRoot("test-load-benchmark") : null;
        ExamLoadBenchmark benchmark = new ExamLoadBenchmark(options, root);
        int status = 0;
        try {
            benchmark.run();
        } catch (Exception | AssertionError e) {
            status = 1;
            e.printStackTrace();
        } finally {
            benchmark.shutDown();
            if (root != null && !options.keepData) {
                TestServices.deleteTree(root);
            }
        }
        System.exit(status);
    }

    /**
     * A fresh application on a fresh data directory (the harness's own), or the one given with
     * {@code --url}; then the school, its teacher, bank and blueprint. Students come with {@link #ensureStudents}.
     */
    private void launch() throws IOException, InterruptedException {
        shutDown();
        students.clear();
        classIds.clear();
        String url = options.url;
        applicationPid = options.pid;
        if (url == null) {
            launches++;
            Path data = root.resolve("data-" + launches);
            gcLog = root.resolve("gc-" + launches + ".log");
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.heap, "-Xlog:gc:file=" + gcLog));
            jvm.addAll(options.jvmOptions);
            application = new ApplicationProcess(data, jvm);
            applicationLog = root.resolve("application-" + launches + ".log");
            System.out.printf(Locale.ROOT, "%nStarting the application (-Xmx%s, embedded stack, fresh data directory %s) with "
                + "--lms.security.sign-in.attempts-per-address=1000000 (every student signs in from 127.0.0.1) …%n", options.heap, data);
            double ready = application.startAndAwaitReady(applicationLog.getFileName().toString(),
                Map.of("LMS_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword, "LMS_SECURITY_SIGNIN_ATTEMPTSPERADDRESS", "1000000"));
            System.out.printf(Locale.ROOT, "Application ready in %.1f s on port %d (pid %d)%n", ready, application.httpPort, application.pid());
            url = "http://127.0.0.1:" + application.httpPort;
            applicationPid = application.pid();
        } else {
            System.out.printf(Locale.ROOT, "Attached to %s (started by hand: it must run with "
                + "--lms.security.sign-in.attempts-per-address=1000000 or sign-ins from one address are refused)%n", url);
        }
        setup = new ExamSetup(URI.create(url));
        http = new StudentHttp(url, Math.max(64, options.connections), options.eventLoops, Duration.ofSeconds(options.timeoutSeconds));
        long started = System.nanoTime();
        adminToken = setup.adminToken(options.adminPassword);
        school = setup.school(adminToken, tag + (launches > 1 ? "-" + launches : ""));
        System.out.printf(Locale.ROOT, "%n== Setup (not measured) ==%nschool %s, school year %d, teacher, bank of 40 questions, blueprint "
            + "12 × single choice + 4 × true/false group + 4 × short answer = 10 points: %.1f s%n",
            school.id(), school.startYear(), (System.nanoTime() - started) / 1e9);
    }

    /** Stops the application the harness started (its log summarised first) and removes its data directory. */
    private void shutDown() throws InterruptedException {
        if (http != null) {
            http.close();
            http = null;
        }
        if (application != null) {
            logSummary(applicationLog);
            try {
                application.stop();
            } catch (RuntimeException e) {
                System.err.println("stopping the application: " + e.getMessage());
            }
            application.children().forEach(ProcessHandle::destroyForcibly);
            if (!options.keepData) {
                TestServices.deleteTree(application.dataDir);
            }
            application = null;
        }
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Students %,d (classes of %d); burst %d s; a save every %d s ± 50 %%; test %.1f min; ping every %d s; "
            + "sign-in %d at a time; client: Reactor Netty, %d event loops, ≤ %,d connections, %d s timeout%n",
            options.students, options.classSize, options.burstSeconds, options.saveEverySeconds, options.testMinutes, options.pingEverySeconds,
            options.signInConcurrency, options.eventLoops, Math.max(64, options.connections), options.timeoutSeconds);
        launch();
        List<Student> added = ensureStudents(options.students);
        SignIns signIns = signIn(added);
        signIns.print();
        if (applicationPid > 0) {
            double before = cpuSeconds(applicationPid);
            Thread.sleep(10_000);
            System.out.printf(Locale.ROOT, "%napplication at rest (10 s before the burst): %.2f cores%n", (cpuSeconds(applicationPid) - before) / 10);
        }
        List<Burst> bursts = new ArrayList<>();
        Burst first = burst(options.students, options.testMinutes);
        first.print();
        bursts.add(first);
        verdict(first, signIns);
        if (options.knee) {
            knee(bursts);
        }
    }

    /** Adds classes (and their students) until there are {@code count} students; returns the new ones. */
    private List<Student> ensureStudents(int count) {
        if (students.size() >= count) {
            return List.of();
        }
        int classesNeeded = (count + options.classSize - 1) / options.classSize;
        int adding = classesNeeded - classIds.size();
        long started = System.nanoTime();
        List<Student> added = setup.addClasses(adminToken, school, tag, classIds.size() + 1, adding, options.classSize, 20, students.size() + 1,
            options.signInConcurrency);
        students.addAll(added);
        added.stream().map(student -> student.classId).distinct().forEach(classIds::add);
        System.out.printf(Locale.ROOT, "%,d classes, %,d students added (class lists imported, credential sheets printed, each student's "
            + "first sign-in and own password): %.1f s; %,d students in all%n", adding, added.size(), (System.nanoTime() - started) / 1e9,
            students.size());
        return added;
    }

    // ---------------------------------------------------------------------------------------- sign-in

    private record SignIns(int count, int concurrency, Histogram latency, Map<String, Long> errors, double seconds, long ok) {

        void print() {
            System.out.printf(Locale.ROOT, "%n== Sign-in: %,d students, %d at a time (POST /api/v1/auth/tokens, BCrypt cost 10) ==%n", count, concurrency);
            System.out.println(header());
            System.out.println(row("sign-in", latency, count, ok));
            System.out.printf(Locale.ROOT, "%,d signed in over %.1f s: %.1f sign-ins/s%s%n", ok, seconds, ok / seconds, errorsLine(errors));
            System.out.printf(Locale.ROOT, "at that rate a class of 45 signs in in %.1f s, and 3,000 students in %.1f min: students who all "
                + "sign in in the same minute before a test queue for the hashing pool%n", 45 / (ok / seconds), 3000 / (ok / seconds) / 60);
        }
    }

    private SignIns signIn(List<Student> signingIn) {
        ConcurrentHistogram latency = new ConcurrentHistogram(3);
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        LongAdder ok = new LongAdder();
        long started = System.nanoTime();
        Flux.fromIterable(signingIn).flatMap(student -> http.signIn(student.username, student.password).doOnNext(reply -> {
            latency.recordValue(Math.max(1, reply.nanos() / 1000));
            if (reply.status() == 201) {
                student.token = reply.json().path("token").asString();
                ok.increment();
            } else {
                errors.computeIfAbsent(reply.kind(), kind -> new LongAdder()).increment();
            }
        }), options.signInConcurrency).blockLast(Duration.ofHours(2));
        double seconds = (System.nanoTime() - started) / 1e9;
        return new SignIns(signingIn.size(), options.signInConcurrency, latency, sums(errors), seconds, ok.sum());
    }

    // ------------------------------------------------------------------------------------------ burst

    /** What one burst measured. */
    private final class Burst {
        final int count;
        final double testMinutes;
        final Map<String, ConcurrentHistogram> latency = new ConcurrentHashMap<>();
        final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
        final Map<String, LongAdder> ok = new ConcurrentHashMap<>();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final Map<Integer, ConcurrentHistogram> saveWindows = new ConcurrentHashMap<>();
        final AtomicLongArray savesPerSecond;
        final ConcurrentHistogram lag = new ConcurrentHistogram(3);
        final LongAdder notApplied = new LongAdder();
        final AtomicLong lastStartReply = new AtomicLong();
        final AtomicLong firstSave = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastSave = new AtomicLong();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger submitted = new AtomicInteger();
        long t0;
        double seconds;
        double applicationCpu = -1;
        double searchCpu = -1;
        double clientCpu;
        long rssMib = -1;
        long connectionsOpened;
        Map<String, Double> threadCpu = Map.of();
        String gcPauses;
        volatile String threadDumps;
        int sessions;

        Burst(int count, double testMinutes) {
            this.count = count;
            this.testMinutes = testMinutes;
            this.savesPerSecond = new AtomicLongArray(options.burstSeconds + (int) (testMinutes * 60) + 900);
        }

        void record(String op, Reply reply) {
            sent.computeIfAbsent(op, key -> new LongAdder()).increment();
            latency.computeIfAbsent(op, key -> new ConcurrentHistogram(3)).recordValue(Math.max(1, reply.nanos() / 1000));
            if (reply.ok()) {
                ok.computeIfAbsent(op, key -> new LongAdder()).increment();
            } else {
                errors.computeIfAbsent(op + ": " + reply.kind(), key -> new LongAdder()).increment();
            }
        }

        void recordSave(Reply reply, long now) {
            record("save", reply);
            int second = (int) ((now - t0) / 1_000_000_000L);
            if (second >= 0 && second < savesPerSecond.length()) {
                savesPerSecond.incrementAndGet(second);
            }
            saveWindows.computeIfAbsent(second / WINDOW_SECONDS, key -> new ConcurrentHistogram(3)).recordValue(Math.max(1, reply.nanos() / 1000));
            firstSave.accumulateAndGet(now, Math::min);
            lastSave.accumulateAndGet(now, Math::max);
        }

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long requests() {
            return sent.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Histogram saves() {
            return latency.getOrDefault("save", new ConcurrentHistogram(3));
        }

        double saveP99() {
            return saves().getTotalCount() == 0 ? Double.NaN : saves().getValueAtPercentile(99) / 1000.0;
        }

        double savesPerSecondMean() {
            double span = (lastSave.get() - firstSave.get()) / 1e9;
            return span <= 0 ? 0 : count("save") / span;
        }

        long count(String op) {
            LongAdder adder = sent.get(op);
            return adder == null ? 0 : adder.sum();
        }

        long okCount(String op) {
            LongAdder adder = ok.get(op);
            return adder == null ? 0 : adder.sum();
        }

        void print() {
            System.out.printf(Locale.ROOT, "%n== Burst: %,d students in %d session(s), starts spread over %d s, a save every %d s ± 50 %%, "
                + "%.1f min each, then submit ==%n", count, sessions, options.burstSeconds, options.saveEverySeconds, testMinutes);
            System.out.println(header());
            for (String op : List.of("start", "save", "ping", "submit")) {
                if (latency.containsKey(op)) {
                    System.out.println(row(op, latency.get(op), count(op), okCount(op)));
                }
            }
            System.out.printf(Locale.ROOT, "started %,d of %,d (last start answered at +%.1f s after the first was sent); submitted %,d%n",
                started.get(), count, (lastStartReply.get() - t0) / 1e9, submitted.get());
            System.out.printf(Locale.ROOT, "errors: %s%n", errors.isEmpty() ? "none"
                : new TreeMap<>(sums(errors)).entrySet().stream().map(e -> e.getKey() + " × " + e.getValue()).collect(Collectors.joining(", ")));
            if (notApplied.sum() > 0) {
                System.out.printf(Locale.ROOT, "saves answered 200 but not applied (a newer one was stored): %,d%n", notApplied.sum());
            }
            long peak = 0;
            for (int i = 0; i < savesPerSecond.length(); i++) {
                peak = Math.max(peak, savesPerSecond.get(i));
            }
            System.out.printf(Locale.ROOT, "throughput: %,.0f saves/s on average from the first save to the last, peak %,d in one second; "
                + "%,d requests in %.0f s (%,.0f/s)%n", savesPerSecondMean(), peak, requests(), seconds, requests() / seconds);
            System.out.printf(Locale.ROOT, "saves per %d s since the first start was sent:%n", WINDOW_SECONDS);
            System.out.printf(Locale.ROOT, "  %9s %8s %8s %8s %8s %8s%n", "window", "saves", "p50 ms", "p99 ms", "max ms", "per s");
            new TreeMap<>(saveWindows).forEach((window, histogram) -> System.out.printf(Locale.ROOT, "  %4d–%-4d %8d %8.1f %8.1f %8.1f %8.0f%n",
                window * WINDOW_SECONDS, (window + 1) * WINDOW_SECONDS, histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0, histogram.getTotalCount() / (double) WINDOW_SECONDS));
            System.out.printf(Locale.ROOT, "load generator: sends late by p99 %.1f ms, max %.1f ms (scheduler lag); CPU %.1f s (%.2f cores); "
                + "%,d new connections (%,d opened since the harness began; kept alive and reused)%n", lag.getValueAtPercentile(99) / 1000.0,
                lag.getMaxValue() / 1000.0, clientCpu, clientCpu / seconds, connectionsOpened, http.connections.sum());
            if (applicationCpu >= 0) {
                System.out.printf(Locale.ROOT, "application: CPU %.1f s over %.0f s (%.2f of %d cores)%s; its Elasticsearch %.1f s%n", applicationCpu,
                    seconds, applicationCpu / seconds, Runtime.getRuntime().availableProcessors(),
                    rssMib < 0 ? "" : String.format(Locale.ROOT, ", resident %,d MiB", rssMib), searchCpu);
                System.out.printf(Locale.ROOT, "application threads by CPU in the burst: %s%n", threadCpu.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                    .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
                if (gcPauses != null) {
                    System.out.println(gcPauses);
                }
                if (threadDumps != null) {
                    System.out.print(threadDumps);
                }
            }
        }
    }

    private Burst burst(int count, double testMinutes) throws InterruptedException {
        List<Student> taking = students.subList(0, count);
        List<String> burstClasses = taking.stream().map(student -> student.classId).distinct().toList();
        Map<String, String> sessionOf = new HashMap<>();
        int duration = (int) Math.min(240, Math.max(45, Math.ceil(testMinutes) + 15));
        Instant opensAt = Instant.now().minusSeconds(60);
        Burst burst = new Burst(count, testMinutes);
        for (int from = 0; from < burstClasses.size(); from += CLASSES_PER_SESSION) {
            List<String> group = burstClasses.subList(from, Math.min(burstClasses.size(), from + CLASSES_PER_SESSION));
            String sessionId = setup.session(school, group, opensAt, duration);
            group.forEach(classId -> sessionOf.put(classId, sessionId));
            burst.sessions++;
        }
        List<Double> offsets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Stratified: one start in each of count equal slices of the window, at a random point of its slice.
            offsets.add(options.burstSeconds * (i + ThreadLocalRandom.current().nextDouble()) / count);
        }
        Collections.shuffle(offsets);
        ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "load-clock");
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch finished = new CountDownLatch(count);
        long connectionsBefore = http.connections.sum();
        double clientCpuBefore = clientCpuSeconds();
        double applicationCpuBefore = cpuSeconds(applicationPid);
        long searchPid = searchPid();
        double searchCpuBefore = cpuSeconds(searchPid);
        Map<String, Double> threadsBefore = threadCpu(applicationPid);
        int gcLinesBefore = gcLines().size();
        burst.t0 = System.nanoTime() + 1_000_000_000L;
        long testNanos = (long) (testMinutes * 60e9);
        for (int i = 0; i < count; i++) {
            Student student = taking.get(i);
            Taker taker = new Taker(burst, clock, finished, student, sessionOf.get(student.classId), burst.t0 + (long) (offsets.get(i) * 1e9),
                testNanos);
            taker.schedule(taker.startAt, taker::start);
        }
        if (applicationPid > 0 && options.threadDumps) {
            // When every student has started: where the embedded database's threads are, from a few thread dumps.
            // Only when asked: each dump stops the application for a moment, in the middle of the measurement.
            long at = burst.t0 + options.burstSeconds * 1_000_000_000L;
            clock.schedule(() -> {
                Thread sampler = new Thread(() -> burst.threadDumps = sampleThreads(applicationPid, options.burstSeconds), "thread-dumps");
                sampler.setDaemon(true);
                sampler.start();
            }, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        long limit = options.burstSeconds + (long) (testMinutes * 60) + 300;
        if (!finished.await(limit, TimeUnit.SECONDS)) {
            System.out.printf(Locale.ROOT, "%,d students had not finished %d s after the burst began%n", finished.getCount(), limit);
        }
        clock.shutdownNow();
        burst.seconds = (System.nanoTime() - burst.t0) / 1e9;
        burst.clientCpu = clientCpuSeconds() - clientCpuBefore;
        burst.connectionsOpened = http.connections.sum() - connectionsBefore;
        if (applicationPid > 0) {
            burst.applicationCpu = cpuSeconds(applicationPid) - applicationCpuBefore;
            burst.searchCpu = cpuSeconds(searchPid) - searchCpuBefore;
            burst.rssMib = ApplicationProcess.residentMib(applicationPid);
            Map<String, Double> threads = threadCpu(applicationPid);
            threadsBefore.forEach((name, seconds) -> threads.merge(name, -seconds, Double::sum));
            burst.threadCpu = threads;
            List<String> gcLines = gcLines();
            burst.gcPauses = gcPauses(gcLines.subList(Math.min(gcLinesBefore, gcLines.size()), gcLines.size()));
        }
        return burst;
    }

    /** One student's page during the burst. */
    private final class Taker {
        private final Burst burst;
        private final ScheduledThreadPoolExecutor clock;
        private final CountDownLatch finished;
        private final Student student;
        private final String sessionId;
        final long startAt;
        private final long endAt;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicBoolean submitting = new AtomicBoolean();
        private final AtomicLong seq = new AtomicLong();
        private volatile boolean ending;
        private String attemptId;
        private String device;
        private List<JsonNode> items;
        private int cursor;
        private long nextSaveAt;
        private long nextPingAt;

        Taker(Burst burst, ScheduledThreadPoolExecutor clock, CountDownLatch finished, Student student, String sessionId, long startAt,
                long testNanos) {
            this.burst = burst;
            this.clock = clock;
            this.finished = finished;
            this.student = student;
            this.sessionId = sessionId;
            this.startAt = startAt;
            this.endAt = startAt + testNanos;
        }

        void schedule(long at, Runnable action) {
            clock.schedule(() -> {
                burst.lag.recordValue(Math.max(0, (System.nanoTime() - at) / 1000));
                action.run();
            }, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        void start() {
            http.start(student.token, sessionId).subscribe(reply -> {
                burst.record("start", reply);
                burst.lastStartReply.accumulateAndGet(System.nanoTime(), Math::max);
                if (reply.status() != 201 && reply.status() != 200) {
                    finished.countDown();
                    return;
                }
                JsonNode attempt = reply.json();
                attemptId = attempt.path("id").asString();
                device = attempt.path("device").asString();
                items = new ArrayList<>();
                attempt.path("paper").forEach(items::add);
                burst.started.incrementAndGet();
                long now = System.nanoTime();
                nextSaveAt = now + interval(options.saveEverySeconds);
                schedule(nextSaveAt, this::save);
                if (options.pingEverySeconds > 0) {
                    nextPingAt = now + interval(options.pingEverySeconds);
                    schedule(nextPingAt, this::ping);
                }
                schedule(endAt, this::end);
            });
        }

        void save() {
            if (ending) {
                return;
            }
            JsonNode item = cursor < items.size() ? items.get(cursor++) : items.get(ThreadLocalRandom.current().nextInt(items.size()));
            inFlight.incrementAndGet();
            http.save(student.token, attemptId, device, item.path("number").asInt(), seq.incrementAndGet(), Answer.randomFor(item))
                .subscribe(reply -> {
                    burst.recordSave(reply, System.nanoTime());
                    if (reply.status() == 200 && reply.body().contains("\"applied\":false")) {
                        burst.notApplied.increment();
                    }
                    if (inFlight.decrementAndGet() == 0 && ending) {
                        submit();
                    }
                });
            nextSaveAt += interval(options.saveEverySeconds);
            if (nextSaveAt < endAt) {
                schedule(nextSaveAt, this::save);
            }
        }

        void ping() {
            if (ending) {
                return;
            }
            http.ping(student.token, attemptId).subscribe(reply -> burst.record("ping", reply));
            nextPingAt += interval(options.pingEverySeconds);
            if (nextPingAt < endAt) {
                schedule(nextPingAt, this::ping);
            }
        }

        /** Time is up for this student: no more saves; submit once the saves on the wire are answered, as the page does. */
        void end() {
            ending = true;
            if (inFlight.get() == 0) {
                submit();
            }
        }

        void submit() {
            if (!submitting.compareAndSet(false, true)) {
                return;
            }
            http.submit(student.token, attemptId, device).subscribe(reply -> {
                burst.record("submit", reply);
                if (reply.ok() && reply.body().contains("\"state\":\"SUBMITTED\"")) {
                    burst.submitted.incrementAndGet();
                }
                finished.countDown();
            });
        }
    }

    /** The interval times a uniform factor in [0.5, 1.5): the jitter of people answering at their own pace. */
    private static long interval(int seconds) {
        return (long) (seconds * 1e9 * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    // ---------------------------------------------------------------------------------------- verdict

    private void verdict(Burst burst, SignIns signIns) {
        List<String> failed = new ArrayList<>();
        if (burst.count < 3000) {
            failed.add(String.format(Locale.ROOT, "only %,d students (the goal is about 3,000)", burst.count));
        }
        if (options.burstSeconds > 60) {
            failed.add("starts spread over " + options.burstSeconds + " s, more than 60 s");
        }
        if (burst.started.get() < burst.count) {
            failed.add(String.format(Locale.ROOT, "%,d of %,d did not start", burst.count - burst.started.get(), burst.count));
        }
        if (!(burst.saveP99() <= GOAL_P99_MS)) {
            failed.add(String.format(Locale.ROOT, "save p99 %.1f ms > %.0f ms", burst.saveP99(), GOAL_P99_MS));
        }
        long errors = burst.errorCount() + signIns.errors().values().stream().mapToLong(Long::longValue).sum();
        if (errors > 0) {
            failed.add(String.format(Locale.ROOT, "%,d errors", errors));
        }
        System.out.printf(Locale.ROOT, "%nGoal \"3,000 students starting within 60 s with save p99 ≤ 200 ms and no error\": %s%n",
            failed.isEmpty() ? String.format(Locale.ROOT, "MET (%,d students, save p99 %.1f ms, no error)", burst.count, burst.saveP99())
                : "NOT MET: " + String.join("; ", failed));
    }

    // ------------------------------------------------------------------------------------------- knee

    /**
     * Grows the number of students by {@code --knee-step} while the save p99 stays within the limit
     * (or halves it when the first burst is already past it), then bisects between the last number
     * within and the first past it. With {@code --knee-fresh} (the default when the harness starts the
     * application) every step runs on a fresh application and data directory: on the embedded stack
     * the attempts of earlier bursts stay in the collection and would weigh on the later ones.
     */
    private void knee(List<Burst> bursts) throws Exception {
        double limit = options.kneeLimitMs;
        System.out.printf(Locale.ROOT, "%n== Knee search: the largest number of students before the save p99 passes %.0f ms "
            + "(steps of %,d, at most %,d students, %d bisection(s), %s) ==%n", limit, options.kneeStep, options.kneeMax, options.kneeBisect,
            fresh() ? "each step on a fresh application" : "every step on the same application");
        Burst last = bursts.get(bursts.size() - 1);
        if (within(last, limit)) {
            while (within(last, limit)) {
                int next = last.count + options.kneeStep;
                if (next > options.kneeMax) {
                    System.out.printf(Locale.ROOT, "stopping at the limit of %,d students (--knee-max)%n", options.kneeMax);
                    break;
                }
                last = kneeStep(next, bursts);
            }
        } else {
            while (!within(last, limit) && last.count / 2 >= options.classSize) {
                last = kneeStep(last.count / 2 / options.classSize * options.classSize, bursts);
            }
        }
        for (int round = 0; round < options.kneeBisect; round++) {
            Burst good = largestWithin(bursts, limit);
            Burst bad = smallestPast(bursts, limit);
            if (good == null || bad == null || bad.count - good.count <= 2 * options.classSize) {
                break;
            }
            kneeStep((good.count + bad.count) / 2 / options.classSize * options.classSize, bursts);
        }
        Burst good = largestWithin(bursts, limit);
        Burst bad = smallestPast(bursts, limit);
        System.out.printf(Locale.ROOT, "%n== Knee: save latency by number of students (a fresh session each; %d s burst; test %.1f min) ==%n",
            options.burstSeconds, options.kneeTestMinutes);
        System.out.printf(Locale.ROOT, "%8s %8s %9s %9s %9s %9s %9s %9s %8s %8s%n", "students", "started", "start p99", "save p50", "save p95",
            "save p99", "save max", "saves/s", "errors", "app CPU");
        bursts.stream().sorted((x, y) -> Integer.compare(x.count, y.count)).forEach(b -> System.out.printf(Locale.ROOT,
            "%,8d %,8d %9.1f %9.1f %9.1f %9.1f %9.1f %9.0f %,8d %8s%n", b.count, b.started.get(),
            b.latency.containsKey("start") ? b.latency.get("start").getValueAtPercentile(99) / 1000.0 : Double.NaN,
            b.saves().getValueAtPercentile(50) / 1000.0, b.saves().getValueAtPercentile(95) / 1000.0, b.saveP99(),
            b.saves().getMaxValue() / 1000.0, b.savesPerSecondMean(), b.errorCount(),
            b.applicationCpu < 0 ? "–" : String.format(Locale.ROOT, "%.2f", b.applicationCpu / b.seconds)));
        if (good == null) {
            System.out.printf(Locale.ROOT, "Knee: the save p99 passed %.0f ms at every number tried (down to %,d students)%n", limit,
                bursts.stream().mapToInt(b -> b.count).min().orElse(0));
        } else if (bad == null) {
            System.out.printf(Locale.ROOT, "Knee: not reached; the save p99 stayed ≤ %.0f ms up to %,d students%n", limit, good.count);
        } else {
            System.out.printf(Locale.ROOT, "Knee: the largest number of students before the save p99 passed %.0f ms: %,d (p99 %.1f ms, "
                + "%d errors); at %,d it was %.1f ms%n", limit, good.count, good.saveP99(), good.errorCount(), bad.count, bad.saveP99());
        }
    }

    private boolean fresh() {
        return options.kneeFresh && options.url == null;
    }

    private static boolean within(Burst burst, double limit) {
        return burst.saveP99() <= limit && burst.errorCount() <= burst.requests() / 100;
    }

    private static Burst largestWithin(List<Burst> bursts, double limit) {
        return bursts.stream().filter(b -> within(b, limit)).max((x, y) -> Integer.compare(x.count, y.count)).orElse(null);
    }

    private static Burst smallestPast(List<Burst> bursts, double limit) {
        return bursts.stream().filter(b -> !within(b, limit)).min((x, y) -> Integer.compare(x.count, y.count)).orElse(null);
    }

    private Burst kneeStep(int count, List<Burst> bursts) throws Exception {
        System.out.printf(Locale.ROOT, "%n-- knee step: %,d students --%n", count);
        if (fresh()) {
            launch();
        }
        List<Student> added = ensureStudents(count);
        if (!added.isEmpty()) {
            SignIns signIns = signIn(added);
            System.out.printf(Locale.ROOT, "sign-in of %,d students: p50 %.1f ms, p99 %.1f ms, %.1f/s, %d errors%n", added.size(),
                signIns.latency().getValueAtPercentile(50) / 1000.0, signIns.latency().getValueAtPercentile(99) / 1000.0,
                signIns.ok() / signIns.seconds(), signIns.errors().values().stream().mapToLong(Long::longValue).sum());
        }
        Burst burst = burst(count, options.kneeTestMinutes);
        burst.print();
        bursts.add(burst);
        return burst;
    }

    // -------------------------------------------------------------------------------------- reporting

    private static String header() {
        return String.format(Locale.ROOT, "%-8s %8s %8s %9s %9s %9s %9s %9s", "request", "sent", "ok", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms",
            "max ms");
    }

    private static String row(String op, Histogram histogram, long sent, long ok) {
        return String.format(Locale.ROOT, "%-8s %,8d %,8d %9.1f %9.1f %9.1f %9.1f %9.1f", op, sent, ok, histogram.getValueAtPercentile(50) / 1000.0,
            histogram.getValueAtPercentile(95) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0, histogram.getValueAtPercentile(99.9) / 1000.0,
            histogram.getMaxValue() / 1000.0);
    }

    private static String errorsLine(Map<String, Long> errors) {
        return errors.isEmpty() ? "; no error"
            : "; errors: " + errors.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> sums = new LinkedHashMap<>();
        adders.forEach((key, adder) -> sums.put(key, adder.sum()));
        return sums;
    }

    /** How many warnings and errors the application logged, and the first few distinct errors. */
    private static void logSummary(Path log) {
        try {
            if (!Files.exists(log)) {
                return;
            }
            List<String> lines = Files.readAllLines(log);
            long warnings = lines.stream().filter(line -> line.contains(" WARN ")).count();
            List<String> errors = lines.stream().filter(line -> line.contains(" ERROR ")).toList();
            System.out.printf(Locale.ROOT, "%napplication log: %,d lines, %,d WARN, %,d ERROR%n", lines.size(), warnings, errors.size());
            errors.stream().map(line -> line.length() > 300 ? line.substring(0, 300) + " …" : line).distinct().limit(5)
                .forEach(line -> System.out.println("  " + line));
        } catch (IOException e) {
            System.err.println("reading the application log: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------- process stats

    private long searchPid() {
        return application == null ? -1 : application.children().stream().mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    private static double clientCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** User and system CPU seconds of a process, from /proc (clock ticks of 1/100 s), or 0 when unknown. */
    private static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU seconds of a process's threads from /proc, summed by thread name with its numbers taken
     * out ("reactor-http-epoll-1" and "-2" count together), to see where the time goes.
     */
    private static Map<String, Double> threadCpu(long pid) {
        Map<String, Double> byName = new HashMap<>();
        if (pid <= 0) {
            return byName;
        }
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // not Linux
        }
        return byName;
    }

    /**
     * Three thread dumps ({@code jcmd Thread.print}) a second apart, summarised for the embedded
     * database's request threads ({@code mongo-server-worker}) that were serving a command: running
     * (the top frame, and the command), waiting for the store's one-writer-at-a-time lock, or waiting
     * for the group commit.
     */
    private static String sampleThreads(long pid, int atSecond) {
        Map<String, Integer> where = new HashMap<>();
        int dumps = 0;
        int serving = 0;
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (int i = 0; i < 3; i++) {
            try {
                Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
                String dump = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                process.waitFor(30, TimeUnit.SECONDS);
                dumps++;
                for (String thread : dump.split("\n\n")) {
                    if (!thread.startsWith("\"mongo-server-worker") || !thread.contains("de.bwaldvogel")) {
                        continue;
                    }
                    serving++;
                    List<String> frames = thread.lines().map(String::strip).filter(line -> line.startsWith("at ")).toList();
                    String command = frames.stream().filter(frame -> frame.contains("AbstractMongoCollection.") || frame.contains("AbstractMongoDatabase.handle"))
                        .map(ExamLoadBenchmark::shortFrame).findFirst().orElse("?");
                    String state;
                    if (thread.contains("State: BLOCKED") && thread.contains("DurableH2Backend.commitDurably")) {
                        state = "waiting for the group commit (DurableH2Backend.commitDurably)";
                    } else if (!thread.contains("State: RUNNABLE") && thread.contains("ReentrantReadWriteLock")) {
                        state = "waiting for the documents lock (DurableH2Backend: one writer at a time)";
                    } else if (thread.contains("State: RUNNABLE")) {
                        state = "running " + (frames.isEmpty() ? "?" : shortFrame(frames.get(0))) + " ← " + command;
                    } else {
                        state = thread.lines().filter(line -> line.contains("State:")).findFirst().orElse("?").strip() + " ← " + command;
                    }
                    where.merge(state, 1, Integer::sum);
                }
                Thread.sleep(1000);
            } catch (IOException e) {
                return "thread dumps: " + e.getMessage() + "\n";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
            "embedded database in %d thread dumps at +%d s: %d request threads busy with a command:%n", dumps, atSecond, serving));
        where.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
            .forEach(e -> summary.append(String.format(Locale.ROOT, "  %3d × %s%n", e.getValue(), e.getKey())));
        return summary.toString();
    }

    /** "at de.bwaldvogel.mongo.backend.DefaultQueryMatcher.matches(DefaultQueryMatcher.java:49)" → "DefaultQueryMatcher.matches". */
    private static String shortFrame(String frame) {
        String method = frame.substring(3, frame.contains("(") ? frame.indexOf('(') : frame.length());
        int dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
        return method.substring(dot + 1);
    }

    private List<String> gcLines() {
        try {
            return gcLog != null && Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The application's collector pauses in the burst (from its -Xlog:gc file): how many, in all, the longest, and the heap after them. */
    private static String gcPauses(List<String> lines) {
        java.util.regex.Pattern pause = java.util.regex.Pattern.compile("Pause (.*?) (\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");
        int count = 0;
        double total = 0;
        double longest = 0;
        String longestKind = "";
        long maxAfter = 0;
        for (String line : lines) {
            java.util.regex.Matcher matcher = pause.matcher(line);
            if (matcher.find()) {
                count++;
                double millis = Double.parseDouble(matcher.group(5));
                total += millis;
                if (millis > longest) {
                    longest = millis;
                    longestKind = matcher.group(1);
                }
                maxAfter = Math.max(maxAfter, Long.parseLong(matcher.group(3)));
            }
        }
        return String.format(Locale.ROOT, "application GC in the burst: %d pauses, %.0f ms in all, longest %.0f ms (%s); heap after a collection at most %,d MiB",
            count, total, longest, longestKind, maxAfter);
    }

    // ---------------------------------------------------------------------------------------- options

    private static final class Options {
        int students = 3000;
        int burstSeconds = 60;
        int saveEverySeconds = 5;
        double testMinutes = 3;
        int pingEverySeconds = 30;
        int classSize = 45;
        int signInConcurrency = 2 * Runtime.getRuntime().availableProcessors();
        boolean knee;
        int kneeStep = 1500;
        int kneeMax = 12000;
        int kneeBisect = 2;
        boolean kneeFresh = true;
        double kneeLimitMs = 500;
        double kneeTestMinutes = -1;
        String url;
        long pid = -1;
        String adminPassword = PASSWORD;
        String heap = "1g";
        int connections = -1;
        int eventLoops = 2;
        int timeoutSeconds = 30;
        boolean keepData;
        boolean threadDumps;
        /** More options for the application's JVM (a flight recording, another collector), one per {@code --jvm=}. */
        final List<String> jvmOptions = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("options are --name=value or --flag, not " + arg);
                }
                String name = arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg.substring(2);
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "true";
                switch (name) {
                    case "students" -> options.students = Integer.parseInt(value);
                    case "burst-seconds" -> options.burstSeconds = Integer.parseInt(value);
                    case "save-every-seconds" -> options.saveEverySeconds = Integer.parseInt(value);
                    case "test-minutes" -> options.testMinutes = Double.parseDouble(value);
                    case "ping-every-seconds" -> options.pingEverySeconds = Integer.parseInt(value);
                    case "class-size" -> options.classSize = Integer.parseInt(value);
                    case "sign-in-concurrency" -> options.signInConcurrency = Integer.parseInt(value);
                    case "knee" -> options.knee = Boolean.parseBoolean(value);
                    case "knee-step" -> options.kneeStep = Integer.parseInt(value);
                    case "knee-max" -> options.kneeMax = Integer.parseInt(value);
                    case "knee-bisect" -> options.kneeBisect = Integer.parseInt(value);
                    case "knee-fresh" -> options.kneeFresh = Boolean.parseBoolean(value);
                    case "knee-limit-ms" -> options.kneeLimitMs = Double.parseDouble(value);
                    case "knee-test-minutes" -> options.kneeTestMinutes = Double.parseDouble(value);
                    case "url" -> options.url = value.replaceAll("/+$", "");
                    case "pid" -> options.pid = Long.parseLong(value);
                    case "admin-password" -> options.adminPassword = value;
                    case "heap" -> options.heap = value;
                    case "connections" -> options.connections = Integer.parseInt(value);
                    case "event-loops" -> options.eventLoops = Integer.parseInt(value);
                    case "timeout-seconds" -> options.timeoutSeconds = Integer.parseInt(value);
                    case "keep-data" -> options.keepData = Boolean.parseBoolean(value);
                    case "jvm" -> options.jvmOptions.add(value);
                    case "thread-dumps" -> options.threadDumps = Boolean.parseBoolean(value);
                    default -> throw new IllegalArgumentException("unknown option --" + name + "; options: --students=3000 --burst-seconds=60 "
                        + "--save-every-seconds=5 --test-minutes=3 --ping-every-seconds=30 --class-size=45 --sign-in-concurrency=N --knee "
                        + "--knee-step=1500 --knee-max=12000 --knee-bisect=2 --knee-fresh=true --knee-limit-ms=500 --knee-test-minutes=M --url=http://host:port "
                        + "--pid=N --admin-password=… --heap=1g --connections=N --event-loops=2 --timeout-seconds=30 --keep-data --thread-dumps --jvm=-XX:…");
                }
            }
            if (options.kneeTestMinutes < 0) {
                options.kneeTestMinutes = options.testMinutes;
            }
            if (options.connections < 0) {
                options.connections = options.students;
            }
            return options;
        }
    }
}
