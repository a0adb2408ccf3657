package vn.edu.lms.api.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.school.School;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/** Teachers write, version, share and appraise questions through the API; students never reach the bank. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=100000" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import(ApiTestConfiguration.class)
class QuestionBankTests {

    private static final String QUESTIONS = "/api/v1/questions";

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSchools schools;

    private String schoolId;
    private TestAccounts.Caller teacher;

    @BeforeEach
    void school() {
        schoolId = schools.school(School.Level.LOWER_SECONDARY);
        teacher = accounts.caller(web, "Trần Văn Toán", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
    }

    private static Map<String, Object> singleChoice(String stem, String correct) {
        return Map.of("subjectCode", "toan", "grade", 7, "topic", "Số hữu tỉ", "level", "BIET", "tags", List.of("giữa kỳ I"),
            "content", Map.of("type", "SINGLE_CHOICE", "stem", stem, "options", List.of(Map.of("key", "A", "content", "\\(\\frac{1}{2}\\)"),
                Map.of("key", "B", "content", "0,5"), Map.of("key", "C", "content", "2"), Map.of("key", "D", "content", "-2")),
                "correct", correct, "fixedOrder", false));
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String uri, TestAccounts.Caller caller, Object body) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(uri).headers(h -> h.setBearerAuth(caller.token()));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static List<Object> values(List<?> maps, String key) {
        return maps.stream().map(map -> (Object) ((Map<?, ?>) map).get(key)).toList();
    }

    private Map<?, ?> created(Map<String, Object> question) {
        return call(HttpMethod.POST, QUESTIONS, teacher, question).expectStatus().isCreated().expectBody(Map.class).returnResult()
            .getResponseBody();
    }

    @Test
    void aTeacherWritesAQuestionWithItsScriptRemovedAndFindsItByTopicAndLevel() {
        Map<?, ?> question = created(singleChoice("<p>Số nào bằng \\(0{,}5\\)?</p><script>alert(1)</script>", "A"));
        assertThat(question.get("version")).isEqualTo(1);
        assertThat(question.get("type")).isEqualTo("SINGLE_CHOICE");
        assertThat(((Map<?, ?>) question.get("content")).get("stem")).isEqualTo("<p>Số nào bằng \\(0{,}5\\)?</p>");

        Map<?, ?> page = call(HttpMethod.GET, QUESTIONS + "?subjectCode=toan&grade=7&topic=Số hữu tỉ&level=BIET&type=SINGLE_CHOICE", teacher, null)
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(values((List<?>) page.get("questions"), "id")).containsExactly(question.get("id"));
        assertThat(call(HttpMethod.GET, QUESTIONS + "?level=HIEU", teacher, null).expectBody(Map.class).returnResult().getResponseBody()
            .get("total")).isEqualTo(0);
    }

    @Test
    void anInvalidQuestionIsRefusedWithEveryProblemWordedAndNothingIsStored() {
        Map<String, Object> bad = new java.util.HashMap<>(singleChoice(" ", "E"));
        bad.put("subjectCode", "thien-van");
        Map<?, ?> problem = call(HttpMethod.POST, QUESTIONS, teacher, bad).expectStatus().isBadRequest().expectBody(Map.class).returnResult()
            .getResponseBody();
        assertThat(values((List<?>) problem.get("problems"), "code"))
            .containsExactlyInAnyOrder("question.unknown-subject", "question.blank-stem", "question.key-not-an-option");
        assertThat(values((List<?>) problem.get("problems"), "message")).contains("Đáp án E không phải là một phương án.");
        assertThat(call(HttpMethod.GET, QUESTIONS + "?scope=MINE", teacher, null).expectBody(Map.class).returnResult().getResponseBody()
            .get("total")).isEqualTo(0);
        // In English on request.
        web.post().uri(QUESTIONS).headers(h -> h.setBearerAuth(teacher.token())).header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.problems[?(@.code == 'question.key-not-an-option')].message").isEqualTo("The key E is not one of the options.");
    }

    @Test
    void editingTheContentMakesANewVersionAndKeepsTheOldOneWhileAStaleEditIsRefused() {
        Map<?, ?> question = created(singleChoice("Số nào lớn nhất?", "C"));
        String uri = QUESTIONS + "/" + question.get("id");
        String etag = call(HttpMethod.GET, uri, teacher, null).expectStatus().isOk().returnResult(Map.class).getResponseHeaders().getETag();

        Map<?, ?> edited = web.put().uri(uri).headers(h -> h.setBearerAuth(teacher.token())).header("If-Match", etag)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(singleChoice("Số nào lớn nhất trong các số sau?", "C")).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(edited.get("version")).isEqualTo(2);
        // The first version stays as it was, for the papers that used it.
        call(HttpMethod.GET, uri + "/versions/1", teacher, null).expectStatus().isOk().expectBody()
            .jsonPath("$.content.stem").isEqualTo("Số nào lớn nhất?");
        call(HttpMethod.GET, uri + "/versions", teacher, null).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);
        // An edit made on what was read before is refused.
        web.put().uri(uri).headers(h -> h.setBearerAuth(teacher.token())).header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(singleChoice("Sửa lần nữa?", "C")).exchange().expectStatus().isEqualTo(412);
        // Tags alone are no new version.
        Map<String, Object> retagged = new java.util.HashMap<>(singleChoice("Số nào lớn nhất trong các số sau?", "C"));
        retagged.put("tags", List.of("ôn tập"));
        call(HttpMethod.PUT, uri, teacher, retagged).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void theSameQuestionAddedTwiceIsOneQuestion() {
        Map<?, ?> first = created(singleChoice("Câu hỏi giống nhau", "B"));
        Map<?, ?> second = created(singleChoice("Câu hỏi giống nhau", "B"));
        assertThat(second.get("id")).isEqualTo(first.get("id"));
    }

    @Test
    void colleaguesUseTheSchoolsQuestionsOthersSeeThemOnlyOnceTheDistrictApprovedThemAndStudentsNever() {
        Map<?, ?> question = created(singleChoice("Câu hỏi của trường", "A"));
        String uri = QUESTIONS + "/" + question.get("id");
        TestAccounts.Caller colleague = accounts.caller(web, "Lê Thị Hoa", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
        String otherSchool = schools.school(School.Level.LOWER_SECONDARY);
        TestAccounts.Caller stranger = accounts.caller(web, "Phạm Văn Xa", List.of(Grant.atSchool(Role.TEACHER, otherSchool)));
        TestAccounts.Caller student = accounts.caller(web, "Ngô Bảo Châu", List.of(Grant.atSchool(Role.STUDENT, schoolId)));
        TestAccounts.Caller reviewer = accounts.caller(web, "Đỗ Tổ Trưởng", List.of(new Grant(Role.REVIEWER, otherSchool, "toan")));

        call(HttpMethod.GET, uri, colleague, null).expectStatus().isOk();
        call(HttpMethod.GET, uri, stranger, null).expectStatus().isNotFound();
        call(HttpMethod.GET, uri, student, null).expectStatus().isForbidden();
        call(HttpMethod.GET, QUESTIONS, student, null).expectStatus().isForbidden();
        // Only the author (or the school's admin) changes it.
        call(HttpMethod.PUT, uri, colleague, singleChoice("Đổi", "A")).expectStatus().isForbidden();
        call(HttpMethod.DELETE, uri, colleague, null).expectStatus().isForbidden();

        call(HttpMethod.POST, uri + "/district-offer", teacher, null).expectStatus().isOk().expectBody().jsonPath("$.sharing")
            .isEqualTo("PENDING");
        call(HttpMethod.GET, uri, stranger, null).expectStatus().isNotFound();
        call(HttpMethod.POST, uri + "/appraisal", teacher, Map.of("decision", "APPROVE")).expectStatus().isForbidden();
        call(HttpMethod.GET, QUESTIONS + "?scope=PENDING", reviewer, null).expectStatus().isOk().expectBody()
            .jsonPath("$.questions[0].id").isEqualTo(question.get("id"));
        call(HttpMethod.POST, uri + "/appraisal", reviewer, Map.of("decision", "APPROVE")).expectStatus().isOk().expectBody()
            .jsonPath("$.sharing").isEqualTo("DISTRICT");
        call(HttpMethod.GET, uri, stranger, null).expectStatus().isOk();
        call(HttpMethod.GET, QUESTIONS + "?scope=DISTRICT&subjectCode=toan", stranger, null).expectStatus().isOk().expectBody()
            .jsonPath("$.questions[?(@.id == '" + question.get("id") + "')]").exists();

        call(HttpMethod.DELETE, uri, teacher, null).expectStatus().isNoContent();
        call(HttpMethod.GET, QUESTIONS + "?scope=DISTRICT&subjectCode=toan", stranger, null).expectStatus().isOk().expectBody()
            .jsonPath("$.questions[?(@.id == '" + question.get("id") + "')]").doesNotExist();
        // Archived, the same question may be written again.
        assertThat(created(singleChoice("Câu hỏi của trường", "A")).get("id")).isNotEqualTo(question.get("id"));
    }

    @Test
    void everyTypeIsStoredAndReadBackAsWritten() {
        List<Map<String, Object>> contents = List.of(
            Map.of("type", "MULTIPLE_RESPONSE", "stem", "Chọn số nguyên tố", "options", List.of(Map.of("key", "A", "content", "2"),
                Map.of("key", "B", "content", "4"), Map.of("key", "C", "content", "5")), "correct", List.of("C", "A"), "fixedOrder", false),
            Map.of("type", "TRUE_FALSE_GROUP", "stem", "Cho \\(x = 2\\)", "statements", List.of(Map.of("key", "a", "content", "x > 1", "correct", true),
                Map.of("key", "b", "content", "x < 1", "correct", false), Map.of("key", "c", "content", "x = 2", "correct", true),
                Map.of("key", "d", "content", "x = 3", "correct", false))),
            Map.of("type", "SHORT_NUMBER", "stem", "Tính 3/2", "value", 1.5, "tolerance", 0),
            Map.of("type", "SHORT_TEXT", "stem", "Thủ đô?", "accepted", List.of("Hà Nội"), "caseSensitive", false, "diacriticsSensitive", true),
            Map.of("type", "MATCHING", "stem", "Nối", "premises", List.of(Map.of("key", "1", "content", "2+2"), Map.of("key", "2", "content", "3+3")),
                "responses", List.of(Map.of("key", "A", "content", "4"), Map.of("key", "B", "content", "6")), "pairs", Map.of("1", "A", "2", "B")),
            Map.of("type", "ORDERING", "stem", "Xếp tăng dần", "items", List.of(Map.of("key", "a", "content", "1"), Map.of("key", "b", "content", "2"))),
            Map.of("type", "CLOZE", "stem", "Điền", "text", "2 + 2 = {1}", "gaps", List.of(Map.of("key", "1", "accepted", List.of("4"),
                "caseSensitive", false, "diacriticsSensitive", true))),
            Map.of("type", "ESSAY", "stem", "Chứng minh …", "guidance", "Mỗi bước 0,5 điểm"));
        for (Map<String, Object> content : contents) {
            Map<String, Object> question = new java.util.HashMap<>(singleChoice("x", "A"));
            question.put("content", content);
            Map<?, ?> made = created(question);
            Map<?, ?> read = call(HttpMethod.GET, QUESTIONS + "/" + made.get("id"), teacher, null).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
            assertThat(read.get("type")).isEqualTo(content.get("type"));
            assertThat(((Map<?, ?>) read.get("content")).get("stem")).isEqualTo(content.get("stem"));
        }
        call(HttpMethod.GET, QUESTIONS + "?type=TRUE_FALSE_GROUP&scope=MINE", teacher, null).expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void aShortNumberTheAnswerSheetCannotHoldIsRefused() {
        Map<String, Object> question = new java.util.HashMap<>(singleChoice("x", "A"));
        question.put("content", Map.of("type", "SHORT_NUMBER", "stem", "Tính", "value", 12.75, "tolerance", 0));
        call(HttpMethod.POST, QUESTIONS, teacher, question).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.problems[0].code").isEqualTo("question.number-does-not-fit");
    }

}
