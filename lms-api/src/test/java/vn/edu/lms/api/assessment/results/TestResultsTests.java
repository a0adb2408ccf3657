package vn.edu.lms.api.assessment.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.assessment.attempt.Attempts;
import vn.edu.lms.api.assessment.attempt.TestTakingFixture;
import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.MutableClock;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/** After the test: grading, the teacher's results and exports, release to students, the gradebook's scores, a key corrected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=100000" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import(ApiTestConfiguration.class)
class TestResultsTests {

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSchools schools;

    @Autowired
    Students students;

    @Autowired
    MutableClock clock;

    @Autowired
    Attempts attempts;

    @Autowired
    PeriodicAssessments periodic;

    private TestTakingFixture school;
    private String sessionId;

    @BeforeEach
    void tested() {
        school = new TestTakingFixture(web, accounts, schools, students, 3);
        sessionId = String.valueOf(school.session(clock.instant().minusSeconds(60), request -> { }).get("id"));
    }

    private Map<?, ?> take(TestAccounts.Caller student, boolean right) {
        return school.take(attempts, sessionId, student, right);
    }

    private Map<?, ?> results() {
        return school.call(HttpMethod.GET, "/api/v1/test-sessions/" + sessionId + "/results", school.teacher, null).expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<?> lines() {
        return (List<?>) results().get("lines");
    }

    private Map<?, ?> line(TestAccounts.Caller student) {
        return (Map<?, ?>) lines().stream().filter(line -> ((Map<?, ?>) line).get("studentId").equals(student.id())).findFirst().orElseThrow();
    }

    @Test
    void submittedPapersAreGradedAndTheResultsReachStudentsOnlyOnceReleased() {
        TestAccounts.Caller best = school.students.get(0);
        TestAccounts.Caller weakest = school.students.get(1);
        Map<?, ?> bestAttempt = take(best, true);
        take(weakest, false);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(line(best).get("standing")).isEqualTo("GRADED");
            assertThat(line(weakest).get("standing")).isEqualTo("GRADED");
        });
        assertThat(line(best).get("score")).isEqualTo(10.0);
        assertThat(line(weakest).get("score")).isEqualTo(0.0);
        assertThat(line(school.students.get(2)).get("standing")).isEqualTo("NOT_STARTED");
        Map<?, ?> overall = (Map<?, ?>) results().get("overall");
        assertThat(overall.get("students")).isEqualTo(2);
        assertThat(overall.get("notScored")).isEqualTo(1);
        assertThat(overall.get("passRate")).isEqualTo(0.5);

        String result = "/api/v1/attempts/" + bestAttempt.get("id") + "/result";
        school.call(HttpMethod.GET, result, best, null).expectStatus().isEqualTo(409);
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/release", school.teacher, null).expectStatus().isOk();
        school.call(HttpMethod.GET, result, best, null).expectStatus().isOk().expectBody()
            .jsonPath("$.score").isEqualTo(10.0).jsonPath("$.items.length()").isEqualTo(5)
            .jsonPath("$.items[0].key.selected[0]").exists();
        school.call(HttpMethod.GET, result, weakest, null).expectStatus().isNotFound();

        List<PeriodicAssessment> recorded = periodic.recorded(school.schoolClass.id(), "toan", school.schoolClass.yearId(), 1)
            .collectList().block(Duration.ofSeconds(10));
        assertThat(recorded).hasSize(2).allMatch(score -> score.column() == PeriodicAssessment.Column.DDG_GK);
        assertThat(recorded).filteredOn(score -> score.studentId().equals(best.id())).singleElement()
            .satisfies(score -> assertThat(score.score()).isEqualByComparingTo("10.0"));
        // The child's page reads the same scores for one student over the whole year.
        assertThat(periodic.ofStudent(school.schoolClass.id(), best.id(), school.schoolClass.yearId()).collectList().block(Duration.ofSeconds(10)))
            .singleElement().satisfies(score -> {
                assertThat(score).isEqualTo(recorded.stream().filter(r -> r.studentId().equals(best.id())).findFirst().orElseThrow());
                assertThat(score.subjectCode()).isEqualTo("toan");
            });
        assertThat(periodic.ofStudent(school.schoolClass.id(), school.students.get(2).id(), school.schoolClass.yearId()).collectList()
            .block(Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void theResultsSheetOpensWithNumericScoresAndTheItemAnalysisCoversEveryQuestionAsked() throws Exception {
        take(school.students.get(0), true);
        take(school.students.get(1), false);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lines()).filteredOn(line ->
            "GRADED".equals(((Map<?, ?>) line).get("standing"))).hasSize(2));
        byte[] xlsx = school.call(HttpMethod.GET, "/api/v1/test-sessions/" + sessionId + "/results/export?format=XLSX", school.teacher, null)
            .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<Double> scores = new java.util.ArrayList<>();
            for (Row row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC && sheet.getRow(1).getCell(cell.getColumnIndex()).getStringCellValue().equals("Điểm")) {
                        scores.add(cell.getNumericCellValue());
                    }
                }
            }
            assertThat(scores).containsExactlyInAnyOrder(10.0, 0.0);
        }
        String csv = school.call(HttpMethod.GET, "/api/v1/test-sessions/" + sessionId + "/results/export?format=CSV", school.teacher, null)
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("Họ và tên").contains("Chưa làm bài").contains("10.0");

        List<?> analysis = school.call(HttpMethod.GET, "/api/v1/test-sessions/" + sessionId + "/item-analysis", school.teacher, null)
            .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        // Two papers of five items each, drawn from six single choices and one true/false group.
        assertThat(analysis.stream().mapToInt(item -> (Integer) ((Map<?, ?>) item).get("answeredBy")).sum()).isEqualTo(10);
        assertThat(analysis).filteredOn(item -> "TRUE_FALSE_GROUP".equals(((Map<?, ?>) item).get("type"))).singleElement()
            .satisfies(item -> assertThat(((Map<?, ?>) item).get("answeredBy")).isEqualTo(2));
    }

    @Test
    void anEssayIsGradedByHandWithACommentAndOnlyThenDoesTheScoreCount() {
        String essayBlueprint = school.blueprintWithEssay();
        sessionId = String.valueOf(school.session(clock.instant().minusSeconds(60), request -> {
            request.put("blueprintId", essayBlueprint);
            request.put("kind", "END_OF_TERM");
        }).get("id"));
        TestAccounts.Caller student = school.students.get(0);
        Map<?, ?> started = school.start(sessionId, student, Map.of());
        school.save(started, student, 5, 1, Map.of("text", "Giả sử a/b và c/d là hai số hữu tỉ …")).expectStatus().isOk();
        web.post().uri("/api/v1/attempts/" + started.get("id") + "/submit").headers(h -> h.setBearerAuth(student.token()))
            .header("X-Attempt-Device", String.valueOf(started.get("device"))).exchange().expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(line(student).get("standing")).isEqualTo("AWAITING_HAND_GRADING"));
        assertThat(line(student).get("score")).isNull();

        String grade = "/api/v1/attempts/" + started.get("id") + "/items/";
        school.call(HttpMethod.PUT, grade + "1/grade", school.teacher, Map.of("points", 1)).expectStatus().isBadRequest();
        school.call(HttpMethod.PUT, grade + "5/grade", school.teacher, Map.of("points", 4.5)).expectStatus().isBadRequest();
        TestAccounts.Caller stranger = accounts.caller(web, "Giáo Viên Trường Khác", List.of(vn.edu.lms.api.security.Grant.atSchool(
            vn.edu.lms.api.security.Role.TEACHER, schools.school(vn.edu.lms.api.school.School.Level.LOWER_SECONDARY))));
        school.call(HttpMethod.PUT, grade + "5/grade", stranger, Map.of("points", 4)).expectStatus().isNotFound();
        school.call(HttpMethod.PUT, grade + "5/grade", school.teacher, Map.of("points", 3.25, "comment", "Thiếu kết luận"))
            .expectStatus().isOk().expectBody().jsonPath("$.complete").isEqualTo(true).jsonPath("$.items[4].comment").isEqualTo("Thiếu kết luận");
        assertThat(line(student).get("standing")).isEqualTo("GRADED");
        assertThat(((Number) line(student).get("earned")).doubleValue()).isGreaterThanOrEqualTo(3.25);
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/release", school.teacher, null).expectStatus().isOk();
        assertThat(periodic.recorded(school.schoolClass.id(), "toan", school.schoolClass.yearId(), 1).collectList().block(Duration.ofSeconds(10)))
            .singleElement().satisfies(score -> assertThat(score.column()).isEqualTo(PeriodicAssessment.Column.DDG_CK));
    }

    @Test
    void letteredVersionsArePrintedWithTheirCodesAndStudentsAreHandedThemInTurn() throws Exception {
        sessionId = String.valueOf(school.session(clock.instant().minusSeconds(60), request -> {
            request.put("papers", "LETTERED");
            request.put("versions", 2);
        }).get("id"));
        Map<?, ?> first = school.start(sessionId, school.students.get(0), Map.of());
        Map<?, ?> second = school.start(sessionId, school.students.get(1), Map.of());
        Map<?, ?> third = school.start(sessionId, school.students.get(2), Map.of());
        assertThat(List.of(first.get("paperCode"), second.get("paperCode"), third.get("paperCode")))
            .containsExactlyInAnyOrder("101", "102", "101");
        byte[] pdf = school.call(HttpMethod.GET, "/api/v1/test-sessions/" + sessionId + "/printed-versions", school.teacher, null)
            .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Mã đề 101").contains("Mã đề 102").contains("ĐÁP ÁN");
        }
        String perStudent = String.valueOf(school.session(clock.instant().minusSeconds(60), request -> { }).get("id"));
        school.call(HttpMethod.GET, "/api/v1/test-sessions/" + perStudent + "/printed-versions", school.teacher, null).expectStatus().isEqualTo(409);
    }

    @Test
    void correctingAKeyAndRegradingChangesTheScoresOfThePapersThatHaveTheQuestion() {
        TestAccounts.Caller student = school.students.get(0);
        Map<?, ?> started = take(student, true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(line(student).get("score")).isEqualTo(10.0));
        Paper.Item first = attempts.paper(String.valueOf(started.get("id"))).block(Duration.ofSeconds(10)).paper().items().get(0);
        QuestionContent.SingleChoice asked = (QuestionContent.SingleChoice) first.content();
        // The teacher decides the key was wrong: B, not A.
        school.call(HttpMethod.PUT, "/api/v1/questions/" + first.questionId(), school.teacher, Map.of("subjectCode", "toan", "grade", 7,
            "topic", "Số hữu tỉ", "level", "BIET", "content", Map.of("type", "SINGLE_CHOICE", "stem", asked.stem(), "options",
                asked.options().stream().map(option -> Map.of("key", option.key(), "content", option.content())).toList(), "correct", "B",
                "fixedOrder", false))).expectStatus().isOk();
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/regrade", school.teacher, Map.of("questionId", first.questionId()))
            .expectStatus().isOk().expectBody().jsonPath("$.regraded").isEqualTo(1);
        // One single choice of 1.5 points lost: 8.5.
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(line(student).get("score")).isEqualTo(8.5));
    }
}
