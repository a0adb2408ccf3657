package vn.edu.lms.web.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.SplittableRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's HTTP API as the drills and the upload benchmark call it on a running
 * {@link ApplicationProcess}: signing in as the first district admin, a private item, tus creation
 * and PATCH, over HTTP/1.1 as browsers' tus clients send.
 */
final class LibraryHttp {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationProcess application;

    LibraryHttp(ApplicationProcess application) {
        this.application = application;
    }

    /** The first district admin's token (the password given in {@code LMS_BOOTSTRAP_ADMIN_PASSWORD}). */
    String signIn(String password) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/auth/tokens")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\",\"name\":\"dien-tap\"}"))
            .build();
        return JSON.readTree(send(request, 201).body()).path("token").asString();
    }

    /** A private item of the district admin (who needs no school for it). */
    String createItem(String token, String title, String kind) throws IOException, InterruptedException {
        String json = "{\"metadata\":{\"title\":\"" + title + "\",\"subjectCode\":\"toan\",\"grades\":[5],\"kind\":\"" + kind
            + "\",\"licence\":\"CC_BY_4_0\",\"creator\":\"Tổ Toán\"},\"scope\":\"PRIVATE\"}";
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/library/items")).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return JSON.readTree(send(request, 201).body()).path("id").asString();
    }

    /** A library search page for {@code words}, as the caller sees it. */
    JsonNode search(String token, String words) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/library/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)))
            .header("Authorization", "Bearer " + token).GET().build();
        return JSON.readTree(send(request, 200).body());
    }

    /** tus creation; the upload's id from its Location. */
    String createUpload(String token, String itemId, long length, String fileName) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/library/uploads")).header("Authorization", "Bearer " + token)
            .header("Tus-Resumable", "1.0.0").header("Upload-Length", String.valueOf(length))
            .header("Upload-Metadata", "itemId " + base64(itemId) + ",filename " + base64(fileName))
            .POST(HttpRequest.BodyPublishers.noBody()).build();
        String location = send(request, 201).headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A tus PATCH of {@code body} at {@code offset}, given three minutes. */
    HttpRequest patch(String token, String upload, long offset, HttpRequest.BodyPublisher body) {
        return patch(token, upload, offset, body, Duration.ofMinutes(3));
    }

    /** A tus PATCH of {@code body} at {@code offset}. */
    HttpRequest patch(String token, String upload, long offset, HttpRequest.BodyPublisher body, Duration timeout) {
        return HttpRequest.newBuilder(uri("/api/v1/library/uploads/" + upload)).timeout(timeout)
            .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
            .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", String.valueOf(offset))
            .method("PATCH", body).build();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + application.httpPort + path);
    }

    /** Sends and checks the status, with the body in the message when it differs. */
    static HttpResponse<String> send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.method() + " " + request.uri() + ": " + response.body()).isEqualTo(expected);
        return response;
    }

    /** {@code size} seeded pseudo-random bytes: no type sniffs from them, and two seeds never give the same file. */
    static Path pseudoRandomFile(Path path, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(path)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return path;
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
