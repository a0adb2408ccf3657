package vn.edu.lms.content.library;

import static org.assertj.core.api.Assertions.assertThat;

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

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> files(Map<?, ?> item) {
        return (List<Map<String, Object>>) item.get("files");
    }
}
