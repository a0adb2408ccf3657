package vn.edu.lms.content.library.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import vn.edu.lms.content.ContentTestApplication;
import vn.edu.lms.content.library.LibraryApi;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.LibraryTestCallers;
import vn.edu.lms.content.library.feed.LibraryFeed;

/** Items as teachers, students and reviewers use them: metadata with history, sharing, appraisal, the change feed. */
@SpringBootTest(classes = ContentTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library", "spring.messages.fallback-to-system-locale=false", "lms.jobs.enabled=false",
    "lms.library.feed.interval=50ms" })
@Import(LibraryTestCallers.class)
@AutoConfigureWebTestClient(timeout = "PT60S")
class LibraryItemTests {

    @Autowired
    WebTestClient web;

    @Autowired
    LibraryTestCallers callers;

    @Autowired
    LibraryItems items;

    @Autowired
    LibraryFeed feed;

    private LibraryApi api;
    private String school;
    private String teacher;

    @BeforeEach
    void people() {
        api = new LibraryApi(web);
        school = "thcs-" + System.nanoTime();
        teacher = callers.teacher(school, "7a-" + school);
    }

    private Map<String, Object> request(String title, String scope, List<String> classIds) {
        return Map.of("metadata", LibraryApi.metadata(title, "toan", 7, "SLIDE_DECK"), "scope", scope, "classIds", classIds);
    }

    @Test
    void editingMetadataKeepsEveryRevisionAndAStaleEditIsRefused() {
        String id = api.createItem(teacher, "Số hữu tỉ", "SCHOOL", List.of());
        Map<?, ?> created = api.item(teacher, id);
        assertThat(((Map<?, ?>) created.get("dublinCore")).get("type")).isEqualTo("InteractiveResource");
        assertThat(((Map<?, ?>) created.get("dublinCore")).get("identifier")).isEqualTo("urn:lms:library:" + id);
        String etag = "\"" + created.get("version") + "\"";

        web.put().uri("/api/v1/library/items/" + id).headers(h -> {
            h.setBearerAuth(teacher);
            h.setIfMatch(etag);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(request("Số hữu tỉ (bản sửa)", "SCHOOL", List.of())).exchange()
            .expectStatus().isOk();
        web.put().uri("/api/v1/library/items/" + id).headers(h -> {
            h.setBearerAuth(teacher);
            h.setIfMatch(etag);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(request("Ghi đè", "SCHOOL", List.of())).exchange()
            .expectStatus().isEqualTo(412).expectBody().jsonPath("$.type").isEqualTo("/problems/library-item-changed");

        Map<?, ?> item = api.item(teacher, id);
        assertThat(((Map<?, ?>) item.get("metadata")).get("title")).isEqualTo("Số hữu tỉ (bản sửa)");
        List<?> revisions = (List<?>) item.get("revisions");
        assertThat(revisions.stream().map(r -> (Object) ((Map<?, ?>) ((Map<?, ?>) r).get("metadata")).get("title")).toList())
            .containsExactly("Số hữu tỉ", "Số hữu tỉ (bản sửa)");
    }

    @Test
    void badMetadataIsAVietnameseProblemAndNothingIsCreated() {
        Map<String, Object> metadata = new HashMap<>(LibraryApi.metadata("", "toan", 13, "SLIDE_DECK"));
        web.post().uri("/api/v1/library/items").headers(h -> h.setBearerAuth(teacher)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("metadata", metadata, "scope", "SCHOOL")).exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.title").isEqualTo("Yêu cầu không hợp lệ");
        assertThat(web.get().uri("/api/v1/library/items?mine=true").headers(h -> h.setBearerAuth(teacher)).exchange()
            .expectBodyList(Map.class).returnResult().getResponseBody()).isEmpty();
    }

    @Test
    void aStudentSeesTheirClassesItemsButNotAnotherClassesOrAPrivateOne() {
        String own = api.createItem(teacher, "Bài tập lớp 7A", "CLASS", List.of("7a-" + school));
        String otherTeacher = callers.teacher(school, "7b-" + school);
        String other = api.createItem(otherTeacher, "Bài tập lớp 7B", "CLASS", List.of("7b-" + school));
        String secret = api.createItem(teacher, "Nháp", "PRIVATE", List.of());
        String student = callers.student(school, "7a-" + school);

        web.get().uri("/api/v1/library/items/" + own).headers(h -> h.setBearerAuth(student)).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/library/items/" + other).headers(h -> h.setBearerAuth(student)).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/library/items/" + secret).headers(h -> h.setBearerAuth(student)).exchange().expectStatus().isForbidden();
        List<Map> visible = web.get().uri("/api/v1/library/items").headers(h -> h.setBearerAuth(student)).exchange().expectStatus().isOk()
            .expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(visible).extracting(item -> item.get("id")).contains(own).doesNotContain(other, secret);
        web.post().uri("/api/v1/library/items").headers(h -> h.setBearerAuth(student)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(request("Của học sinh", "SCHOOL", List.of())).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/library/items").headers(h -> h.setBearerAuth(teacher)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(request("Lớp người khác", "CLASS", List.of("7b-" + school))).exchange().expectStatus().isForbidden();
    }

    @Test
    void aDistrictItemReachesOtherSchoolsOnlyOnceAReviewerOfItsSubjectApprovesIt() {
        String id = api.createItem(teacher, "Đề ôn tập học kỳ I", "DISTRICT", List.of());
        String otherSchoolTeacher = callers.teacher("other-" + school);
        String reviewer = callers.reviewer("other-" + school, "toan");
        String wrongSubjectReviewer = callers.reviewer("other-" + school, "ngu-van");

        // Before its first file there is nothing to appraise: it waits for no reviewer and cannot be approved empty.
        assertThat(web.get().uri("/api/v1/library/appraisals").headers(h -> h.setBearerAuth(reviewer)).exchange()
            .expectBodyList(Map.class).returnResult().getResponseBody()).extracting(e -> e.get("itemId")).doesNotContain(id);
        web.post().uri("/api/v1/library/items/" + id + "/appraisal").headers(h -> h.setBearerAuth(teacher))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "SUBMIT")).exchange()
            .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("/problems/appraisal-needs-file");
        // A reviewer of another school does not even see it yet.
        web.post().uri("/api/v1/library/items/" + id + "/appraisal").headers(h -> h.setBearerAuth(reviewer))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "APPROVE")).exchange().expectStatus().isForbidden();
        assertThat(appraisal(id).get("status")).isEqualTo("NONE");

        addFile(id, "upload-1");
        web.get().uri("/api/v1/library/items/" + id).headers(h -> h.setBearerAuth(otherSchoolTeacher)).exchange().expectStatus().isForbidden();
        assertThat(web.get().uri("/api/v1/library/appraisals").headers(h -> h.setBearerAuth(reviewer)).exchange()
            .expectBodyList(Map.class).returnResult().getResponseBody()).extracting(e -> e.get("itemId")).contains(id);
        web.post().uri("/api/v1/library/items/" + id + "/appraisal").headers(h -> h.setBearerAuth(wrongSubjectReviewer))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "APPROVE")).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/library/items/" + id + "/appraisal").headers(h -> h.setBearerAuth(teacher))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "APPROVE")).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/library/items/" + id + "/appraisal").headers(h -> h.setBearerAuth(reviewer))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "REJECT")).exchange().expectStatus().isEqualTo(422);
        web.post().uri("/api/v1/library/items/" + id + "/appraisal").headers(h -> h.setBearerAuth(reviewer))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "REJECT", "comment", "Thiếu đáp án câu 5")).exchange()
            .expectStatus().isOk();
        web.get().uri("/api/v1/library/items/" + id).headers(h -> h.setBearerAuth(otherSchoolTeacher)).exchange().expectStatus().isForbidden();

        addFile(id, "upload-2");
        web.post().uri("/api/v1/library/items/" + id + "/appraisal").headers(h -> h.setBearerAuth(teacher))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "SUBMIT", "comment", "Đã bổ sung")).exchange()
            .expectStatus().isOk();
        web.post().uri("/api/v1/library/items/" + id + "/appraisal").headers(h -> h.setBearerAuth(reviewer))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "APPROVE", "comment", "Đạt")).exchange()
            .expectStatus().isOk();
        web.get().uri("/api/v1/library/items/" + id).headers(h -> h.setBearerAuth(otherSchoolTeacher)).exchange().expectStatus().isOk();

        Map<?, ?> appraisal = appraisal(id);
        assertThat(((List<?>) appraisal.get("history")).stream().map(t -> ((Map<?, ?>) t).get("to") + ":" + ((Map<?, ?>) t).get("comment"))
            .map(Object.class::cast).toList()).containsExactly("SUBMITTED:null", "REJECTED:Thiếu đáp án câu 5", "SUBMITTED:Đã bổ sung", "APPROVED:Đạt");
    }

    @Test
    void anItemGoesToItsReviewersWhenSharedWithTheDistrictWithAFileAndAgainWhenAnApprovedFileChanges() {
        String id = api.createItem(teacher, "Phiếu học tập số hữu tỉ", "SCHOOL", List.of());
        String reviewer = callers.reviewer("other-" + school, "toan");
        addFile(id, "upload-1");
        assertThat(appraisal(id).get("status")).isEqualTo("NONE");

        web.put().uri("/api/v1/library/items/" + id).headers(h -> h.setBearerAuth(teacher)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(request("Phiếu học tập số hữu tỉ", "DISTRICT", List.of())).exchange().expectStatus().isOk();
        assertThat(appraisal(id).get("status")).isEqualTo("SUBMITTED");
        web.post().uri("/api/v1/library/items/" + id + "/appraisal").headers(h -> h.setBearerAuth(reviewer))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "APPROVE")).exchange().expectStatus().isOk();

        // Reviewers approved the first file's bytes, not the new one's.
        addFile(id, "upload-2");
        Map<?, ?> appraisal = appraisal(id);
        assertThat(appraisal.get("status")).isEqualTo("SUBMITTED");
        assertThat(((List<?>) appraisal.get("history")).stream().map(t -> ((Map<?, ?>) t).get("to") + ":" + ((Map<?, ?>) t).get("comment"))
            .map(Object.class::cast).toList()).containsExactly("SUBMITTED:null", "APPROVED:null", "SUBMITTED:new file version");
    }

    private Map<?, ?> appraisal(String itemId) {
        return (Map<?, ?>) api.item(teacher, itemId).get("appraisal");
    }

    private void addFile(String itemId, String uploadId) {
        items.addVersion(itemId, new FileVersion(0, uploadId, "ab".repeat(32), "blobs/" + uploadId, 10, "application/pdf", "de.pdf",
            java.time.Instant.now(), callers.caller(teacher).accountId(), FileVersion.State.READY, null, 100, null, null)).block();
    }

    @Test
    void theFeedGivesEveryChangeOnceInIncreasingOrderEvenWhenWritersRace() throws Exception {
        LibraryCaller caller = callers.caller(teacher);
        long start = feed.latestSequence().block();
        List<String> ids = Flux.range(0, 20).flatMap(i -> items.create(caller, new LibraryItems.Draft(
                new Metadata("Bài " + i, null, null, null, null, null, null, null, "toan", List.of(7), null, ResourceKind.REFERENCE,
                    List.of(), Licence.CC_BY_4_0), school, Scope.SCHOOL, List.of())), 8)
            .map(LibraryItem::id).collectList().block(Duration.ofSeconds(30));
        // Each item edited three times by racing writers.
        Flux.fromIterable(ids).flatMap(id -> Flux.range(0, 3).flatMap(n -> items.edit(caller, id, null, new LibraryItems.Draft(
            new Metadata("Bài sửa " + n, null, null, null, null, null, null, null, "toan", List.of(7), null, ResourceKind.REFERENCE,
                List.of(), Licence.CC_BY_4_0), school, Scope.SCHOOL, List.of())), 3), 8).blockLast(Duration.ofSeconds(60));

        long cursor = start;
        Map<String, Long> seen = new HashMap<>();
        List<Long> sequences = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            assertThat(System.currentTimeMillis()).as("the feed caught up").isLessThan(deadline);
            boolean allNumbered = feed.pending().block() == 0;
            List<LibraryItem> batch = feed.changesAfter(cursor, 7).collectList().block();
            for (LibraryItem item : batch) {
                sequences.add(item.sequence());
                cursor = item.sequence();
                if (Set.copyOf(ids).contains(item.id())) {
                    seen.put(item.id(), item.version());
                }
            }
            if (batch.isEmpty() && allNumbered && seen.size() == ids.size()) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            assertThat(seen.get(id)).as("the follower ends on the latest version of %s", id).isEqualTo(items.item(id).block().version());
        }
    }
}
