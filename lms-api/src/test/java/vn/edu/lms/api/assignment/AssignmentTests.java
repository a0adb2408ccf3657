package vn.edu.lms.api.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.assessment.attempt.TestTakingFixture;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.testing.ApiTest;
import vn.edu.lms.api.testing.MutableClock;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;
import vn.edu.lms.content.library.extraction.Fixtures;

/** A teacher sets work; students hand it in, on time, late or too late; the teacher grades and returns it. */
@ApiTest
class AssignmentTests {

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSchools schools;

    @Autowired
    Schools organisation;

    @Autowired
    Students students;

    @Autowired
    MutableClock clock;

    private TestTakingFixture fixture;
    private TestAccounts.Caller teacher;
    private TestAccounts.Caller first;
    private TestAccounts.Caller second;

    @BeforeEach
    void classWithATeacherOfToan() {
        fixture = new TestTakingFixture(web, accounts, schools, students, 2);
        teacher = fixture.teacher;
        first = fixture.students.get(0);
        second = fixture.students.get(1);
        organisation.assignSubjectTeacher(fixture.schoolClass.id(), "toan", teacher.id()).block(Duration.ofSeconds(30));
    }

    @Test
    void workAfterTheDueTimeIsLateAfterTheCutOffRefusedAndEveryVersionIsKeptGradedAndReturned(@TempDir Path dir) throws Exception {
        String uri = publish(assignment(Map.of("cutOffAt", clock.instant().plus(Duration.ofHours(2)).toString(), "latePenaltyPercent", 20)));
        byte[] pdf = Files.readAllBytes(Fixtures.pdf(dir.resolve("bai.pdf")));

        String upload = privateUpload(first, pdf, "Bài làm – Nguyễn Văn An.pdf");
        handIn(uri, first, Map.of("text", "Em làm bài 1 và bài 2.", "uploadIds", List.of(upload))).expectStatus().isCreated().expectBody()
            .jsonPath("$.version").isEqualTo(1).jsonPath("$.late").isEqualTo(false)
            .jsonPath("$.files[0].fileName").isEqualTo("Bài làm – Nguyễn Văn An.pdf");
        handIn(uri, first, Map.of("text", "Em sửa lại bài 2.")).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(2);

        // After the due time: resubmitting is over for the first; the second, with nothing handed in, is accepted but late.
        clock.advance(Duration.ofMinutes(90));
        handIn(uri, first, Map.of("text", "Nộp lại lần nữa")).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/assignment-resubmission-closed");
        handIn(uri, second, Map.of("text", "Em nộp muộn ạ.")).expectStatus().isCreated().expectBody().jsonPath("$.late").isEqualTo(true);
        // After the cut-off: refused, with a clear message, and nothing recorded.
        clock.advance(Duration.ofHours(1));
        handIn(uri, second, Map.of("text", "Nộp thêm")).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/assignment-closed")
            .jsonPath("$.detail").isEqualTo("Đã quá hạn nộp bài (và quá hạn nộp muộn, nếu có). Bài nộp không được nhận.");

        Map<?, ?> mine = call(HttpMethod.GET, uri + "/submissions/mine", first, null).expectStatus().isOk().expectBody(Map.class).returnResult()
            .getResponseBody();
        List<?> versions = (List<?>) mine.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(((Map<?, ?>) versions.get(0)).get("text")).isEqualTo("Em làm bài 1 và bài 2.");
        assertThat(((Map<?, ?>) versions.get(1)).get("text")).isEqualTo("Em sửa lại bài 2.");
        byte[] downloaded = call(HttpMethod.GET, uri + "/submissions/" + first.id() + "/versions/1/files/1", teacher, null).expectStatus().isOk()
            .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(pdf);
        // A classmate reads neither the work nor its files.
        call(HttpMethod.GET, uri + "/submissions/" + first.id(), second, null).expectStatus().isForbidden();
        call(HttpMethod.GET, uri + "/submissions/" + first.id() + "/versions/1/files/1", second, null).expectStatus().isForbidden();

        call(HttpMethod.GET, uri + "/submissions", teacher, null).expectStatus().isOk().expectBody()
            .jsonPath("$.students").isEqualTo(2).jsonPath("$.submitted").isEqualTo(2);

        // The late work's 8.0 is recorded as 6.4 (20 % off); the student sees it only once returned, and is told.
        call(HttpMethod.PUT, uri + "/submissions/" + second.id() + "/grade", teacher, Map.of("score", 8.0, "comment", "Bài làm tốt, nộp muộn."))
            .expectStatus().isOk().expectBody().jsonPath("$.grade.rawScore").isEqualTo(8.0).jsonPath("$.grade.score").isEqualTo(6.4);
        call(HttpMethod.GET, uri + "/submissions/mine", second, null).expectStatus().isOk().expectBody().jsonPath("$.grade").doesNotExist();
        call(HttpMethod.POST, uri + "/submissions/" + first.id() + "/return", teacher, null).expectStatus().isEqualTo(409);
        call(HttpMethod.POST, uri + "/submissions/" + second.id() + "/return", teacher, null).expectStatus().isOk();
        call(HttpMethod.GET, uri + "/submissions/mine", second, null).expectStatus().isOk().expectBody()
            .jsonPath("$.grade.score").isEqualTo(6.4).jsonPath("$.grade.comment").isEqualTo("Bài làm tốt, nộp muộn.");
        assertThat(notices(second, "WORK_GRADED")).hasSize(1);

        // The class's work as one zip: a folder per student, the latest version of each.
        byte[] zip = call(HttpMethod.GET, uri + "/submissions.zip", teacher, null).expectStatus().isOk().expectBody(byte[].class).returnResult()
            .getResponseBody();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).hasSize(2);
        assertThat(entries.keySet()).allMatch(name -> name.matches("0[12] Nguyễn Văn Học [AB]/bai-lam.txt"));
        assertThat(entries.values().stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)))
            .containsExactlyInAnyOrder("Em sửa lại bài 2.", "Em nộp muộn ạ.");
    }

    @Test
    void theZipCarriesEachStudentsFilesByName(@TempDir Path dir) throws Exception {
        String uri = publish(assignment(Map.of()));
        byte[] pdf = Files.readAllBytes(Fixtures.pdf(dir.resolve("bai.pdf")));
        handIn(uri, first, Map.of("uploadIds", List.of(privateUpload(first, pdf, "../../bai-lam.pdf")))).expectStatus().isCreated();
        byte[] zip = call(HttpMethod.GET, uri + "/submissions.zip", teacher, null).expectStatus().isOk().expectBody(byte[].class).returnResult()
            .getResponseBody();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName()).startsWith("01 ").doesNotContain("..").endsWith(".pdf");
            assertThat(in.readAllBytes()).isEqualTo(pdf);
            assertThat(in.getNextEntry()).isNull();
        }
    }

    @Test
    void filesAreHeldToTheAssignmentsTypesAndSizesAndOnlyFinishedOwnUploadsCount() {
        String uri = publish(assignment(Map.of("acceptedTypes", List.of("application/pdf"), "maxFileMegabytes", 1, "maxFiles", 2)));
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        handIn(uri, first, Map.of("uploadIds", List.of(privateUpload(first, png, "anh.png")))).expectStatus().isEqualTo(415).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/submission-file-type");
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        handIn(uri, first, Map.of("uploadIds", List.of(privateUpload(first, big, "lon.pdf")))).expectStatus().isEqualTo(413);
        String unfinished = create(first, 100, "chua-xong.pdf");
        handIn(uri, first, Map.of("uploadIds", List.of(unfinished))).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/private-file-unfinished");
        String someoneElses = privateUpload(second, "%PDF-1.4 bài của bạn".getBytes(StandardCharsets.UTF_8), "ban.pdf");
        handIn(uri, first, Map.of("uploadIds", List.of(someoneElses))).expectStatus().isNotFound();
        handIn(uri, first, Map.of("text", "  ")).expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/submission-empty");
        // Nothing above was recorded.
        call(HttpMethod.GET, uri + "/submissions/mine", first, null).expectStatus().isNotFound();
    }

    @Test
    void aRubricAddsUpToTheScoreAndACommentOnlyAssignmentTakesARating() {
        Map<String, Object> rubric = Map.of("rubric", List.of(Map.of("name", "Đúng kết quả", "maxPoints", 6), Map.of("name", "Trình bày", "maxPoints", 4)));
        String uri = publish(assignment(rubric));
        handIn(uri, first, Map.of("text", "Bài làm")).expectStatus().isCreated();
        call(HttpMethod.PUT, uri + "/submissions/" + first.id() + "/grade", teacher, Map.of("rubricPoints", List.of(5.5, 3)))
            .expectStatus().isOk().expectBody().jsonPath("$.grade.score").isEqualTo(8.5);
        call(HttpMethod.PUT, uri + "/submissions/" + first.id() + "/grade", teacher, Map.of("rubricPoints", List.of(7, 3)))
            .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/grade-rubric-points");
        call(HttpMethod.PUT, uri + "/submissions/" + first.id() + "/grade", teacher, Map.of("score", 9)).expectStatus().isBadRequest();

        String rated = publish(assignment(Map.of("grading", "COMMENT")));
        handIn(rated, first, Map.of("text", "Bài vẽ của em")).expectStatus().isCreated();
        call(HttpMethod.PUT, rated + "/submissions/" + first.id() + "/grade", teacher, Map.of("score", 9)).expectStatus().isBadRequest();
        call(HttpMethod.PUT, rated + "/submissions/" + first.id() + "/grade", teacher, Map.of("rating", "DAT", "comment", "Có cố gắng"))
            .expectStatus().isOk().expectBody().jsonPath("$.grade.rating").isEqualTo("DAT").jsonPath("$.grade.score").doesNotExist();
        String plain = publish(assignment(Map.of()));
        handIn(plain, first, Map.of("text", "Bài làm")).expectStatus().isCreated();
        call(HttpMethod.PUT, plain + "/submissions/" + first.id() + "/grade", teacher, Map.of("score", 8.25)).expectStatus().isBadRequest();
    }

    @Test
    void workSetForChosenStudentsIsHiddenFromTheOthersAndOnlyTheClassesTeachersSetIt() {
        String uri = publish(assignment(Map.of("studentIds", List.of(first.id()))));
        call(HttpMethod.GET, uri, first, null).expectStatus().isOk();
        call(HttpMethod.GET, uri, second, null).expectStatus().isNotFound();
        handIn(uri, second, Map.of("text", "Em cũng nộp")).expectStatus().isNotFound();
        call(HttpMethod.GET, "/api/v1/classes/" + fixture.schoolClass.id() + "/assignments", second, null).expectStatus().isOk().expectBody()
            .jsonPath("$.length()").isEqualTo(0);
        call(HttpMethod.GET, "/api/v1/classes/" + fixture.schoolClass.id() + "/assignments", first, null).expectStatus().isOk().expectBody()
            .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].studentIds").doesNotExist();
        assertThat(notices(first, "ASSIGNMENT_NEW")).hasSize(1);
        assertThat(notices(second, "ASSIGNMENT_NEW")).isEmpty();

        TestAccounts.Caller stranger = accounts.caller(web, "Phạm Văn Khác", List.of(Grant.atSchool(Role.TEACHER, fixture.schoolId)));
        call(HttpMethod.GET, uri, stranger, null).expectStatus().isForbidden();
        call(HttpMethod.GET, uri + "/submissions", stranger, null).expectStatus().isForbidden();
        call(HttpMethod.POST, "/api/v1/classes/" + fixture.schoolClass.id() + "/assignments", stranger, body(Map.of())).expectStatus().isForbidden();
        call(HttpMethod.POST, "/api/v1/classes/" + fixture.schoolClass.id() + "/assignments", teacher,
            body(Map.of("studentIds", List.of("not-in-this-class"), "dueAt", clock.instant().minus(Duration.ofDays(2)).toString())))
            .expectStatus().isBadRequest().expectBody()
            .jsonPath("$.problems[0].message").isEqualTo("Hạn nộp phải sau thời gian mở bài.")
            .jsonPath("$.problems[1].code").isEqualTo("assignment.student-not-in-class");
    }

    private Map<String, Object> body(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("subjectCode", "toan", "title", "Bài tập tuần 12: số hữu tỉ",
            "instructions", "<p>Làm các bài 1–3 trang 12.</p>", "opensAt", clock.instant().minus(Duration.ofHours(1)).toString(),
            "dueAt", clock.instant().plus(Duration.ofHours(1)).toString()));
        body.putAll(changes);
        return body;
    }

    private String assignment(Map<String, Object> changes) {
        return "/api/v1/assignments/" + call(HttpMethod.POST, "/api/v1/classes/" + fixture.schoolClass.id() + "/assignments", teacher, body(changes))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private String publish(String uri) {
        call(HttpMethod.POST, uri + "/publish", teacher, null).expectStatus().isOk();
        return uri;
    }

    private WebTestClient.ResponseSpec handIn(String uri, TestAccounts.Caller student, Map<String, Object> body) {
        return call(HttpMethod.POST, uri + "/submissions", student, body);
    }

    private List<?> notices(TestAccounts.Caller who, String kind) {
        List<?> found = call(HttpMethod.GET, "/api/v1/notifications", who, null).expectStatus().isOk().expectBody(List.class).returnResult()
            .getResponseBody();
        return found.stream().map(Map.class::cast).filter(notice -> kind.equals(notice.get("kind"))).toList();
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String uri, TestAccounts.Caller caller, Object body) {
        return fixture.call(method, uri, caller, body);
    }

    /** A private file sent over tus in one PATCH; the upload's id. */
    private String privateUpload(TestAccounts.Caller owner, byte[] bytes, String name) {
        String id = create(owner, bytes.length, name);
        web.patch().uri("/api/v1/library/uploads/" + id).headers(h -> {
            h.setBearerAuth(owner.token());
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Offset", "0");
            h.set("Content-Type", "application/offset+octet-stream");
        }).bodyValue(bytes).exchange().expectStatus().isNoContent();
        return id;
    }

    private String create(TestAccounts.Caller owner, long length, String name) {
        String location = web.post().uri("/api/v1/library/uploads").headers(h -> {
            h.setBearerAuth(owner.token());
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Length", String.valueOf(length));
            h.set("Upload-Metadata", "purpose " + b64("private") + ",filename " + b64(name));
        }).exchange().expectStatus().isCreated().returnResult(Void.class).getResponseHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
