package vn.edu.lms.content.library.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.content.ContentTestApplication;
import vn.edu.lms.content.library.LibraryApi;
import vn.edu.lms.content.library.LibraryTestCallers;
import vn.edu.lms.content.library.extraction.Fixtures;

/**
 * From upload to READY as a teacher sees it: real documents with Vietnamese text come back as
 * searchable text with their metadata and a thumbnail; a video comes back as an HLS ladder that
 * ffprobe reads and players can fetch by range; hostile files fail alone with a reason.
 */
@SpringBootTest(classes = ContentTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library", "spring.messages.fallback-to-system-locale=false",
    "lms.jobs.poll-interval=200ms" })
@Import(LibraryTestCallers.class)
@AutoConfigureWebTestClient(timeout = "PT60S")
class LibraryProcessingTests {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    LibraryTestCallers callers;

    private LibraryApi api;
    private String teacher;

    @BeforeEach
    void teacher() {
        api = new LibraryApi(web);
        teacher = callers.teacher("thcs-p", "7a-p");
    }

    /** Creates an item, uploads the file in one tus PATCH, and waits for processing to end. */
    private Map<String, Object> uploaded(Path file, String name) throws Exception {
        return api.processed(teacher, upload(file, name));
    }

    /** Creates an item and uploads the file in one tus PATCH; the item's id. */
    private String upload(Path file, String name) throws Exception {
        return api.upload(teacher, file, name, "SCHOOL");
    }

    private String text(Map<String, Object> version) {
        return web.get().uri("/api/v1/library/items/" + version.get("itemId") + "/versions/1/text").headers(h -> h.setBearerAuth(teacher))
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void realDocumentsWithVietnameseTextReachReadyWithTheirTextAndMetadata(@TempDir Path dir) throws Exception {
        Map<String, Object> pdf = uploaded(Fixtures.pdf(dir.resolve("a.pdf")), "Bài 12.pdf");
        assertThat(pdf.get("state")).isEqualTo("READY");
        assertThat(pdf.get("mediaType")).isEqualTo("application/pdf");
        assertThat(text(pdf)).contains(Fixtures.ADDITION);
        Map<?, ?> extracted = (Map<?, ?>) pdf.get("extracted");
        assertThat(extracted.get("title")).isEqualTo(Fixtures.TITLE);
        assertThat(extracted.get("author")).isEqualTo(Fixtures.AUTHOR);
        assertThat(extracted.get("pages")).isEqualTo(2);
        web.get().uri("/api/v1/library/items/" + pdf.get("itemId") + "/versions/1/thumbnail").headers(h -> h.setBearerAuth(teacher))
            .exchange().expectStatus().isOk().expectHeader().contentType("image/png");

        for (Path document : List.of(Fixtures.docx(dir.resolve("b.docx")), Fixtures.pptx(dir.resolve("c.pptx")),
            Fixtures.odt(dir.resolve("d.odt")), Fixtures.epub(dir.resolve("e.epub")))) {
            Map<String, Object> version = uploaded(document, document.getFileName().toString());
            assertThat(version.get("state")).as(document.getFileName().toString()).isEqualTo("READY");
            assertThat(text(version)).as(document.getFileName().toString()).contains(Fixtures.ADDITION);
        }
    }

    @Test
    void downloadsAnswerRangesAndConditionalRequestsAndKeepTheVietnameseName(@TempDir Path dir) throws Exception {
        Map<String, Object> txt = uploaded(Fixtures.txt(dir.resolve("t.txt"), Fixtures.ADDITION), "Phép cộng – lớp 2.txt");
        String uri = "/api/v1/library/items/" + txt.get("itemId") + "/versions/1/file";
        var whole = web.get().uri(uri).headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk()
            .expectHeader().valueEquals("Accept-Ranges", "bytes")
            .expectHeader().value("Content-Disposition", value -> assertThat(value)
                .contains("filename=\"Phep cong _ lop 2.txt\"").contains("filename*=UTF-8''Ph%C3%A9p%20c%E1%BB%99ng"))
            .expectBody(byte[].class).returnResult();
        String etag = whole.getResponseHeaders().getETag();
        byte[] part = web.get().uri(uri).headers(h -> {
            h.setBearerAuth(teacher);
            h.set("Range", "bytes=4-9");
        }).exchange().expectStatus().isEqualTo(206)
            .expectHeader().valueEquals("Content-Range", "bytes 4-9/" + whole.getResponseBody().length)
            .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(whole.getResponseBody(), 4, 10));
        web.get().uri(uri).headers(h -> {
            h.setBearerAuth(teacher);
            h.setIfNoneMatch(etag);
        }).exchange().expectStatus().isNotModified();
        web.get().uri(uri).headers(h -> {
            h.setBearerAuth(teacher);
            h.set("Range", "bytes=100000-");
        }).exchange().expectStatus().isEqualTo(416).expectHeader().valueEquals("Content-Range", "bytes */" + whole.getResponseBody().length);
    }

    /**
     * Uploaded HTML is never a page of this origin: asked for inline, it still comes as an attachment;
     * every file (a PDF shown inline too) carries a sandbox that allows nothing, and no type sniffing.
     */
    @Test
    void uploadedHtmlIsAnAttachmentEvenAskedInlineAndEveryFileIsSandboxed(@TempDir Path dir) throws Exception {
        Map<String, Object> html = uploaded(Fixtures.html(dir.resolve("bai.html")), "Bài 12.html");
        assertThat(html.get("state")).isEqualTo("READY");
        String base = "/api/v1/library/items/" + html.get("itemId") + "/versions/1/";
        web.get().uri(base + "file?inline=true").headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk()
            .expectHeader().value("Content-Disposition", value -> assertThat(value).startsWith("attachment;"))
            .expectHeader().valueEquals("Content-Security-Policy", "sandbox; default-src 'none'")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        web.get().uri(base + "text").headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk()
            .expectHeader().valueEquals("Content-Security-Policy", "sandbox; default-src 'none'")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");

        Map<String, Object> pdf = uploaded(Fixtures.pdf(dir.resolve("a.pdf")), "Bài 13.pdf");
        web.get().uri("/api/v1/library/items/" + pdf.get("itemId") + "/versions/1/file?inline=true").headers(h -> h.setBearerAuth(teacher))
            .exchange().expectStatus().isOk()
            .expectHeader().value("Content-Disposition", value -> assertThat(value).startsWith("inline;"))
            .expectHeader().valueEquals("Content-Security-Policy", "sandbox; default-src 'none'")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void hostileAndBrokenFilesFailTheirOwnVersionWithAReasonAndTheNextFileIsProcessed(@TempDir Path dir) throws Exception {
        Map<String, Object> bomb = uploaded(Fixtures.zipBombDocx(dir.resolve("bomb.docx"), 200), "bomb.docx");
        Map<String, Object> encrypted = uploaded(Fixtures.encryptedDocx(dir.resolve("secret.docx"), dir), "secret.docx");
        Map<String, Object> truncated = uploaded(Fixtures.truncatedPdf(dir.resolve("half.pdf"), dir, 0.5), "half.pdf");
        assertThat(List.of(bomb, encrypted, truncated)).allSatisfy(version -> {
            assertThat(version.get("state")).isEqualTo("FAILED");
            assertThat((String) version.get("failure")).startsWith("extraction-");
        });
        assertThat(encrypted.get("failure")).isEqualTo("extraction-encrypted");
        Map<String, Object> good = uploaded(Fixtures.docx(dir.resolve("ok.docx")), "ok.docx");
        assertThat(good.get("state")).isEqualTo("READY");
    }

    @Test
    void aVideoGetsAnHlsLadderThatFfprobeReadsAndSegmentsAreServedByRange(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("ffmpeg") && onPath("ffprobe"), "needs the system ffmpeg and ffprobe");
        Path mp4 = dir.resolve("bai-giang.mp4");
        run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=854x480:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
            "-t", "4", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", mp4.toString());
        Map<String, Object> video = uploaded(mp4, "Video bài giảng.mp4");
        assertThat(video.get("state")).isEqualTo("READY");
        Map<?, ?> hls = (Map<?, ?>) video.get("hls");
        assertThat(((List<?>) hls.get("renditions")).stream().map(r -> (Object) ((Map<?, ?>) r).get("name")).toList())
            .containsExactly("240p", "360p", "480p");
        assertThat((Double) hls.get("durationSeconds")).isBetween(3.5, 4.5);

        String base = "/api/v1/library/items/" + video.get("itemId") + "/versions/1/hls/";
        String master = web.get().uri(base + "master.m3u8").headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk()
            .expectHeader().contentType("application/vnd.apple.mpegurl").expectBody(String.class).returnResult().getResponseBody();
        assertThat(master).contains("#EXT-X-STREAM-INF");
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-headers", "Authorization: Bearer " + teacher + "\r\n",
            "-show_entries", "stream=height", "-of", "csv=p=0", "http://localhost:" + port + base + "master.m3u8").redirectErrorStream(true).start();
        String heights = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(heights).contains("240").contains("360").contains("480");

        String playlist = web.get().uri(base + "240p/index.m3u8").headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        String segment = playlist.lines().filter(line -> line.endsWith(".ts")).findFirst().orElseThrow();
        web.get().uri(base + "240p/" + segment).headers(h -> {
            h.setBearerAuth(teacher);
            h.set("Range", "bytes=0-187");
        }).exchange().expectStatus().isEqualTo(206).expectHeader().contentType("video/mp2t")
            .expectBody(byte[].class).value(bytes -> assertThat(bytes).hasSize(188).startsWith((byte) 0x47));
    }

    /**
     * The uploader watches the version, not the job: while ffmpeg works (past extraction's 30 %)
     * its progress moves, and never backwards.
     */
    @Test
    void aVideoBeingTranscodedShowsTheTranscodesProgressOnItsVersion(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("ffmpeg"), "needs the system ffmpeg");
        Path mp4 = dir.resolve("tiet-hoc.mp4");
        run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=854x480:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
            "-t", "20", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", mp4.toString());
        String itemId = upload(mp4, "Tiết học.mp4");
        List<Integer> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 180_000;
        Map<String, Object> version = LibraryApi.files(api.item(teacher, itemId)).get(0);
        while ("PROCESSING".equals(version.get("state")) && System.currentTimeMillis() < deadline) {
            seen.add((Integer) version.get("progress"));
            Thread.sleep(50);
            version = LibraryApi.files(api.item(teacher, itemId)).get(0);
        }
        assertThat(version.get("state")).isEqualTo("READY");
        assertThat(version.get("progress")).isEqualTo(100);
        assertThat(seen).as("progress seen while processing: %s", seen.stream().distinct().toList()).isSorted()
            .anySatisfy(percent -> assertThat(percent).isStrictlyBetween(30, 100));
    }

    private static boolean onPath(String command) {
        return Files.isExecutable(Path.of("/usr/bin/" + command));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
