package vn.edu.lms.search.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.content.library.LibraryApi;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.LibraryTestCallers;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.platform.Ids;

/** What the search tests do over HTTP: make items ready to be found, and search as a caller. */
public final class SearchHttp {

    public static final String SEARCH = "/api/v1/library/search";

    private final WebTestClient web;
    private final LibraryTestCallers callers;
    private final LibraryItems items;

    public SearchHttp(WebTestClient web, LibraryTestCallers callers, LibraryItems items) {
        this.web = web;
        this.callers = callers;
        this.items = items;
    }

    /** An item (Toán 5, a lecture) with a processed file; processing itself is the library's business, tested there. */
    public String ready(String token, String title, String schoolId, String scope, String... classIds) {
        LibraryCaller caller = callers.caller(token);
        Map<String, Object> body = Map.of("metadata", LibraryApi.metadata(title, "toan", 5, "E_LECTURE"), "schoolId", schoolId,
            "scope", scope, "classIds", List.of(classIds));
        Map<?, ?> created = web.post().uri("/api/v1/library/items").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        items.addVersion(id, new FileVersion(0, "upload-" + Ids.newId(), "0".repeat(64), "blobs/none", 10, "text/plain", "a.txt", Instant.now(),
            caller.accountId(), FileVersion.State.PROCESSING, null, 0, null, null)).block(Duration.ofSeconds(10));
        items.updateFile(id, 1, FileVersion::ready).block(Duration.ofSeconds(10));
        return id;
    }

    /** Renames a ready item of the school, as its teacher editing it would. */
    public void rename(String token, String id, String title, String schoolId) {
        Map<String, Object> body = Map.of("metadata", LibraryApi.metadata(title, "toan", 5, "E_LECTURE"), "schoolId", schoolId,
            "scope", "SCHOOL", "classIds", List.of());
        web.put().uri("/api/v1/library/items/" + id).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectStatus().isOk();
    }

    /** The ids found, sorted (for comparing sets of hits). */
    public List<String> searchIds(String token, String query) {
        return ids(search(token, query)).stream().sorted().toList();
    }

    /** A search page, as JSON; {@code query} is the query string. */
    public Map<?, ?> search(String token, String query) {
        return web.get().uri(SEARCH + "?" + query).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<?, ?>> hits(Map<?, ?> page) {
        return (List<Map<?, ?>>) page.get("hits");
    }

    public static List<String> ids(Map<?, ?> page) {
        return hits(page).stream().map(hit -> (String) hit.get("id")).toList();
    }

    /** A word no other test uses, so that a search for it finds only this test's items. */
    public static String uniqueWord(String prefix) {
        return prefix + Ids.newId().substring(0, 8).replaceAll("[^a-z]", "x");
    }
}
