package vn.edu.lms.api.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.assessment.attempt.Attempts;
import vn.edu.lms.api.assessment.attempt.TestTakingFixture;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.testing.ApiTest;
import vn.edu.lms.api.testing.MutableClock;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/**
 * The gradebook of a lower-secondary class: values entered and corrected with a reason, every
 * change on record, averages by Thông tư 22, scores taken in from tests, assignments and quizzes,
 * the term locked and unlocked, the book exported, and a student's grades read only by them, their
 * parents and their teachers.
 */
@ApiTest
class GradebookTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

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
    Attempts attempts;

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
        organisation.assignSubjectTeacher(fixture.schoolClass.id(), "toan", teacher.id()).block(WAIT);
    }

    @Test
    void enteredScoresGiveTheTermAverageCorrectionsNeedAReasonAndTheExportReadsBackTheSameAverages() throws Exception {
        Map<?, ?> book = book(fixture.schoolClass.id(), "toan", 1);
        // Toán has 140 periods a year: four regular assessments a term.
        assertThat(book.get("columns")).isEqualTo(List.of("TX1", "TX2", "TX3", "TX4", "GK", "CK"));
        String id = String.valueOf(book.get("id"));
        enter(id, first, Map.of("TX1", 8, "TX2", 7, "TX3", 9, "TX4", 6.5, "GK", 7.5, "CK", 8));
        enter(id, second, Map.of("TX1", 5, "TX2", 6, "GK", 4.5, "CK", 5));
        Map<?, ?> after = book(fixture.schoolClass.id(), "toan", 1);
        // (8 + 7 + 9 + 6.5 + 2·7.5 + 3·8) / (4 + 5) = 69.5 / 9 = 7.72… → 7.7; the second is missing two regular scores.
        assertThat(row(after, first).get("average")).isEqualTo(7.7);
        assertThat(row(after, second).get("average")).isNull();

        String cell = "/api/v1/gradebooks/" + id + "/cells/" + first.id() + "/CK";
        call(HttpMethod.PUT, cell, teacher, Map.of("score", 9)).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.type").isEqualTo("/problems/gradebook-reason-required");
        call(HttpMethod.PUT, cell, teacher, Map.of("score", 8.25, "reason", "Chấm lại")).expectStatus().isBadRequest();
        call(HttpMethod.PUT, cell, teacher, Map.of("score", 9, "reason", "Chấm phúc khảo bài cuối kỳ")).expectStatus().isOk();
        List<?> changes = call(HttpMethod.GET, "/api/v1/gradebooks/" + id + "/changes", teacher, null).expectStatus().isOk()
            .expectBody(List.class).returnResult().getResponseBody();
        Map<?, ?> newest = (Map<?, ?>) changes.get(0);
        assertThat(newest.get("reason")).isEqualTo("Chấm phúc khảo bài cuối kỳ");
        assertThat(((Map<?, ?>) newest.get("before")).get("score")).isEqualTo(8.0);
        assertThat(((Map<?, ?>) newest.get("after")).get("score")).isEqualTo(9.0);
        assertThat(newest.get("by")).isEqualTo(teacher.id());
        assertThat(changes).hasSize(11);

        byte[] xlsx = call(HttpMethod.GET, "/api/v1/classes/" + fixture.schoolClass.id() + "/gradebooks/toan/export?term=1", teacher, null)
            .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("ĐĐGtx");
            assertThat(sheet.getRow(4).getCell(8).getStringCellValue()).isEqualTo("ĐTBmhk");
            Row firstRow = rowOf(sheet, "Nguyễn Văn Học A");
            // (30.5 + 15 + 27) / 9 = 8.05… → 8.1 after the correction.
            assertThat(firstRow.getCell(7).getNumericCellValue()).isEqualTo(9.0);
            assertThat(firstRow.getCell(8).getNumericCellValue()).isEqualTo(8.1);
            assertThat(rowOf(sheet, "Nguyễn Văn Học B").getCell(8)).isNull();
        }
    }

    @Test
    void aCellChangedSinceItWasReadIsNotOverwrittenAndTheAnswerShowsWhatItHoldsNow() {
        Map<?, ?> opened = book(fixture.schoolClass.id(), "toan", 1);
        String id = String.valueOf(opened.get("id"));
        String seen = tags(opened, first).get("TX1");
        assertThat(seen).isEqualTo("\"empty\"");
        String cell = "/api/v1/gradebooks/" + id + "/cells/" + first.id() + "/TX1";

        // Two pages opened on the same book: the first enters 8, the second, still showing an empty cell, 6.
        Map<?, ?> afterFirst = ifMatch(cell, seen, Map.of("score", 8)).expectStatus().isOk().expectBody(Map.class).returnResult()
            .getResponseBody();
        String now = tags(afterFirst, first).get("TX1");
        assertThat(now).isNotEqualTo(seen).matches("\"\\d+\"");
        ifMatch(cell, seen, Map.of("score", 6)).expectStatus().isEqualTo(412).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/gradebook-cell-changed")
            .jsonPath("$.title").isEqualTo("Ô điểm vừa được người khác sửa")
            .jsonPath("$.cell.score").isEqualTo(8.0)
            .jsonPath("$.tag").isEqualTo(now);
        ifMatch(cell, seen, Map.of("score", 6, "reason", "Nhập nhầm")).expectStatus().isEqualTo(412);
        // "*" asks for a cell that holds a value: TX2 holds none.
        ifMatch("/api/v1/gradebooks/" + id + "/cells/" + first.id() + "/TX2", "*", Map.of("score", 5)).expectStatus().isEqualTo(412);

        Map<?, ?> kept = book(fixture.schoolClass.id(), "toan", 1);
        assertThat(cell(kept, first, "TX1").get("score")).isEqualTo(8.0);
        assertThat(cell(kept, first, "TX2")).isNull();
        assertThat(call(HttpMethod.GET, "/api/v1/gradebooks/" + id + "/changes", teacher, null).expectBody(List.class).returnResult()
            .getResponseBody()).hasSize(1);

        // Having seen the 8, the second page may correct it (with a reason, as any correction).
        ifMatch(cell, now, Map.of("score", 6, "reason", "Nhập nhầm cột")).expectStatus().isOk();
        assertThat(cell(book(fixture.schoolClass.id(), "toan", 1), first, "TX1").get("score")).isEqualTo(6.0);
    }

    private WebTestClient.ResponseSpec ifMatch(String uri, String tag, Map<String, Object> body) {
        return web.put().uri(uri).headers(h -> {
            h.setBearerAuth(teacher.token());
            h.setIfMatch(tag);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(Map<?, ?> book, TestAccounts.Caller student) {
        return (Map<String, String>) row(book, student).get("tags");
    }

    @Test
    void aCommentSubjectTakesDatOrChuaDatAndScoresFlowInFromTestsAssignmentsAndQuizzesButAHandEnteredValueStays() {
        organisation.assignSubjectTeacher(fixture.schoolClass.id(), "am-nhac", teacher.id()).block(WAIT);
        Map<?, ?> music = book(fixture.schoolClass.id(), "am-nhac", 1);
        String musicId = String.valueOf(music.get("id"));
        call(HttpMethod.PUT, "/api/v1/gradebooks/" + musicId + "/cells/" + first.id() + "/TX1", teacher, Map.of("score", 8)).expectStatus()
            .isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/gradebook-rating-required");
        for (String column : List.of("TX1", "TX2", "GK", "CK")) {
            call(HttpMethod.PUT, "/api/v1/gradebooks/" + musicId + "/cells/" + first.id() + "/" + column, teacher, Map.of("achieved", true))
                .expectStatus().isOk();
        }
        assertThat(row(book(fixture.schoolClass.id(), "am-nhac", 1), first).get("achieved")).isEqualTo(true);

        // A released mid-term test: both students right, 10.0 in GK; the teacher's hand-entered GK for the second is kept.
        String id = String.valueOf(book(fixture.schoolClass.id(), "toan", 1).get("id"));
        call(HttpMethod.PUT, "/api/v1/gradebooks/" + id + "/cells/" + second.id() + "/GK", teacher, Map.of("score", 6)).expectStatus().isOk();
        String sessionId = String.valueOf(fixture.session(clock.instant().minusSeconds(60), request -> { }).get("id"));
        fixture.take(attempts, sessionId, first, true);
        fixture.take(attempts, sessionId, second, true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(HttpMethod.GET, "/api/v1/test-sessions/" + sessionId
            + "/results", teacher, null).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
            .doesNotContain("\"standing\":\"GRADING\"").doesNotContain("\"standing\":\"IN_PROGRESS\""));
        call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/release", teacher, null).expectStatus().isOk();

        // A returned assignment feeds TX1.
        String assignment = String.valueOf(call(HttpMethod.POST, "/api/v1/classes/" + fixture.schoolClass.id() + "/assignments", teacher, Map.of(
            "subjectCode", "toan", "title", "Bài tập tuần 3", "instructions", "<p>Làm bài</p>", "opensAt", clock.instant().minusSeconds(3600)
                .toString(), "dueAt", clock.instant().plusSeconds(3600).toString())).expectStatus().isCreated().expectBody(Map.class).returnResult()
            .getResponseBody().get("id"));
        call(HttpMethod.POST, "/api/v1/assignments/" + assignment + "/publish", teacher, null).expectStatus().isOk();
        call(HttpMethod.POST, "/api/v1/assignments/" + assignment + "/submissions", first, Map.of("text", "Bài làm")).expectStatus().isCreated();
        call(HttpMethod.PUT, "/api/v1/assignments/" + assignment + "/submissions/" + first.id() + "/grade", teacher, Map.of("score", 7.5))
            .expectStatus().isOk();
        call(HttpMethod.POST, "/api/v1/assignments/" + assignment + "/submissions/" + first.id() + "/return", teacher, null).expectStatus().isOk();
        call(HttpMethod.PUT, "/api/v1/gradebooks/" + id + "/sources/TX1", teacher, Map.of("kind", "ASSIGNMENT", "refId", assignment))
            .expectStatus().isOk();
        call(HttpMethod.PUT, "/api/v1/gradebooks/" + id + "/sources/GK", teacher, Map.of("kind", "ASSIGNMENT", "refId", assignment))
            .expectStatus().isBadRequest();

        // A counted practice quiz feeds TX2.
        Map<?, ?> page = call(HttpMethod.GET, "/api/v1/questions?subjectCode=toan&grade=7&type=SINGLE_CHOICE&size=100", teacher, null)
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String question = String.valueOf(((Map<?, ?>) ((List<?>) page.get("questions")).get(0)).get("id"));
        Map<?, ?> lesson = call(HttpMethod.POST, "/api/v1/classes/" + fixture.schoolClass.id() + "/lessons", teacher, Map.of("subjectCode", "toan",
            "topic", "Số hữu tỉ", "title", "Luyện tập", "blocks", List.of(Map.of("type", "PRACTICE_QUIZ", "questionIds", List.of(question),
                "counted", true)))).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String lessonId = String.valueOf(lesson.get("id"));
        String blockId = String.valueOf(((Map<?, ?>) ((List<?>) lesson.get("blocks")).get(0)).get("id"));
        call(HttpMethod.POST, "/api/v1/lessons/" + lessonId + "/publish", teacher, null).expectStatus().isOk();
        call(HttpMethod.POST, "/api/v1/lessons/" + lessonId + "/blocks/" + blockId + "/quiz-attempts", second, Map.of("answers",
            List.of(Map.of("number", 1, "response", Map.of("selected", List.of("A")))))).expectStatus().isOk();
        call(HttpMethod.PUT, "/api/v1/gradebooks/" + id + "/sources/TX2", teacher, Map.of("kind", "QUIZ", "refId", lessonId, "blockId", blockId))
            .expectStatus().isOk();

        call(HttpMethod.POST, "/api/v1/gradebooks/" + id + "/sync", teacher, null).expectStatus().isOk().expectBody()
            .jsonPath("$.written").isEqualTo(3).jsonPath("$.keptManual").isEqualTo(1);
        Map<?, ?> after = book(fixture.schoolClass.id(), "toan", 1);
        assertThat(cell(after, first, "GK")).containsEntry("score", 10.0).containsEntry("origin", "TEST");
        assertThat(cell(after, second, "GK")).containsEntry("score", 6.0).containsEntry("origin", "MANUAL");
        assertThat(cell(after, first, "TX1")).containsEntry("score", 7.5).containsEntry("origin", "ASSIGNMENT");
        assertThat(cell(after, second, "TX2")).containsEntry("score", 10.0).containsEntry("origin", "QUIZ");
        // Syncing again writes nothing new.
        call(HttpMethod.POST, "/api/v1/gradebooks/" + id + "/sync", teacher, null).expectStatus().isOk().expectBody()
            .jsonPath("$.written").isEqualTo(0);
    }

    @Test
    void aLockedTermRefusesEveryChangeUntilAnAdminUnlocksItWithAReasonAndBothAreAudited() {
        TestAccounts.Caller admin = accounts.caller(web, "Hiệu trưởng", List.of(Grant.atSchool(Role.SCHOOL_ADMIN, fixture.schoolId)));
        // Last school year, whose terms have ended: its class 7B, with the first student.
        organisation.openYear(fixture.schoolId, TestSchools.YEAR - 1, null).block(WAIT);
        SchoolClass lastYear = organisation.openClass(fixture.schoolId, TestSchools.YEAR - 1, "7B").block(WAIT);
        organisation.assignSubjectTeacher(lastYear.id(), "toan", teacher.id()).block(WAIT);
        students.enrol(first.id(), lastYear.id()).block(WAIT);
        String id = String.valueOf(book(lastYear.id(), "toan", 1).get("id"));
        String cell = "/api/v1/gradebooks/" + id + "/cells/" + first.id() + "/TX1";
        call(HttpMethod.PUT, cell, teacher, Map.of("score", 7)).expectStatus().isOk();

        String terms = "/api/v1/schools/" + fixture.schoolId + "/years/";
        call(HttpMethod.POST, terms + TestSchools.YEAR + "/terms/1/lock", admin, null).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/gradebook-term-not-ended");
        call(HttpMethod.POST, terms + (TestSchools.YEAR - 1) + "/terms/1/lock", teacher, null).expectStatus().isForbidden();
        call(HttpMethod.POST, terms + (TestSchools.YEAR - 1) + "/terms/1/lock", admin, null).expectStatus().isNoContent();

        call(HttpMethod.PUT, cell, teacher, Map.of("score", 8, "reason", "Nhập nhầm")).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/gradebook-locked");
        call(HttpMethod.POST, "/api/v1/gradebooks/" + id + "/columns", teacher, null).expectStatus().isEqualTo(409);
        organisation.assignHomeroomTeacher(lastYear.id(), teacher.id()).block(WAIT);
        call(HttpMethod.PUT, "/api/v1/classes/" + lastYear.id() + "/conduct/" + first.id() + "?period=HK1", teacher, Map.of("level", "TOT"))
            .expectStatus().isEqualTo(409);
        // A book opened after the lock is locked too.
        organisation.assignSubjectTeacher(lastYear.id(), "ngu-van", teacher.id()).block(WAIT);
        assertThat(book(lastYear.id(), "ngu-van", 1).get("locked")).isEqualTo(true);

        call(HttpMethod.POST, terms + (TestSchools.YEAR - 1) + "/terms/1/unlock", admin, Map.of("reason", " ")).expectStatus().isBadRequest();
        call(HttpMethod.POST, terms + (TestSchools.YEAR - 1) + "/terms/1/unlock", admin, Map.of("reason", "Sửa điểm phúc khảo theo quyết định số 12"))
            .expectStatus().isNoContent();
        call(HttpMethod.PUT, cell, teacher, Map.of("score", 8, "reason", "Nhập nhầm")).expectStatus().isOk();
        List<?> events = call(HttpMethod.GET, "/api/v1/audit-events?schoolId=" + fixture.schoolId, admin, null).expectStatus().isOk()
            .expectBody(List.class).returnResult().getResponseBody();
        assertThat(events.stream().map(event -> String.valueOf(((Map<?, ?>) event).get("action"))).toList()).contains("LOCK_TERM", "UNLOCK_TERM");
    }

    @Test
    void aStudentAndTheirParentReadOnlyTheirOwnGradesAndAnotherClassesTeacherNothing() throws Exception {
        String id = String.valueOf(book(fixture.schoolClass.id(), "toan", 1).get("id"));
        enter(id, first, Map.of("TX1", 8, "TX2", 7, "TX3", 9, "TX4", 6.5, "GK", 7.5, "CK", 8));
        TestAccounts.Caller parent = accounts.caller(web, "Phụ huynh An", List.of(Grant.atSchool(Role.PARENT, fixture.schoolId)));
        students.linkGuardian(parent.id(), first.id()).block(WAIT);
        call(HttpMethod.GET, "/api/v1/students/" + first.id() + "/grades?period=HK1", first, null).expectStatus().isOk().expectBody()
            .jsonPath("$.subjects[0].subjectCode").isEqualTo("toan").jsonPath("$.subjects[0].cells.CK.score").isEqualTo(8.0)
            .jsonPath("$.result.subjects.toan.average").isEqualTo(7.7);
        call(HttpMethod.GET, "/api/v1/students/" + first.id() + "/grades?period=HK1", parent, null).expectStatus().isOk();
        byte[] card = call(HttpMethod.GET, "/api/v1/students/" + first.id() + "/report-card?period=HK1", parent, null).expectStatus().isOk()
            .expectHeader().contentType("application/pdf").expectBody(byte[].class).returnResult().getResponseBody();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(card)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("PHIẾU BÁO KẾT QUẢ HỌC TẬP").contains("Nguyễn Văn Học A").contains("Lớp: 7A").contains("Toán")
                .contains("7,7").contains("Ngữ văn");
        }
        call(HttpMethod.GET, "/api/v1/students/" + second.id() + "/report-card?period=HK1", parent, null).expectStatus().isForbidden();
        call(HttpMethod.GET, "/api/v1/students/" + second.id() + "/grades?period=HK1", parent, null).expectStatus().isForbidden();
        call(HttpMethod.GET, "/api/v1/students/" + second.id() + "/grades?period=HK1", first, null).expectStatus().isForbidden();

        TestAccounts.Caller stranger = accounts.caller(web, "Phạm Văn Khác", List.of(Grant.atSchool(Role.TEACHER, fixture.schoolId)));
        call(HttpMethod.GET, "/api/v1/classes/" + fixture.schoolClass.id() + "/gradebooks/toan?term=1", stranger, null).expectStatus().isForbidden();
        call(HttpMethod.PUT, "/api/v1/gradebooks/" + id + "/cells/" + first.id() + "/TX1", stranger, Map.of("score", 10, "reason", "?"))
            .expectStatus().isForbidden();
        call(HttpMethod.GET, "/api/v1/students/" + first.id() + "/grades?period=HK1", stranger, null).expectStatus().isForbidden();
        call(HttpMethod.GET, "/api/v1/classes/" + fixture.schoolClass.id() + "/results?period=HK1", teacher, null).expectStatus().isOk()
            .expectBody().jsonPath("$.students.length()").isEqualTo(2);
    }

    @Test
    void theHomeroomTeacherRatesConductAndTheYearsTitleNeedsConductAndLearningTotAndSixSubjectsAtNine() {
        organisation.assignHomeroomTeacher(fixture.schoolClass.id(), teacher.id()).block(WAIT);
        List<?> subjects = call(HttpMethod.GET, "/api/v1/curriculum/subjects?grade=7", teacher, null).expectStatus().isOk().expectBody(List.class)
            .returnResult().getResponseBody();
        for (int term = 1; term <= 2; term++) {
            for (Object found : subjects) {
                Map<?, ?> subject = (Map<?, ?>) found;
                Map<?, ?> book = book(fixture.schoolClass.id(), String.valueOf(subject.get("code")), term);
                boolean comment = "COMMENT".equals(subject.get("assessment"));
                for (Object column : (List<?>) book.get("columns")) {
                    String cells = "/api/v1/gradebooks/" + book.get("id") + "/cells/";
                    call(HttpMethod.PUT, cells + first.id() + "/" + column, teacher, comment ? Map.of("achieved", true) : Map.of("score", 9.5))
                        .expectStatus().isOk();
                    call(HttpMethod.PUT, cells + second.id() + "/" + column, teacher, comment ? Map.of("achieved", true) : Map.of("score", 7))
                        .expectStatus().isOk();
                }
            }
        }
        String conduct = "/api/v1/classes/" + fixture.schoolClass.id() + "/conduct/";
        call(HttpMethod.PUT, conduct + first.id() + "?period=CN", teacher, Map.of("level", "TOT")).expectStatus().isNoContent();
        call(HttpMethod.PUT, conduct + second.id() + "?period=CN", teacher, Map.of("level", "KHA")).expectStatus().isNoContent();
        TestAccounts.Caller subjectTeacher = accounts.caller(web, "Lê Thị Văn", List.of(Grant.atSchool(Role.TEACHER, fixture.schoolId)));
        organisation.assignSubjectTeacher(fixture.schoolClass.id(), "ngu-van", subjectTeacher.id()).block(WAIT);
        call(HttpMethod.PUT, conduct + first.id() + "?period=CN", subjectTeacher, Map.of("level", "DAT")).expectStatus().isForbidden();

        Map<?, ?> results = call(HttpMethod.GET, "/api/v1/classes/" + fixture.schoolClass.id() + "/results?period=CN", teacher, null)
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> best = studentRow(results, first);
        Map<String, Object> other = studentRow(results, second);
        assertThat(best).containsEntry("level", "TOT").containsEntry("conduct", "TOT").containsEntry("title", "Học sinh Xuất sắc");
        assertThat(other).containsEntry("level", "KHA").containsEntry("conduct", "KHA");
        assertThat(other.get("title")).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> studentRow(Map<?, ?> results, TestAccounts.Caller student) {
        return ((List<?>) results.get("students")).stream().map(row -> (Map<String, Object>) row)
            .filter(row -> student.id().equals(row.get("studentId"))).findFirst().orElseThrow();
    }

    private Map<?, ?> book(String classId, String subject, int term) {
        return call(HttpMethod.GET, "/api/v1/classes/" + classId + "/gradebooks/" + subject + "?term=" + term, teacher, null).expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    private void enter(String id, TestAccounts.Caller student, Map<String, Number> scores) {
        scores.forEach((column, score) -> call(HttpMethod.PUT, "/api/v1/gradebooks/" + id + "/cells/" + student.id() + "/" + column, teacher,
            new HashMap<>(Map.of("score", score))).expectStatus().isOk());
    }

    private static Map<?, ?> row(Map<?, ?> book, TestAccounts.Caller student) {
        return ((List<?>) book.get("rows")).stream().map(Map.class::cast).filter(row -> student.id().equals(row.get("studentId"))).findFirst()
            .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(Map<?, ?> book, TestAccounts.Caller student, String column) {
        return (Map<String, Object>) ((Map<?, ?>) row(book, student).get("cells")).get(column);
    }

    private static Row rowOf(Sheet sheet, String name) {
        for (Row row : sheet) {
            if (row.getCell(1) != null && name.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(name + " is not in the sheet");
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String uri, TestAccounts.Caller caller, Object body) {
        return fixture.call(method, uri, caller, body);
    }
}
