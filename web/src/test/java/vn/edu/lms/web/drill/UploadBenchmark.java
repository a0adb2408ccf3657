package vn.edu.lms.web.drill;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ApplicationProcess application;
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
            deleteTree(root);
        }
        System.exit(0);
    }

    private void run(Path root, long size, int rounds, String heap) throws Exception {
        Path source = root.resolve("source.bin");
        System.out.printf(Locale.ROOT, "Writing %d MiB of pseudo-random bytes …%n", size >> 20);
        writeRandom(source, size);
        gcLog = root.resolve("gc.log");
        application = new ApplicationProcess(root.resolve("data"), List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog));
        double ready = application.startAndAwaitReady("application.log",
            Map.of("LMS_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD, "LMS_JOBS_ENABLED", "false"));
        System.out.printf(Locale.ROOT, "Application (-Xmx%s) ready in %.1f s%n", heap, ready);
        try {
            String token = signIn();
            StorageKeys keys = StorageKeys.loadOrCreate(application.dataDir.resolve("object-storage.keys"));
            MinioClient minio = MinioClient.builder().endpoint(application.storageEndpoint())
                .credentials(keys.accessKey(), keys.secretKey()).build();
            Path warmUp = root.resolve("warm-up.bin");
            writeRandom(warmUp, Math.min(size, 128L << 20));
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
        String item = send(HttpRequest.newBuilder(uri("/api/v1/library/items")).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"title\":\"Đo tốc độ tải lên\",\"subjectCode\":\"toan\",\"grades\":[5],"
                + "\"kind\":\"E_LECTURE\",\"licence\":\"CC_BY_4_0\"},\"scope\":\"PRIVATE\"}")), 201).body();
        String itemId = field(item, "id");
        long started = System.nanoTime();
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/library/uploads")).header("Authorization", "Bearer " + token)
            .header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(size))
            .header("Upload-Metadata", "itemId " + base64(itemId) + ",filename " + base64("do-toc-do.bin"))
            .POST(HttpRequest.BodyPublishers.noBody()), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        URI upload = URI.create("http://127.0.0.1:" + application.httpPort).resolve(location);
        HttpResponse<String> patched = send(HttpRequest.newBuilder(upload).header("Authorization", "Bearer " + token)
            .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofFile(source)), 204);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!patched.headers().firstValue("Upload-Offset").orElse("").equals(String.valueOf(size))) {
            throw new IllegalStateException("the upload ended at " + patched.headers().firstValue("Upload-Offset"));
        }
        String status = send(HttpRequest.newBuilder(upload).header("Authorization", "Bearer " + token).GET(), 200).body();
        if (!digest.equals(field(status, "sha256"))) {
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
            maxResidentMib = Math.max(maxResidentMib, residentMib(pid));
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

    private static long residentMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: no resident size
        }
        return -1;
    }

    private List<String> gcLines() throws IOException {
        return Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
    }

    private static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(20261123);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
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

    private String signIn() throws IOException, InterruptedException {
        return field(send(HttpRequest.newBuilder(uri("/api/v1/auth/tokens")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\",\"name\":\"benchmark\"}")), 201)
            .body(), "token");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + application.httpPort + path);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static double mibPerSecond(long bytes, double seconds) {
        return bytes / 1048576.0 / seconds;
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
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

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
