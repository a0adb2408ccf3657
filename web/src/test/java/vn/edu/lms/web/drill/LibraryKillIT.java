package vn.edu.lms.web.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.edu.lms.content.testing.TestServices;

/**
 * The library's two promises about a dying server, tested the hard way on the packaged jar: a
 * video whose transcode is cut off by {@code kill -9} is transcoded after the restart (its job's
 * lease runs out and the restarted instance takes it over) and plays; and an upload cut off by
 * {@code kill -9} resumes from the last offset the server acknowledged and arrives whole, byte for
 * byte. Leases are short here so that the drill does not wait out production's.
 */
class LibraryKillIT {

    private static final Logger log = LoggerFactory.getLogger(LibraryKillIT.class);
    private static final String PASSWORD = "mat-khau-dien-tap-thu-vien";
    private static final int VIDEO_SECONDS = 40;
    private static final long PART_SIZE = 5L * 1024 * 1024;
    private static final long UPLOAD_SIZE = 48L * 1024 * 1024;
    /** The slow client: 64 KiB every 10 ms, at most about 6 MiB/s, so a 48 MiB body takes several seconds. */
    private static final int SLOW_CHUNK = 64 * 1024;
    private static final long SLOW_PAUSE_MILLIS = 10;
    private static final HttpClient HTTP = LibraryHttp.HTTP;
    private static final JsonMapper JSON = LibraryHttp.JSON;

    private final Path root = TestServices.newRoot("library-kill");
    /** The application's temporary directory, where jobs work: what a killed instance leaves there is seen, and goes with the build. */
    private final Path temporary = root.resolve("tmp");
    private final ApplicationProcess application = new ApplicationProcess(root.resolve("data"),
        List.of("-Xmx512m", "-Djava.io.tmpdir=" + temporary));
    private final LibraryHttp library = new LibraryHttp(application);
    private final List<ProcessHandle> encoders = new CopyOnWriteArrayList<>();
    private final Map<String, String> environment = Map.of("LMS_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD,
        "LMS_JOBS_LEASE", "5s", "LMS_JOBS_POLLINTERVAL", "500ms",
        "LMS_LIBRARY_UPLOAD_PARTSIZE", "5MB", "LMS_LIBRARY_UPLOAD_LEASE", "5s");

    @BeforeEach
    void temporaryDirectory() throws IOException {
        Files.createDirectories(temporary);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (application.ready()) {
            application.stop();
        }
        application.children().forEach(ProcessHandle::destroyForcibly);
        encoders.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aTranscodeKilledMidwayIsTakenOverAfterRestartAndTheVideoPlays() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs the system ffmpeg to make the sample video");
        Path video = sampleVideo(root.resolve("bai-giang.mp4"));
        application.startAndAwaitReady("library-transcode-first-start.log", environment);
        String token = library.signIn(PASSWORD);
        String itemId = library.createItem(token, "Phân số – video bài giảng", "VIDEO_LECTURE");
        String upload = library.createUpload(token, itemId, Files.size(video), "Phân số – bài giảng.mp4");
        HttpResponse<String> sent = HTTP.send(library.patch(token, upload, 0, HttpRequest.BodyPublishers.ofFile(video)),
            HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);

        // Extraction ends at 30 %; past it, only ffmpeg moves the version's progress.
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            seen.set(version(token, itemId));
            return !"PROCESSING".equals(seen.get().path("state").asString()) || seen.get().path("progress").asInt() >= 40;
        });
        assertThat(seen.get().path("state").asString()).as("still transcoding when killed: %s", seen.get()).isEqualTo("PROCESSING");
        int progressAtKill = seen.get().path("progress").asInt();
        ProcessHandle.of(application.pid()).orElseThrow().descendants()
            .filter(process -> process.info().command().map(command -> command.endsWith("ffmpeg")).orElse(false))
            .forEach(encoders::add);
        List<Path> workAtKill = workDirectories();
        application.kill();
        assertThat(progressAtKill).as("killed midway through the transcode").isBetween(40, 95);
        log.info("Killed the transcode at {} %", progressAtKill);

        assertThat(encoders).as("ffmpeg was running when killed").isNotEmpty();
        // ffmpeg ignores SIGPIPE: only its parent-death signal stops it from encoding on beside the job's retry.
        await().atMost(Duration.ofSeconds(10)).until(() -> encoders.stream().noneMatch(ProcessHandle::isAlive));
        long restarting = System.nanoTime();
        double restart = application.startAndAwaitReady("library-transcode-restart.log", environment);
        log.info("Restarted in {} s", String.format("%.1f", restart));
        String again = library.signIn(PASSWORD);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
            .until(() -> !"PROCESSING".equals(version(again, itemId).path("state").asString()));
        double toReady = (System.nanoTime() - restarting) / 1e9;
        JsonNode done = version(again, itemId);
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("READY");
        // The search index followed the item through the kill: found without diacritics, as READY.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode hit : library.search(again, "phan so video bai giang").path("hits")) {
                if (itemId.equals(hit.path("id").asString()) && "READY".equals(hit.path("state").asString())) {
                    return true;
                }
            }
            return false;
        });
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        List<String> renditions = done.path("hls").path("renditions").valueStream().map(r -> r.path("name").asString()).toList();
        assertThat(renditions).containsExactly("240p", "360p", "480p", "720p");
        assertThat(done.path("hls").path("durationSeconds").asDouble()).isBetween(VIDEO_SECONDS - 1.0, VIDEO_SECONDS + 1.0);
        log.info("READY {} s after the restart began ({} s after it was ready), renditions {}", String.format("%.1f", toReady),
            String.format("%.1f", toReady - restart), renditions);
        assertThat(workAtKill).as("the killed instance's work directories, removed by the restart").isNotEmpty().noneMatch(Files::exists);
        log.info("The killed instance's {} ffmpeg ended with it; its {} work directories were removed at the restart", encoders.size(),
            workAtKill.size());

        String base = "/api/v1/library/items/" + itemId + "/versions/" + done.path("number").asInt() + "/hls/";
        HttpResponse<String> master = HTTP.send(get(again, base + "master.m3u8").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("application/vnd.apple.mpegurl"));
        assertThat(master.body().lines().filter(line -> line.startsWith("#EXT-X-STREAM-INF"))).hasSize(renditions.size());
        assertThat(master.body()).contains(renditions.stream().map(name -> name + "/index.m3u8").toList());
        HttpResponse<String> playlist = HTTP.send(get(again, base + "720p/index.m3u8").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.body()).contains("#EXT-X-ENDLIST");
        List<String> segments = playlist.body().lines().filter(line -> line.endsWith(".ts")).toList();
        assertThat(segments).hasSizeGreaterThanOrEqualTo(VIDEO_SECONDS / 6);
        HttpResponse<byte[]> segment = HTTP.send(get(again, base + "720p/" + segments.get(segments.size() - 1))
            .header("Range", "bytes=0-187").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(segment.statusCode()).isEqualTo(206);
        assertThat(segment.body()).hasSize(188).startsWith((byte) 0x47);
    }

    @Test
    void anUploadKilledMidwayResumesAfterRestartFromItsLastAcknowledgedOffsetAndArrivesWhole() throws Exception {
        Path file = LibraryHttp.pseudoRandomFile(root.resolve("so-lieu.bin"), UPLOAD_SIZE, 20260905L);
        String sha256 = sha256(Files.newInputStream(file));
        application.startAndAwaitReady("library-upload-first-start.log", environment);
        String token = library.signIn(PASSWORD);
        String itemId = library.createItem(token, "Số liệu khảo sát chiều cao học sinh", "DATASET");
        String upload = library.createUpload(token, itemId, UPLOAD_SIZE, "so-lieu-khao-sat.bin");

        AtomicLong sent = new AtomicLong();
        CompletableFuture<HttpResponse<String>> slowPatch = HTTP.sendAsync(library.patch(token, upload, 0,
            HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> slowly(file, sent)), UPLOAD_SIZE)),
            HttpResponse.BodyHandlers.ofString());
        // Killed with two parts acknowledged and half of the next one sent: that half dies with the process and is sent again.
        AtomicLong acknowledged = new AtomicLong();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            acknowledged.set(offset(token, upload));
            return acknowledged.get() >= 2 * PART_SIZE && sent.get() >= acknowledged.get() + PART_SIZE / 2 || slowPatch.isDone();
        });
        long sentAtKill = sent.get();
        application.kill();
        assertThat(sentAtKill).as("bytes still flowing when killed").isLessThan(UPLOAD_SIZE);
        assertThat(acknowledged.get()).as("whole parts acknowledged before the kill").isGreaterThanOrEqualTo(2 * PART_SIZE);
        await().atMost(Duration.ofSeconds(30)).until(slowPatch::isDone);
        assertThat(slowPatch).as("the client saw its request cut off").isCompletedExceptionally();

        double restart = application.startAndAwaitReady("library-upload-restart.log", environment);
        log.info("Restarted in {} s", String.format("%.1f", restart));
        String again = library.signIn(PASSWORD);
        long resumeFrom = offset(again, upload);
        assertThat(resumeFrom).as("acknowledged bytes survive kill -9").isGreaterThanOrEqualTo(acknowledged.get())
            .isLessThan(UPLOAD_SIZE);
        log.info("Killed the upload with {} of {} bytes acknowledged ({} sent); resumed from {}", acknowledged.get(), UPLOAD_SIZE,
            sentAtKill, resumeFrom);

        // The killed request's lease on the upload runs out (5 s here); until then a resume is told 423.
        HttpResponse<String> rest = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
            .ignoreExceptionsInstanceOf(IOException.class)
            .until(() -> HTTP.send(library.patch(again, upload, resumeFrom, HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> from(file, resumeFrom)), UPLOAD_SIZE - resumeFrom)),
                HttpResponse.BodyHandlers.ofString()), response -> response.statusCode() != 423);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        assertThat(rest.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(UPLOAD_SIZE));

        JsonNode finished = JSON.readTree(call(again, "/api/v1/library/uploads/" + upload));
        assertThat(finished.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(finished.path("sha256").asString()).isEqualTo(sha256);
        JsonNode version = version(again, itemId);
        assertThat(version.path("number").asInt()).isEqualTo(finished.path("fileVersion").asInt());
        assertThat(version.path("size").asLong()).isEqualTo(UPLOAD_SIZE);
        assertThat(version.path("sha256").asString()).isEqualTo(sha256);
        HttpResponse<InputStream> download = HTTP.send(get(again, "/api/v1/library/items/" + itemId + "/versions/"
            + version.path("number").asInt() + "/file").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(download.body())).as("the downloaded file is the uploaded one").isEqualTo(sha256);
        log.info("Upload completed after the resume: {} bytes, SHA-256 {} as sent", UPLOAD_SIZE, sha256);
    }

    private List<Path> workDirectories() throws IOException {
        try (var directories = Files.list(temporary)) {
            return directories.filter(directory -> directory.getFileName().toString().startsWith("lms-job-")).toList();
        }
    }

    /** A 720p lecture with sound, long enough that its transcode takes a while on two cores. */
    private static Path sampleVideo(Path mp4) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("/usr/bin/ffmpeg", "-v", "error", "-nostdin", "-f", "lavfi", "-i",
            "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i", "sine=frequency=440", "-t", String.valueOf(VIDEO_SECONDS),
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-pix_fmt", "yuv420p", mp4.toString())
            .redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ffmpeg.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(ffmpeg.exitValue()).as(output).isZero();
        return mp4;
    }

    /** The file as a slow client sends it, counting what it handed over. */
    private static InputStream slowly(Path file, AtomicLong sent) {
        try {
            return new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    try {
                        Thread.sleep(SLOW_PAUSE_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                    int read = super.read(buffer, offset, Math.min(length, SLOW_CHUNK));
                    if (read > 0) {
                        sent.addAndGet(read);
                    }
                    return read;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream from(Path file, long offset) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return in;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The offset tus HEAD reports: the bytes the server holds durably. */
    private long offset(String token, String upload) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(library.uri("/api/v1/library/uploads/" + upload)).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        return Long.parseLong(response.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** The item's newest file version, as the item JSON shows it. */
    private JsonNode version(String token, String itemId) throws IOException, InterruptedException {
        JsonNode files = JSON.readTree(call(token, "/api/v1/library/items/" + itemId)).path("files");
        assertThat(files.size()).as("file versions of %s", itemId).isGreaterThan(0);
        return files.get(files.size() - 1);
    }

    private String call(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(get(token, path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpRequest.Builder get(String token, String path) {
        return HttpRequest.newBuilder(library.uri(path)).timeout(Duration.ofMinutes(1)).header("Authorization", "Bearer " + token).GET();
    }

    private static String sha256(InputStream stream) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = stream) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
