package vn.edu.lms.web.drill;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.UploadObjectArgs;
import vn.edu.lms.content.embedded.StorageKeys;
import vn.edu.lms.content.testing.TestServices;

/**
 * Upload throughput through the library's tus endpoint against a direct put of the same bytes with
 * the MinIO client into the same object storage, and the application's heap while it receives
 * them. Starts the packaged jar on the embedded default with a small heap ({@code -Xmx256m} unless
 * told otherwise) and a GC log, then alternates, round by round, one tus upload (creation + one
 * PATCH of the whole file, as tus-js-client sends by default) and one MinIO {@code uploadObject}
 * with the server's part size, after one untimed round of each with a smaller file (warming the
 * JIT). Each round changes the file's first bytes, so no upload is a duplicate of another. Processing jobs are switched off: this measures receiving, not extraction.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B -q -o -pl web test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/web-cp.txt
 * java -cp web/target/test-classes:$(cat /tmp/web-cp.txt) -Dlms.application.jar=web/target/lms.jar \
 *   vn.edu.lms.web.drill.UploadBenchmark --size-mib=2048 --rounds=2 --heap=256m
 * </pre>
 */
public final class UploadBenchmark {

    private static final String PASSWORD = "mat-khau-do-toc-do";
    private static final long PART_SIZE = 8L * 1024 * 1024;
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private ApplicationProcess application;
    private LibraryHttp library;
    private Path gcLog;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long size = Long.parseLong(options.getOrDefault("size-mib", "2048")) * 1024 * 1024;
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        String heap = options.getOrDefault("heap", "256m");
        Path root = TestServices.newRoot("upload-benchmark");
        try {
            new UploadBenchmark().run(root, size, rounds, heap);
        } catch (Exception e) {
            Path log = root.resolve("application.log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
            }
            throw e;
        } finally {
            TestServices.deleteTree(root);
        }
        System.exit(0);
    }

    private void run(Path root, long size, int rounds, String heap) throws Exception {
        Path source = root.resolve("source.bin");
        System.out.printf(Locale.ROOT, "Writing %d MiB of pseudo-random bytes …%n", size >> 20);
        LibraryHttp.pseudoRandomFile(source, size, 20261123L);
        gcLog = root.resolve("gc.log");
        application = new ApplicationProcess(root.resolve("data"), List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog));
        double ready = application.startAndAwaitReady("application.log",
            Map.of("LMS_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD, "LMS_JOBS_ENABLED", "false"));
        library = new LibraryHttp(application);
        System.out.printf(Locale.ROOT, "Application (-Xmx%s) ready in %.1f s%n", heap, ready);
        try {
            String token = library.signIn(PASSWORD);
            StorageKeys keys = StorageKeys.loadOrCreate(application.dataDir.resolve("object-storage.keys"));
            MinioClient minio = MinioClient.builder().endpoint(application.storageEndpoint())
                .credentials(keys.accessKey(), keys.secretKey()).build();
            Path warmUp = root.resolve("warm-up.bin");
            LibraryHttp.pseudoRandomFile(warmUp, Math.min(size, 128L << 20), 20261124L);
            timeTus(token, warmUp, Files.size(warmUp), stamp(warmUp, 0));
            timeDirect(minio, warmUp, "benchmark/warm-up");
            Files.delete(warmUp);
            int idleLines = gcLines().size();
            HeapPeak tusHeap = new HeapPeak();
            HeapPeak directHeap = new HeapPeak();
            List<Double> tusSeconds = new ArrayList<>();
            List<Double> directSeconds = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String digest = stamp(source, round);
                int before = gcLines().size();
                double tus = timeTus(token, source, size, digest);
                tusHeap.add(gcLines().subList(before, gcLines().size()), application.pid());
                before = gcLines().size();
                double direct = timeDirect(minio, source, "benchmark/direct-" + round);
                directHeap.add(gcLines().subList(before, gcLines().size()), application.pid());
                tusSeconds.add(tus);
                directSeconds.add(direct);
                System.out.printf(Locale.ROOT, "round %d: tus %.2f s (%.0f MiB/s), MinIO put %.2f s (%.0f MiB/s): %.0f %% of direct%n",
                    round, tus, mibPerSecond(size, tus), direct, mibPerSecond(size, direct), 100 * direct / tus);
            }
            double tusTotal = tusSeconds.stream().mapToDouble(Double::doubleValue).sum();
            double directTotal = directSeconds.stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(Locale.ROOT, "%nthroughput over %d rounds of %d MiB: tus %.0f MiB/s, direct %.0f MiB/s, tus at %.0f %% of direct (goal ≥ 80 %%)%n",
                rounds, size >> 20, mibPerSecond(size * rounds, tusTotal), mibPerSecond(size * rounds, directTotal), 100 * directTotal / tusTotal);
            System.out.printf(Locale.ROOT, "heap (-Xmx%s), after each collection: idle and warm-up max %d MiB; during tus %s; during direct puts %s%n",
                heap, maxAfter(gcLines().subList(0, idleLines)), tusHeap, directHeap);
        } finally {
            application.stop();
        }
    }

    /** POST creation, then the whole file in one PATCH; the time includes the server's finish (join, sniff, register). */
    private double timeTus(String token, Path source, long size, String digest) throws Exception {
        String itemId = library.createItem(token, "Đo tốc độ tải lên", "E_LECTURE");
        long started = System.nanoTime();
        String upload = library.createUpload(token, itemId, size, "do-toc-do.bin");
        HttpResponse<String> patched = LibraryHttp.send(library.patch(token, upload, 0, HttpRequest.BodyPublishers.ofFile(source),
            Duration.ofMinutes(30)), 204);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!patched.headers().firstValue("Upload-Offset").orElse("").equals(String.valueOf(size))) {
            throw new IllegalStateException("the upload ended at " + patched.headers().firstValue("Upload-Offset"));
        }
        String status = LibraryHttp.send(HttpRequest.newBuilder(library.uri("/api/v1/library/uploads/" + upload))
            .header("Authorization", "Bearer " + token).GET().build(), 200).body();
        if (!digest.equals(LibraryHttp.JSON.readTree(status).path("sha256").asString())) {
            throw new IllegalStateException("the stored digest differs from the source's: " + status);
        }
        return seconds;
    }

    private static double timeDirect(MinioClient minio, Path source, String key) throws Exception {
        long started = System.nanoTime();
        minio.uploadObject(UploadObjectArgs.builder().bucket("lms-content").object(key).filename(source.toString(), PART_SIZE).build());
        double seconds = (System.nanoTime() - started) / 1e9;
        minio.removeObject(RemoveObjectArgs.builder().bucket("lms-content").object(key).build());
        return seconds;
    }

    /** Heap after each collection in one phase, and the process's resident size, sampled as the phase ends. */
    private static final class HeapPeak {
        private long maxAfter;
        private long maxBefore;
        private long collections;
        private long maxResidentMib;

        void add(List<String> lines, long pid) {
            for (String line : lines) {
                Matcher matcher = GC_LINE.matcher(line);
                if (matcher.find()) {
                    collections++;
                    maxBefore = Math.max(maxBefore, Long.parseLong(matcher.group(1)));
                    maxAfter = Math.max(maxAfter, Long.parseLong(matcher.group(2)));
                }
            }
            maxResidentMib = Math.max(maxResidentMib, ApplicationProcess.residentMib(pid));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d collections, max %d MiB after (max %d MiB before), resident %d MiB",
                collections, maxAfter, maxBefore, maxResidentMib);
        }
    }

    private static long maxAfter(List<String> lines) {
        return lines.stream().map(GC_LINE::matcher).filter(Matcher::find).mapToLong(matcher -> Long.parseLong(matcher.group(2))).max().orElse(0);
    }

    private List<String> gcLines() throws IOException {
        return Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
    }

    /** Makes the file's first bytes this round's own, and returns the file's SHA-256. */
    private static String stamp(Path file, int round) throws Exception {
        try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
            access.writeLong(round * 0x9E3779B97F4A7C15L);
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 20];
        try (var in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static double mibPerSecond(long bytes, double seconds) {
        return bytes / 1048576.0 / seconds;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --size-mib=N --rounds=N --heap=256m, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
