package vn.edu.lms.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.edu.lms.search.testing.SearchHttp.hits;
import static vn.edu.lms.search.testing.SearchHttp.ids;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.content.library.LibraryApi;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.LibraryTestCallers;
import vn.edu.lms.content.library.extraction.Fixtures;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.search.testing.SearchHttp;
import vn.edu.lms.search.testing.SearchIntegrationTest;

/**
 * Library search against the real embedded Elasticsearch, fed by the content store's change feed:
 * what a teacher types, with or without diacritics, and what each caller may see.
 */
@SearchIntegrationTest
class LibrarySearchTests {

    private static final String SEARCH = SearchHttp.SEARCH;

    @Autowired
    WebTestClient web;

    @Autowired
    LibraryTestCallers callers;

    @Autowired
    LibraryItems items;

    private SearchHttp http;

    @BeforeEach
    void searchOverHttp() {
        http = new SearchHttp(web, callers, items);
    }

    private String ready(String token, String title, String schoolId, String scope, String... classIds) {
        return http.ready(token, title, schoolId, scope, classIds);
    }

    private Map<?, ?> search(String token, String query) {
        return http.search(token, query);
    }

    @Test
    void aPdfAboutAddingFractionsIsFoundWithoutDiacriticsSoonAfterItIsReadyWithAHighlightedSnippet(@TempDir Path dir) throws Exception {
        String school = "th-" + Ids.newId();
        String teacher = callers.teacher(school);
        String colleague = callers.teacher(school);
        LibraryApi api = new LibraryApi(web);
        String itemId = api.createItem(teacher, "Bài giảng tuần 12", "SCHOOL", List.of());
        byte[] pdf = Files.readAllBytes(Fixtures.pdf(dir.resolve("bai-giang.pdf"), "Phép cộng phân số cùng mẫu số: cộng các tử số, giữ nguyên mẫu số.",
            "Ví dụ: 2/7 + 3/7 = 5/7."));
        upload(teacher, itemId, pdf);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
            .until(() -> "READY".equals(api.item(teacher, itemId).get("state")));
        Instant ready = Instant.now();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
            .until(() -> ids(search(colleague, "q=phep cong phan so")).contains(itemId));
        Duration found = Duration.between(ready, Instant.now());

        Map<?, ?> hit = hits(search(colleague, "q=phep cong phan so")).get(0);
        assertThat(hit.get("id")).isEqualTo(itemId);
        // Adjacent matched words may come marked one by one or as one run.
        String snippet = String.join(" ", highlights(hit, "text")).replace("</mark> <mark>", " ");
        assertThat(snippet).contains("<mark>Phép cộng phân số</mark>");
        assertThat(found).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anExactDiacriticMatchRanksAboveAFoldedOneAndDMatchesĐ() {
        String school = "th-" + Ids.newId();
        String teacher = callers.teacher(school);
        String exact = ready(teacher, "Toán lớp 5: phân số", school, "SCHOOL");
        String folded = ready(teacher, "Toàn cảnh lớp 5: an toàn giao thông", school, "SCHOOL");
        String road = ready(teacher, "Đường đi của nước", school, "SCHOOL");

        await().atMost(Duration.ofSeconds(10)).until(() -> ids(search(teacher, "size=50&schoolId=" + school)).containsAll(List.of(exact, folded, road)));
        assertThat(ids(search(teacher, "q=toán lớp 5")).get(0)).isEqualTo(exact);
        assertThat(ids(search(teacher, "q=toan lop 5"))).contains(exact, folded);
        assertThat(ids(search(teacher, "q=duong di cua nuoc"))).containsExactly(road);
        // The same words typed with combining tone marks (NFD), as some keyboards send them.
        assertThat(ids(search(teacher, "q=" + java.text.Normalizer.normalize("Đường đi", java.text.Normalizer.Form.NFD))))
            .containsExactly(road);
    }

    @Test
    void eachRoleFindsOnlyWhatItMaySeeAndFacetCountsLeakNothing() {
        String schoolA = "th-" + Ids.newId();
        String schoolB = "th-" + Ids.newId();
        String classA = "lop-" + Ids.newId();
        String owner = callers.teacher(schoolA, classA);
        String word = SearchHttp.uniqueWord("Kỳ");
        String privateItem = ready(owner, word + " riêng", schoolA, "PRIVATE");
        String classItem = ready(owner, word + " lớp", schoolA, "CLASS", classA);
        String schoolItem = ready(owner, word + " trường", schoolA, "SCHOOL");
        String districtItem = ready(owner, word + " huyện", schoolA, "DISTRICT"); // submitted for appraisal as it is shared

        String studentOfClass = callers.student(schoolA, classA);
        String studentElsewhere = callers.student(schoolA, "lop-" + Ids.newId());
        String parentOfClass = callers.register(new LibraryCaller("parent-" + Ids.newId(), Set.of(), Set.of(classA), Set.of(), Set.of(),
            false, Set.of()));
        String reviewerB = callers.reviewer(schoolB, "toan");
        String adminA = callers.register(new LibraryCaller("admin-" + Ids.newId(), Set.of(schoolA), Set.of(), Set.of(schoolA),
            Set.of(schoolA), false, Set.of()));
        String adminB = callers.register(new LibraryCaller("admin-" + Ids.newId(), Set.of(schoolB), Set.of(), Set.of(schoolB),
            Set.of(schoolB), false, Set.of()));
        String district = callers.register(new LibraryCaller("district-" + Ids.newId(), Set.of(), Set.of(), Set.of(), Set.of(), true,
            Set.of()));
        String studentB = callers.student(schoolB, "lop-" + Ids.newId());
        String teacherB = callers.teacher(schoolB);

        await().atMost(Duration.ofSeconds(10)).until(() -> ids(search(owner, "q=" + word)).size() == 4);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put(owner, List.of(privateItem, classItem, schoolItem, districtItem));
        expected.put(studentOfClass, List.of(classItem, schoolItem, districtItem));
        expected.put(studentElsewhere, List.of(schoolItem, districtItem));
        expected.put(parentOfClass, List.of(classItem));
        expected.put(reviewerB, List.of(districtItem)); // waiting for a reviewer of its subject
        expected.put(adminA, List.of(classItem, schoolItem, districtItem));
        expected.put(district, List.of(classItem, schoolItem, districtItem));
        expected.put(adminB, List.of());
        expected.put(studentB, List.of());
        expected.put(teacherB, List.of());
        expected.forEach((token, items) -> {
            Map<?, ?> page = search(token, "q=" + word);
            assertThat(ids(page)).as(callers.caller(token).accountId()).containsExactlyInAnyOrderElementsOf(items);
            assertThat(((Number) page.get("total")).intValue()).isEqualTo(items.size());
            // Facet counts, with or without a filter chosen, count only what the caller may open.
            Map<?, ?> filtered = search(token, "q=" + word + "&subjectCode=toan&kind=E_LECTURE");
            assertThat(facet(filtered, "SUBJECT")).isEqualTo(items.isEmpty() ? List.of() : List.of(Map.of("value", "toan", "count", items.size())));
            assertThat(facet(filtered, "SCHOOL")).isEqualTo(items.isEmpty() ? List.of() : List.of(Map.of("value", schoolA, "count", items.size())));
        });
        // Approved for the district, it is everyone's.
        appraise(reviewerB, districtItem, "APPROVE");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(search(studentB, "q=" + word)).equals(List.of(districtItem)));
        assertThat(ids(search(teacherB, "q=" + word))).containsExactly(districtItem);
    }

    private void appraise(String token, String itemId, String decision) {
        web.post().uri("/api/v1/library/items/" + itemId + "/appraisal").headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", decision, "comment", "Đạt yêu cầu"))
            .exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void pagesFollowOneAnotherWithoutRepeatsOrGaps() {
        String school = "th-" + Ids.newId();
        String teacher = callers.teacher(school);
        String word = "Trang" + Ids.newId().substring(0, 6).replaceAll("[^a-z]", "x");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(ready(teacher, word + " bài " + i, school, "SCHOOL"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) search(teacher, "q=" + word).get("total")).intValue() == 7);
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Map<?, ?> page = search(teacher, "q=" + word + "&size=3" + (after == null ? "" : "&after=" + after));
            seen.addAll(ids(page));
            // The total and the facets come with the first page only.
            assertThat(page.get("total")).isEqualTo(after == null ? 7 : null);
            assertThat((Map<?, ?>) page.get("facets")).hasSize(after == null ? 6 : 0);
            after = (String) page.get("next");
        } while (after != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(made).doesNotHaveDuplicates();
    }

    @Test
    void aWithdrawnItemIsNoLongerFound() {
        String school = "th-" + Ids.newId();
        String teacher = callers.teacher(school);
        String word = "Rút" + Ids.newId().substring(0, 6).replaceAll("[^a-z]", "x");
        String itemId = ready(teacher, word, school, "SCHOOL");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(search(teacher, "q=" + word)).contains(itemId));
        items.withdraw(callers.caller(teacher), itemId).block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(search(teacher, "q=" + word)).isEmpty());
    }

    @Test
    void badInputIsAProblemInVietnameseAndAnonymousCallersAreRefused() {
        String teacher = callers.teacher("th-" + Ids.newId());
        web.get().uri(SEARCH + "?q=" + "a".repeat(201)).headers(h -> h.setBearerAuth(teacher)).exchange()
            .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.title").isEqualTo("Nội dung tìm kiếm quá dài");
        String forged = Base64.getUrlEncoder().encodeToString("{\"not\":\"a cursor\"}".getBytes());
        web.get().uri(SEARCH + "?q=toan&after=" + forged).headers(h -> h.setBearerAuth(teacher)).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("search-bad-cursor"));
        web.get().uri(SEARCH + "?q=toan&size=500").headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isBadRequest();
        web.get().uri(SEARCH + "?q=toan").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void suggestionsCompleteWhatIsTypedWithOrWithoutDiacritics() {
        String school = "th-" + Ids.newId();
        String teacher = callers.teacher(school);
        String itemId = ready(teacher, "Luyện từ và câu: Danh từ chung", school, "SCHOOL");
        await().atMost(Duration.ofSeconds(10)).until(() -> suggestions(teacher, "luyen tu va cau: danh t").contains(itemId));
        assertThat(suggestions(teacher, "Luyện từ và câu: Danh t")).contains(itemId);
        // Typed without diacritics, the words are marked in the title as written.
        List<?> found = web.get().uri(uri -> uri.path(SEARCH + "/suggestions").queryParam("q", "luyen tu va cau: danh t").build())
            .headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        String marked = found.stream().map(suggestion -> (Map<?, ?>) suggestion).filter(suggestion -> itemId.equals(suggestion.get("id")))
            .map(suggestion -> (String) suggestion.get("marked")).findFirst().orElseThrow();
        assertThat(marked.replace("</mark> <mark>", " ")).startsWith("<mark>Luyện từ và câu</mark>: <mark>Danh từ</mark> chung");
    }

    @Test
    void theMostDownloadedComeFirstWhenSortedByPopularity(@TempDir Path dir) throws Exception {
        String school = "th-" + Ids.newId();
        String teacher = callers.teacher(school);
        String student = callers.student(school, "lop-" + Ids.newId());
        String word = "Tải" + Ids.newId().substring(0, 6).replaceAll("[^a-z]", "x");
        LibraryApi api = new LibraryApi(web);
        String often = api.createItem(teacher, word + " thường dùng", "SCHOOL", List.of());
        String once = api.createItem(teacher, word + " ít dùng", "SCHOOL", List.of());
        String never = ready(teacher, word + " chưa dùng", school, "SCHOOL");
        for (String itemId : List.of(often, once)) {
            upload(teacher, itemId, Files.readAllBytes(Fixtures.pdf(dir.resolve(itemId + ".pdf"), word + " bài đọc")));
            await().atMost(Duration.ofMinutes(1)).until(() -> "READY".equals(api.item(teacher, itemId).get("state")));
        }
        download(student, often, null);
        download(student, often, "bytes=0-");
        download(student, often, "bytes=0-99");
        download(student, often, "bytes=100-199"); // a viewer reading on: the same opening, not counted again
        download(student, once, null);

        // Counts reach the index once per popularity round: a round may come between two downloads.
        await().atMost(Duration.ofSeconds(10)).until(() -> Integer.valueOf(3).equals(downloads(search(student, "q=" + word + "&sort=POPULARITY")).get(often)));
        Map<?, ?> page = search(student, "q=" + word + "&sort=POPULARITY");
        assertThat(ids(page)).containsExactly(often, once, never);
        assertThat(downloads(page)).containsExactlyInAnyOrderEntriesOf(Map.of(often, 3, once, 1, never, 0));
    }

    private static Map<String, Integer> downloads(Map<?, ?> page) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        hits(page).forEach(hit -> counts.put((String) hit.get("id"), ((Number) hit.get("downloads")).intValue()));
        return counts;
    }

    private void download(String token, String itemId, @org.jspecify.annotations.Nullable String range) {
        web.get().uri("/api/v1/library/items/" + itemId + "/versions/1/file").headers(h -> {
            h.setBearerAuth(token);
            if (range != null) {
                h.set("Range", range);
            }
        }).exchange().expectStatus().is2xxSuccessful();
    }

    private void upload(String token, String itemId, byte[] bytes) {
        String location = web.post().uri("/api/v1/library/uploads").headers(h -> h.setBearerAuth(token)).header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", String.valueOf(bytes.length))
            .header("Upload-Metadata", "itemId " + b64(itemId) + ",filename " + b64("bai-giang.pdf"))
            .exchange().expectStatus().isCreated().returnResult(Void.class).getResponseHeaders().getLocation().toString();
        web.patch().uri(location).headers(h -> h.setBearerAuth(token)).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
            .contentType(MediaType.parseMediaType("application/offset+octet-stream")).bodyValue(bytes).exchange().expectStatus().isNoContent();
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private List<String> suggestions(String token, String typed) {
        List<?> found = web.get().uri(uri -> uri.path(SEARCH + "/suggestions").queryParam("q", typed).build()).headers(h -> h.setBearerAuth(token))
            .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return found.stream().map(suggestion -> (String) ((Map<?, ?>) suggestion).get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> highlights(Map<?, ?> hit, String field) {
        return (List<String>) ((Map<String, Object>) hit.get("highlights")).getOrDefault(field, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> facet(Map<?, ?> page, String facet) {
        return (List<Map<String, Object>>) ((Map<String, Object>) page.get("facets")).get(facet);
    }

}
