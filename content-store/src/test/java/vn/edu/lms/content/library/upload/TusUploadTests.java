package vn.edu.lms.content.library.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import vn.edu.lms.content.ContentTestApplication;
import vn.edu.lms.content.library.LibraryApi;
import vn.edu.lms.content.library.LibraryTestCallers;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * tus uploads as clients make them: the reference Java tus client, a connection cut mid-request,
 * refusals by content, limits and the protocol's own errors.
 */
@SpringBootTest(classes = ContentTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library", "spring.messages.fallback-to-system-locale=false",
    "lms.jobs.enabled=false", "lms.library.upload.part-size=5MB", "lms.library.upload.max-size=64MB" })
@Import(LibraryTestCallers.class)
@AutoConfigureWebTestClient(timeout = "PT60S")
class TusUploadTests {

    private static final String UPLOADS = "/api/v1/library/uploads";

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    LibraryTestCallers callers;

    @Autowired
    ObjectStorage storage;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    UploadHousekeeping housekeeping;

    private LibraryApi api;
    private String teacher;

    @BeforeEach
    void teacher() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        api = new LibraryApi(web);
        teacher = callers.teacher("thcs-a", "class-7a");
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private String create(String token, String itemId, long length, String fileName) {
        String metadata = "itemId " + b64(itemId) + ",filename " + b64(fileName);
        String location = web.post().uri(UPLOADS).headers(h -> {
            h.setBearerAuth(token);
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Length", String.valueOf(length));
            h.set("Upload-Metadata", metadata);
        }).exchange().expectStatus().isCreated().expectHeader().exists("Upload-Expires").expectHeader().valueEquals("Tus-Resumable", "1.0.0")
            .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        return location;
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private WebTestClient.ResponseSpec patch(String token, String location, long offset, byte[] bytes) {
        return web.patch().uri(location).headers(h -> {
            h.setBearerAuth(token);
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Offset", String.valueOf(offset));
            h.set("Content-Type", "application/offset+octet-stream");
        }).bodyValue(bytes).exchange();
    }

    private long headOffset(String token, String location) {
        return Long.parseLong(web.head().uri(location).headers(h -> {
            h.setBearerAuth(token);
            h.set("Tus-Resumable", "1.0.0");
        }).exchange().expectStatus().isOk().expectHeader().valueEquals("Cache-Control", "no-store")
            .returnResult(Void.class).getResponseHeaders().getFirst("Upload-Offset"));
    }

    private Map<String, Object> onlyFile(String itemId) {
        List<Map<String, Object>> files = LibraryApi.files(api.item(teacher, itemId));
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    @Test
    void theReferenceTusClientUploadsStopsAndResumesAndTheStoredBytesHaveTheSourceDigest(@TempDir Path dir) throws Exception {
        byte[] content = randomBytes(12 * 1024 * 1024 + 123, 1);
        content[0] = '%';
        Path file = dir.resolve("bai-giang.bin");
        Files.write(file, content);
        String itemId = api.createItem(teacher, "Phân số thập phân", "SCHOOL", List.of());

        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL("http://localhost:" + port + UPLOADS));
        client.enableResuming(new TusURLMemoryStore());
        client.setHeaders(Map.of("Authorization", "Bearer " + teacher));
        TusUpload upload = new TusUpload(file.toFile());
        upload.setMetadata(Map.of("filename", "Bài giảng phân số.bin", "itemId", itemId));

        TusUploader first = client.resumeOrCreateUpload(upload);
        first.setChunkSize(256 * 1024);
        first.setRequestPayloadSize(7 * 1024 * 1024);
        while (first.getOffset() < 7 * 1024 * 1024 && first.uploadChunk() > -1) {
            // The first request stops at 7 MiB: one whole part and an unfinished one.
        }
        first.finish();
        long acknowledged = headOffset(teacher, first.getUploadURL().toString());
        assertThat(acknowledged).as("the unfinished part counts once kept").isEqualTo(7 * 1024 * 1024);

        TusUpload again = new TusUpload(file.toFile());
        again.setMetadata(upload.getMetadata());
        TusUploader resumed = client.resumeOrCreateUpload(again);
        assertThat(resumed.getOffset()).isEqualTo(acknowledged);
        resumed.setChunkSize(256 * 1024);
        while (resumed.uploadChunk() > -1) {
            // The rest.
        }
        resumed.finish();

        Map<String, Object> version = onlyFile(itemId);
        assertThat(version.get("sha256")).isEqualTo(sha256(content));
        assertThat(version.get("size")).isEqualTo(content.length);
        assertThat(version.get("fileName")).isEqualTo("Bài giảng phân số.bin");
        byte[] stored = storage.readSmall((String) version.get("blobKey")).block(Duration.ofSeconds(30));
        assertThat(sha256(stored)).isEqualTo(sha256(content));
    }

    @Test
    void aConnectionCutMidRequestResumesFromTheAcknowledgedOffset() throws Exception {
        long offset = cutThenResume("Hình học không gian", 8 * 1024 * 1024);
        assertThat(offset).isBetween(5L * 1024 * 1024, 8L * 1024 * 1024);
    }

    /** A pause in the browser, or a link lost before the first part is full: what arrived is kept all the same. */
    @Test
    void aConnectionCutBeforeTheFirstPartIsFullKeepsWhatArrived() throws Exception {
        long offset = cutThenResume("Phân số thập phân", 2 * 1024 * 1024);
        assertThat(offset).isPositive().isLessThanOrEqualTo(2L * 1024 * 1024);
    }

    /** Sends 11 MB, cut after {@code cutAt} bytes as a dropped connection cuts it, then the rest; the offset the server kept. */
    private long cutThenResume(String title, int cutAt) throws Exception {
        byte[] content = randomBytes(11 * 1024 * 1024, 2);
        content[0] = '%';
        String itemId = api.createItem(teacher, title, "SCHOOL", List.of());
        String location = create(teacher, itemId, content.length, "hinh-hoc.bin");

        String id = location.substring(location.lastIndexOf('/') + 1);
        // The cut comes once the server has been receiving for a moment, as when a person presses Pause.
        Runnable receiving = () -> await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(300))
            .until(() -> mongo.findById(id, Upload.class).block(Duration.ofSeconds(5)).patchOwner() != null);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest cut = HttpRequest.newBuilder(URI.create("http://localhost:" + port + location))
            .header("Authorization", "Bearer " + teacher).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
            .header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new CuttingStream(content, cutAt, receiving))).build();
        try {
            http.send(cut, HttpResponse.BodyHandlers.discarding());
        } catch (IOException expected) {
            // The client gave up mid-body, as a dropped mobile connection does.
        }
        long offset = waitForRelease(location);

        byte[] rest = java.util.Arrays.copyOfRange(content, (int) offset, content.length);
        patch(teacher, location, offset, rest).expectStatus().isNoContent().expectHeader().valueEquals("Upload-Offset", String.valueOf(content.length));
        assertThat(onlyFile(itemId).get("sha256")).isEqualTo(sha256(content));
        return offset;
    }

    @Test
    void aFileOfManyPartsInOneRequestIsStoredWithItsPartsInOrder() throws Exception {
        byte[] content = randomBytes(26 * 1024 * 1024 + 777, 3);
        content[0] = '%';
        String itemId = api.createItem(teacher, "Tiếng Việt lớp 4", "SCHOOL", List.of());
        String location = create(teacher, itemId, content.length, "tieng-viet.bin");

        // One part is written while the next fills: six parts of 5 MB, in order, whatever their timing.
        patch(teacher, location, 0, content).expectStatus().isNoContent()
            .expectHeader().valueEquals("Upload-Offset", String.valueOf(content.length));

        Upload upload = mongo.findById(location.substring(location.lastIndexOf('/') + 1), Upload.class).block();
        assertThat(upload.parts()).extracting(Upload.PartRef::number).containsExactly(1, 2, 3, 4, 5, 6);
        Map<String, Object> version = onlyFile(itemId);
        assertThat(version.get("sha256")).isEqualTo(sha256(content));
        byte[] stored = storage.readSmall((String) version.get("blobKey")).block(Duration.ofSeconds(30));
        assertThat(stored).isEqualTo(content);
    }

    /** The server keeps what it had and releases the upload once the cut is noticed. */
    private long waitForRelease(String location) throws InterruptedException {
        String id = location.substring(location.lastIndexOf('/') + 1);
        for (int i = 0; i < 200; i++) {
            Upload upload = mongo.findById(id, Upload.class).block();
            if (upload != null && upload.patchOwner() == null) {
                return headOffset(teacher, location);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the cut upload was never released");
    }

    /** Gives {@code cutAt} bytes, waits for {@code beforeCut}, then fails like a dropped connection. */
    private static final class CuttingStream extends InputStream {
        private final byte[] content;
        private final int cutAt;
        private final Runnable beforeCut;
        private int position;

        CuttingStream(byte[] content, int cutAt, Runnable beforeCut) {
            this.content = content;
            this.cutAt = cutAt;
            this.beforeCut = beforeCut;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= cutAt) {
                beforeCut.run();
                throw new IOException("connection dropped");
            }
            int n = Math.min(length, cutAt - position);
            System.arraycopy(content, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String itemId = api.createItem(teacher, "Đề kiểm tra giữa kỳ", "SCHOOL", List.of());
        String location = create(teacher, itemId, pdf.length, "de-kiem-tra.txt");
        patch(teacher, location, 0, pdf).expectStatus().isNoContent();
        assertThat(onlyFile(itemId).get("mediaType")).isEqualTo("application/pdf");
    }

    @Test
    void identicalBytesInTwoItemsAreStoredOnce() {
        byte[] content = "Bảng cửu chương 2 đến 9".repeat(1000).getBytes(StandardCharsets.UTF_8);
        String first = api.createItem(teacher, "Bảng cửu chương", "SCHOOL", List.of());
        String second = api.createItem(teacher, "Bảng cửu chương (bản sao)", "SCHOOL", List.of());
        patch(teacher, create(teacher, first, content.length, "a.txt"), 0, content).expectStatus().isNoContent();
        patch(teacher, create(teacher, second, content.length, "b.txt"), 0, content).expectStatus().isNoContent();
        Object firstKey = onlyFile(first).get("blobKey");
        assertThat(onlyFile(second).get("blobKey")).isEqualTo(firstKey);
    }

    @Test
    void aNewFileIsANewVersionAndTheOldOneStaysRetrievable() {
        String itemId = api.createItem(teacher, "Giáo án tuần 1", "SCHOOL", List.of());
        byte[] v1 = "Giáo án bản 1".getBytes(StandardCharsets.UTF_8);
        byte[] v2 = "Giáo án bản 2, đã sửa".getBytes(StandardCharsets.UTF_8);
        patch(teacher, create(teacher, itemId, v1.length, "giao-an.txt"), 0, v1).expectStatus().isNoContent();
        patch(teacher, create(teacher, itemId, v2.length, "giao-an.txt"), 0, v2).expectStatus().isNoContent();
        assertThat(LibraryApi.files(api.item(teacher, itemId))).extracting(file -> file.get("number")).containsExactly(1, 2);
        byte[] old = web.get().uri("/api/v1/library/items/" + itemId + "/versions/1/file").headers(h -> h.setBearerAuth(teacher)).exchange()
            .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(old).isEqualTo(v1);
    }

    @Test
    void anExecutableIsRefusedFromItsFirstBytesAndNothingIsKept() {
        byte[] elf = randomBytes(64 * 1024, 3);
        System.arraycopy(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 }, 0, elf, 0, 8);
        String itemId = api.createItem(teacher, "Phần mềm", "SCHOOL", List.of());
        String location = create(teacher, itemId, elf.length * 4L, "bai-tap.pdf");
        patch(teacher, location, 0, elf).expectStatus().isEqualTo(415).expectBody().jsonPath("$.type").isEqualTo("/problems/upload-refused-executable");
        assertThat(LibraryApi.files(api.item(teacher, itemId))).isEmpty();
        Upload upload = mongo.findById(location.substring(location.lastIndexOf('/') + 1), Upload.class).block();
        assertThat(upload.state()).isEqualTo(Upload.State.REFUSED);
    }

    @Test
    void htmlWithScriptIsRefusedAndPlainHtmlIsAccepted() {
        byte[] hostile = "<html><body><h1>Bài 1</h1><img src=x onerror=\"alert(1)\"></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] plain = "<html><head><title>Bài 1</title></head><body><h1>Phép cộng</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        String itemId = api.createItem(teacher, "Trang web bài học", "SCHOOL", List.of());
        patch(teacher, create(teacher, itemId, hostile.length, "bai1.html"), 0, hostile).expectStatus().isEqualTo(415)
            .expectBody().jsonPath("$.type").isEqualTo("/problems/upload-refused-script-in-markup");
        patch(teacher, create(teacher, itemId, plain.length, "bai1.html"), 0, plain).expectStatus().isNoContent();
        assertThat(onlyFile(itemId).get("mediaType")).isEqualTo("text/html");
    }

    @Test
    void theProtocolsErrorsAreProblemsAndChangeNothing() {
        String itemId = api.createItem(teacher, "Ôn tập", "SCHOOL", List.of());
        web.options().uri(UPLOADS).exchange().expectStatus().isNoContent().expectHeader().valueEquals("Tus-Version", "1.0.0")
            .expectHeader().valueEquals("Tus-Max-Size", String.valueOf(64L * 1024 * 1024))
            .expectHeader().value("Tus-Extension", value -> assertThat(value).contains("creation", "termination", "expiration"));
        web.post().uri(UPLOADS).headers(h -> {
            h.setBearerAuth(teacher);
            h.set("Upload-Length", "10");
        }).exchange().expectStatus().isEqualTo(412).expectHeader().valueEquals("Tus-Version", "1.0.0");
        web.post().uri(UPLOADS).headers(h -> {
            h.setBearerAuth(teacher);
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Length", String.valueOf(65L * 1024 * 1024));
            h.set("Upload-Metadata", "itemId " + b64(itemId));
        }).exchange().expectStatus().isEqualTo(413).expectBody().jsonPath("$.type").isEqualTo("/problems/upload-too-large");
        String location = create(teacher, itemId, 10, "a.txt");
        patch(teacher, location, 3, "abc".getBytes()).expectStatus().isEqualTo(409);
        web.patch().uri(location).headers(h -> {
            h.setBearerAuth(teacher);
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Offset", "0");
            h.set("Content-Type", "application/octet-stream");
        }).bodyValue("abc".getBytes()).exchange().expectStatus().isEqualTo(415);
        patch(teacher, location, 0, "0123456789AB".getBytes()).expectStatus().isBadRequest();
        assertThat(headOffset(teacher, location)).isZero();

        String stranger = callers.teacher("thcs-b");
        web.head().uri(location).headers(h -> {
            h.setBearerAuth(stranger);
            h.set("Tus-Resumable", "1.0.0");
        }).exchange().expectStatus().isForbidden();
        patch(stranger, location, 0, "0123456789".getBytes()).expectStatus().isForbidden();
        web.post().uri(UPLOADS).headers(h -> {
            h.setBearerAuth(stranger);
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Length", "10");
            h.set("Upload-Metadata", "itemId " + b64(itemId));
        }).exchange().expectStatus().isForbidden();
    }

    @Test
    void aTerminatedUploadIsGoneWithItsBytes() {
        String itemId = api.createItem(teacher, "Bỏ dở", "SCHOOL", List.of());
        byte[] content = randomBytes(6 * 1024 * 1024, 4);
        content[0] = '%';
        String location = create(teacher, itemId, content.length * 2L, "x.bin");
        patch(teacher, location, 0, content).expectStatus().isNoContent();
        web.delete().uri(location).headers(h -> {
            h.setBearerAuth(teacher);
            h.set("Tus-Resumable", "1.0.0");
        }).exchange().expectStatus().isNoContent();
        web.head().uri(location).headers(h -> {
            h.setBearerAuth(teacher);
            h.set("Tus-Resumable", "1.0.0");
        }).exchange().expectStatus().isNotFound();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(storage.stat("uploads/" + id + ".tail").blockOptional(Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void anAbandonedUploadIsRemovedAfterItsExpiry() {
        String itemId = api.createItem(teacher, "Quên", "SCHOOL", List.of());
        String location = create(teacher, itemId, 100, "x.txt");
        patch(teacher, location, 0, "một nửa".getBytes(StandardCharsets.UTF_8)).expectStatus().isNoContent();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(storage.stat("uploads/" + id + ".tail").blockOptional(Duration.ofSeconds(10))).isPresent();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("expiresAt", Instant.now().minusSeconds(1)), Upload.class)
            .block();
        web.head().uri(location).headers(h -> {
            h.setBearerAuth(teacher);
            h.set("Tus-Resumable", "1.0.0");
        }).exchange().expectStatus().isEqualTo(410);
        housekeeping.sweep().block(Duration.ofSeconds(30));
        assertThat(mongo.findById(id, Upload.class).blockOptional()).isEmpty();
        assertThat(storage.stat("uploads/" + id + ".tail").blockOptional(Duration.ofSeconds(10))).isEmpty();
    }
}
