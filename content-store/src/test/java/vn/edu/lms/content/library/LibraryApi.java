package vn.edu.lms.content.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Library calls as a client makes them, for the tests of this module. */
public final class LibraryApi {

    private final WebTestClient web;

    public LibraryApi(WebTestClient web) {
        this.web = web;
    }

    public static Map<String, Object> metadata(String title, String subjectCode, int grade, String kind) {
        return Map.of("title", title, "subjectCode", subjectCode, "grades", List.of(grade), "kind", kind, "licence", "CC_BY_4_0",
            "creator", "Nguyễn Thị Thu Hà", "description", "Học liệu dùng cho lớp " + grade, "tags", List.of("ôn tập"));
    }

    /** Creates an item and returns its id. */
    public String createItem(String token, String title, String scope, List<String> classIds) {
        Map<String, Object> body = Map.of("metadata", metadata(title, "toan", 5, "E_LECTURE"),
            "scope", scope, "classIds", classIds);
        Map<?, ?> created = web.post().uri("/api/v1/library/items").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created).isNotNull();
        return (String) created.get("id");
    }

    public Map<?, ?> item(String token, String id) {
        return web.get().uri("/api/v1/library/items/" + id).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Creates an item at {@code scope} and uploads the file to it in one tus PATCH; the item's id. */
    public String upload(String token, Path file, String name, String scope) throws IOException {
        String itemId = createItem(token, name, scope, List.of());
        byte[] bytes = Files.readAllBytes(file);
        String location = web.post().uri("/api/v1/library/uploads").headers(h -> {
            h.setBearerAuth(token);
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Length", String.valueOf(bytes.length));
            h.set("Upload-Metadata", "itemId " + base64(itemId) + ",filename " + base64(name));
        }).exchange().expectStatus().isCreated().returnResult(Void.class).getResponseHeaders().getLocation().toString();
        web.patch().uri(location).headers(h -> {
            h.setBearerAuth(token);
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Offset", "0");
            h.set("Content-Type", "application/offset+octet-stream");
        }).bodyValue(bytes).exchange().expectStatus().isNoContent();
        return itemId;
    }

    /** The item's first version once it is no longer processing (at most 3 minutes), with {@code itemId} added. */
    public Map<String, Object> processed(String token, String itemId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> version = files(item(token, itemId)).get(0);
            if (!"PROCESSING".equals(version.get("state"))) {
                version.put("itemId", itemId);
                return version;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(itemId + " was still processing after 3 minutes");
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> files(Map<?, ?> item) {
        return (List<Map<String, Object>>) item.get("files");
    }
}
