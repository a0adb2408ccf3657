package vn.edu.lms.api.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import vn.edu.lms.content.library.LibraryApi;
import vn.edu.lms.content.library.extraction.Fixtures;

/**
 * A teacher builds lessons from the library and the question bank; students follow them; the
 * participation record shows what each did.
 */
@ApiTest
class LessonTests {

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

    @Autowired
    Lessons lessons;

    private TestTakingFixture fixture;
    private TestAccounts.Caller teacher;
    private List<String> questions;

    @BeforeEach
    void classWithATeacherOfToan() {
        fixture = new TestTakingFixture(web, accounts, schools, students, 2);
        teacher = fixture.teacher;
        organisation.assignSubjectTeacher(fixture.schoolClass.id(), "toan", teacher.id()).block(Duration.ofSeconds(30));
        Map<?, ?> page = call(HttpMethod.GET, "/api/v1/questions?subjectCode=toan&grade=7&size=100", teacher, null).expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        questions = new ArrayList<>();
        for (Object question : (List<?>) page.get("questions")) {
            Map<?, ?> found = (Map<?, ?>) question;
            if ("SINGLE_CHOICE".equals(found.get("type"))) {
                questions.add(String.valueOf(found.get("id")));
            }
        }
    }

    @Test
    void aStudentFollowsALessonWithAVideoAPdfAndAQuizAndTheRecordShowsTheShareWatchedAndTheScore(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs the system ffmpeg to make the video");
        Path mp4 = dir.resolve("bai-giang.mp4");
        run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
            "-t", "20", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", mp4.toString());
        String video = uploadedAndReady(mp4, "Video bài giảng số hữu tỉ.mp4", "SCHOOL");
        String pdf = uploadedAndReady(Fixtures.pdf(dir.resolve("a.pdf")), "Phiếu học tập.pdf", "SCHOOL");

        Map<String, Object> lesson = lesson("Bài 1. Tập hợp số hữu tỉ", List.of(
            Map.of("type", "TEXT", "text", "<p>Số hữu tỉ là số viết được dưới dạng \\(\\frac{a}{b}\\).</p><script>alert(1)</script>"),
            Map.of("type", "LIBRARY_ITEM", "itemId", video),
            Map.of("type", "LIBRARY_ITEM", "itemId", pdf),
            Map.of("type", "PRACTICE_QUIZ", "label", "Luyện tập", "questionIds", questions.subList(0, 2), "counted", false),
            Map.of("type", "LIVE_CLASS", "url", "https://meet.truong.edu.vn/7a-toan", "label", "Chữa bài", "startsAt", "2026-10-27T01:00:00Z",
                "durationMinutes", 45)));
        String uri = "/api/v1/lessons/" + lesson.get("id");
        List<Map<String, Object>> blocks = blocks(lesson);
        assertThat(blocks.get(0).get("text")).asString().contains("\\(\\frac{a}{b}\\)").doesNotContain("script");
        assertThat(((Map<?, ?>) blocks.get(1).get("item")).get("durationSeconds")).asString().startsWith("20");
        assertThat(((Map<?, ?>) blocks.get(1).get("item")).get("sharedWithClass")).isEqualTo(true);

        TestAccounts.Caller student = fixture.students.get(0);
        call(HttpMethod.GET, uri, student, null).expectStatus().isNotFound();
        call(HttpMethod.POST, uri + "/publish", teacher, null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        assertThat(lessonNotices(student)).containsExactly(uri);

        String shown = call(HttpMethod.GET, uri, student, null).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(shown).contains("Bài 1. Tập hợp số hữu tỉ").doesNotContain("\"correct\"").doesNotContain("questionIds\":[\"");
        call(HttpMethod.GET, "/api/v1/classes/" + fixture.schoolClass.id() + "/lessons?subjectCode=toan", student, null).expectStatus().isOk()
            .expectBody().jsonPath("$.topics[0].topic").isEqualTo("Chương 1. Số hữu tỉ").jsonPath("$.topics[0].lessons[0].id").isEqualTo(lesson.get("id"));

        String videoBlock = (String) blocks.get(1).get("id");
        String pdfBlock = (String) blocks.get(2).get("id");
        String quizBlock = (String) blocks.get(3).get("id");
        String liveBlock = (String) blocks.get(4).get("id");
        progress(uri, student, Map.of("type", "OPENED")).expectStatus().isNoContent();
        // The first 10 s of 20, reported twice and in overlapping spans: half the video, counted once.
        progress(uri, student, Map.of("type", "VIDEO", "blockId", videoBlock, "from", 0, "to", 6)).expectStatus().isNoContent();
        progress(uri, student, Map.of("type", "VIDEO", "blockId", videoBlock, "from", 4, "to", 10)).expectStatus().isNoContent();
        progress(uri, student, Map.of("type", "VIDEO", "blockId", videoBlock, "from", 0, "to", 10)).expectStatus().isNoContent();
        progress(uri, student, Map.of("type", "DOCUMENT", "blockId", pdfBlock)).expectStatus().isNoContent();
        progress(uri, student, Map.of("type", "VIDEO", "blockId", pdfBlock, "from", 0, "to", 10)).expectStatus().isEqualTo(409);
        progress(uri, student, Map.of("type", "VIDEO", "blockId", videoBlock, "from", 0, "to", 500)).expectStatus().isBadRequest();

        // One right (A), one wrong: 5 on the 10-point scale.
        String attempts = uri + "/blocks/" + quizBlock + "/quiz-attempts";
        call(HttpMethod.POST, attempts, student, Map.of("answers", List.of(
                Map.of("number", 1, "response", Map.of("selected", List.of("A"))), Map.of("number", 2, "response", Map.of("selected", List.of("B"))))))
            .expectStatus().isOk().expectBody().jsonPath("$.score").isEqualTo(5.0).jsonPath("$.items[0].correct").isEqualTo(true)
            .jsonPath("$.items[1].correct").isEqualTo(false).jsonPath("$.attempts").isEqualTo(1);
        // A worse second try keeps the best.
        call(HttpMethod.POST, attempts, student, Map.of("answers", List.of())).expectStatus().isOk().expectBody()
            .jsonPath("$.score").isEqualTo(0.0).jsonPath("$.attempts").isEqualTo(2).jsonPath("$.best").isEqualTo(5.0);

        call(HttpMethod.PUT, uri + "/blocks/" + liveBlock + "/attendance", teacher, Map.of("marks", List.of(
            Map.of("studentId", student.id(), "present", true), Map.of("studentId", fixture.students.get(1).id(), "present", false))))
            .expectStatus().isNoContent();
        call(HttpMethod.PUT, uri + "/blocks/" + liveBlock + "/attendance", teacher, Map.of("marks", List.of(
            Map.of("studentId", "not-in-this-class", "present", true)))).expectStatus().isBadRequest();

        Map<?, ?> report = call(HttpMethod.GET, uri + "/participation", teacher, null).expectStatus().isOk().expectBody(Map.class)
            .returnResult().getResponseBody();
        assertThat(report.get("students")).isEqualTo(2);
        assertThat(report.get("started")).isEqualTo(1);
        assertThat(report.get("notStarted")).isEqualTo(List.of(fixture.students.get(1).id()));
        Map<?, ?> line = ((List<?>) report.get("lines")).stream().map(Map.class::cast).filter(l -> student.id().equals(l.get("studentId")))
            .findFirst().orElseThrow();
        assertThat(((Map<?, ?>) line.get("watchedPercent")).get(videoBlock)).isEqualTo(50);
        assertThat(((Map<?, ?>) line.get("opened")).get(pdfBlock)).isNotNull();
        assertThat(((Map<?, ?>) ((Map<?, ?>) line.get("quizzes")).get(quizBlock)).get("bestTenths")).isEqualTo(50);
        assertThat(((Map<?, ?>) line.get("present")).get(liveBlock)).isEqualTo(true);

        byte[] xlsx = call(HttpMethod.GET, uri + "/participation.xlsx", teacher, null).expectStatus().isOk().expectBody(byte[].class)
            .returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(3);
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Video: Video bài giảng số hữu tỉ.mp4 (% đã xem)");
            Row first = sheet.getRow(4);
            Row studentRow = student.id().equals(firstLineId(report)) ? first : sheet.getRow(5);
            assertThat(studentRow.getCell(3).getNumericCellValue()).isEqualTo(50.0);
            assertThat(studentRow.getCell(4).getStringCellValue()).matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");
            assertThat(studentRow.getCell(5).getNumericCellValue()).isEqualTo(5.0);
            assertThat(studentRow.getCell(6).getStringCellValue()).isEqualTo("Có mặt");
        }
    }

    @Test
    void publishingRefusesAnItemTheClassCannotSeeAndAScheduledLessonOpensAtItsTime() {
        String privateItem = new LibraryApi(web).createItem(teacher.token(), "Giáo án riêng", "PRIVATE", List.of());
        Map<String, Object> lesson = lesson("Bài 2. Cộng trừ số hữu tỉ", List.of(Map.of("type", "LIBRARY_ITEM", "itemId", privateItem)));
        String uri = "/api/v1/lessons/" + lesson.get("id");
        assertThat(((Map<?, ?>) blocks(lesson).get(0).get("item")).get("sharedWithClass")).isEqualTo(false);
        call(HttpMethod.POST, uri + "/publish", teacher, null).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/lesson-items-not-shared").jsonPath("$.blocks[0]").isEqualTo(blocks(lesson).get(0).get("id"));

        // Nor can a published lesson be edited to show one.
        Map<String, Object> published = lesson("Bài 2b. Ôn tập", List.of(Map.of("type", "TEXT", "text", "<p>Ôn tập</p>")));
        call(HttpMethod.POST, "/api/v1/lessons/" + published.get("id") + "/publish", teacher, null).expectStatus().isOk();
        call(HttpMethod.PUT, "/api/v1/lessons/" + published.get("id"), teacher, lessonBody("Bài 2b. Ôn tập", List.of(
            Map.of("type", "TEXT", "text", "<p>Ôn tập</p>"), Map.of("type", "LIBRARY_ITEM", "itemId", privateItem))))
            .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("/problems/lesson-items-not-shared");
        call(HttpMethod.GET, "/api/v1/lessons/" + published.get("id"), teacher, null).expectStatus().isOk().expectBody()
            .jsonPath("$.blocks.length()").isEqualTo(1);

        Map<String, Object> scheduled = lesson("Bài 3. Nhân chia số hữu tỉ", List.of(Map.of("type", "TEXT", "text", "<p>Quy tắc nhân</p>")));
        String scheduledUri = "/api/v1/lessons/" + scheduled.get("id");
        call(HttpMethod.POST, scheduledUri + "/publish", teacher, Map.of("releaseAt", clock.instant().plus(Duration.ofHours(2)).toString()))
            .expectStatus().isOk();
        TestAccounts.Caller student = fixture.students.get(0);
        call(HttpMethod.GET, scheduledUri, student, null).expectStatus().isNotFound();
        progress(scheduledUri, student, Map.of("type", "OPENED")).expectStatus().isNotFound();
        lessons.announceOpened().blockLast(Duration.ofSeconds(30));
        assertThat(lessonNotices(student)).doesNotContain(scheduledUri);
        clock.advance(Duration.ofHours(2));
        call(HttpMethod.GET, scheduledUri, student, null).expectStatus().isOk();
        progress(scheduledUri, student, Map.of("type", "OPENED")).expectStatus().isNoContent();
        // Told once the release time has come, and only once however often the announcer runs.
        lessons.announceOpened().blockLast(Duration.ofSeconds(30));
        lessons.announceOpened().blockLast(Duration.ofSeconds(30));
        assertThat(lessonNotices(student)).filteredOn(scheduledUri::equals).hasSize(1);
    }

    @Test
    void aCountedQuizIsDoneOnceAndAFloodOfProgressReportsIsSlowedDown() {
        Map<String, Object> lesson = lesson("Bài 4. Luyện tập chung", List.of(
            Map.of("type", "PRACTICE_QUIZ", "label", "Kiểm tra thường xuyên", "questionIds", questions.subList(0, 3), "counted", true)));
        String uri = "/api/v1/lessons/" + lesson.get("id");
        call(HttpMethod.POST, uri + "/publish", teacher, null).expectStatus().isOk();
        TestAccounts.Caller student = fixture.students.get(0);
        String attempts = uri + "/blocks/" + blocks(lesson).get(0).get("id") + "/quiz-attempts";
        Map<String, Object> allRight = Map.of("answers", List.of(Map.of("number", 1, "response", Map.of("selected", List.of("A"))),
            Map.of("number", 2, "response", Map.of("selected", List.of("A"))), Map.of("number", 3, "response", Map.of("selected", List.of("A")))));
        call(HttpMethod.POST, attempts, student, allRight).expectStatus().isOk().expectBody().jsonPath("$.score").isEqualTo(10.0);
        call(HttpMethod.POST, attempts, student, allRight).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/quiz-already-done");
        // A teacher cannot take it, another class's student neither.
        call(HttpMethod.POST, attempts, teacher, allRight).expectStatus().isForbidden();

        int accepted = 0;
        WebTestClient.ResponseSpec last = null;
        for (int i = 0; i < 40; i++) {
            last = progress(uri, fixture.students.get(1), Map.of("type", "OPENED"));
            if (last.returnResult(Void.class).getStatus().value() == 204) {
                accepted++;
            } else {
                break;
            }
        }
        assertThat(accepted).isLessThanOrEqualTo(30);
        progress(uri, fixture.students.get(1), Map.of("type", "OPENED")).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
            .expectBody().jsonPath("$.type").isEqualTo("/problems/too-many-progress-reports");
        // Another student is not slowed down by it.
        progress(uri, student, Map.of("type", "OPENED")).expectStatus().isNoContent();
    }

    @Test
    void badBlocksAreRefusedWithEachProblemInVietnameseAndNothingIsSaved() {
        String essay = String.valueOf(call(HttpMethod.POST, "/api/v1/questions", teacher, Map.of("subjectCode", "toan", "grade", 7, "topic",
                "Số hữu tỉ", "level", "VAN_DUNG", "content", Map.of("type", "ESSAY", "stem", "Chứng minh …")))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        Map<String, Object> bad = lessonBody("Bài lỗi", List.of(
            Map.of("type", "LINK", "url", "javascript:alert(1)", "label", "Bấm vào đây"),
            Map.of("type", "TEXT", "text", "<script>alert(1)</script>"),
            Map.of("type", "PRACTICE_QUIZ", "questionIds", List.of(essay)),
            Map.of("type", "LIVE_CLASS", "url", "https://meet.truong.edu.vn/x", "durationMinutes", 0)));
        String lessons = "/api/v1/classes/" + fixture.schoolClass.id() + "/lessons";
        call(HttpMethod.POST, lessons, teacher, bad).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.type").isEqualTo("/problems/lesson-invalid")
            .jsonPath("$.problems[0].message").isEqualTo("Khối 1: đường liên kết phải là địa chỉ http:// hoặc https:// đầy đủ.")
            .jsonPath("$.problems[1].code").isEqualTo("lesson.empty-text")
            .jsonPath("$.problems[2].code").isEqualTo("lesson.live-without-time")
            .jsonPath("$.problems[3].code").isEqualTo("lesson.live-bad-duration");
        call(HttpMethod.POST, lessons, teacher, lessonBody("Bài lỗi", List.of(Map.of("type", "PRACTICE_QUIZ", "questionIds", List.of(essay)))))
            .expectStatus().isBadRequest().expectBody().jsonPath("$.problems[0].code").isEqualTo("lesson.question-hand-graded");
        call(HttpMethod.GET, lessons, teacher, null).expectStatus().isOk().expectBody().jsonPath("$.topics.length()").isEqualTo(0);
    }

    @Test
    void onlyTheClassesTeachersWriteAnEditKeepsItsBlocksAndACopyStartsAfreshInAnotherClass() {
        Map<String, Object> lesson = lesson("Bài 5. Làm tròn số", List.of(Map.of("type", "TEXT", "text", "<p>Làm tròn</p>"),
            Map.of("type", "LINK", "url", "https://vi.wikipedia.org/wiki/L%C3%A0m_tr%C3%B2n", "label", "Đọc thêm")));
        String uri = "/api/v1/lessons/" + lesson.get("id");
        TestAccounts.Caller otherTeacher = accounts.caller(web, "Phạm Văn Khác", List.of(Grant.atSchool(Role.TEACHER, fixture.schoolId)));
        call(HttpMethod.GET, uri, otherTeacher, null).expectStatus().isForbidden();
        call(HttpMethod.PUT, uri, otherTeacher, lessonBody("Sửa trộm", List.of())).expectStatus().isForbidden();
        call(HttpMethod.POST, "/api/v1/classes/" + fixture.schoolClass.id() + "/lessons", otherTeacher, lessonBody("Bài lạ", List.of()))
            .expectStatus().isForbidden();

        // Editing keeps the link block (by its id) and adds a new one before it.
        String linkId = (String) blocks(lesson).get(1).get("id");
        Map<String, Object> edited = lessonBody("Bài 5. Làm tròn số (sửa)", List.of(Map.of("type", "TEXT", "text", "<p>Mở đầu</p>"),
            Map.of("id", linkId, "type", "LINK", "url", "https://vi.wikipedia.org/wiki/S%E1%BB%91", "label", "Đọc thêm")));
        String etag = call(HttpMethod.GET, uri, teacher, null).expectStatus().isOk().returnResult(Map.class).getResponseHeaders().getETag();
        Map<?, ?> after = web.put().uri(uri).headers(h -> h.setBearerAuth(teacher.token())).header("If-Match", etag)
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(edited).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) ((List<?>) after.get("blocks")).get(1)).get("id")).isEqualTo(linkId);
        web.put().uri(uri).headers(h -> h.setBearerAuth(teacher.token())).header("If-Match", etag)
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(edited).exchange().expectStatus().isEqualTo(412);

        var nextYear = schools.schoolClass(fixture.schoolId, "7B");
        organisation.assignSubjectTeacher(nextYear.id(), "toan", teacher.id()).block(Duration.ofSeconds(30));
        Map<?, ?> copy = call(HttpMethod.POST, uri + "/copies", teacher, Map.of("classId", nextYear.id())).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(copy.get("classId")).isEqualTo(nextYear.id());
        assertThat(copy.get("status")).isEqualTo("DRAFT");
        assertThat(copy.get("copiedFrom")).isEqualTo(lesson.get("id"));
        assertThat(((Map<?, ?>) ((List<?>) copy.get("blocks")).get(1)).get("id")).isNotEqualTo(linkId);
        call(HttpMethod.POST, uri + "/copies", otherTeacher, Map.of("classId", nextYear.id())).expectStatus().isForbidden();

        call(HttpMethod.DELETE, uri, teacher, null).expectStatus().isNoContent();
        call(HttpMethod.GET, uri, teacher, null).expectStatus().isNotFound();
    }

    /** The links of the student's new-lesson notifications. */
    private List<String> lessonNotices(TestAccounts.Caller student) {
        List<?> found = call(HttpMethod.GET, "/api/v1/notifications", student, null).expectStatus().isOk().expectBody(List.class)
            .returnResult().getResponseBody();
        return found.stream().map(Map.class::cast).filter(notice -> "LESSON_NEW".equals(notice.get("kind")))
            .map(notice -> String.valueOf(notice.get("link"))).toList();
    }

    private static String firstLineId(Map<?, ?> report) {
        return String.valueOf(((Map<?, ?>) ((List<?>) report.get("lines")).get(0)).get("studentId"));
    }

    private Map<String, Object> lessonBody(String title, List<Map<String, Object>> blocks) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectCode", "toan");
        body.put("topic", "Chương 1. Số hữu tỉ");
        body.put("title", title);
        body.put("position", 1);
        body.put("blocks", blocks);
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lesson(String title, List<Map<String, Object>> blocks) {
        return call(HttpMethod.POST, "/api/v1/classes/" + fixture.schoolClass.id() + "/lessons", teacher, lessonBody(title, blocks))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blocks(Map<String, Object> lesson) {
        return (List<Map<String, Object>>) lesson.get("blocks");
    }

    private WebTestClient.ResponseSpec progress(String uri, TestAccounts.Caller student, Map<String, Object> body) {
        return call(HttpMethod.POST, uri + "/progress", student, body);
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String uri, TestAccounts.Caller caller, Object body) {
        return fixture.call(method, uri, caller, body);
    }

    /** Creates a library item at {@code scope}, uploads the file over tus and waits until it is processed; the item's id. */
    private String uploadedAndReady(Path file, String name, String scope) throws Exception {
        LibraryApi library = new LibraryApi(web);
        Map<String, Object> version = library.processed(teacher.token(), library.upload(teacher.token(), file, name, scope));
        assertThat(version.get("state")).as(name).isEqualTo("READY");
        return String.valueOf(version.get("itemId"));
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
