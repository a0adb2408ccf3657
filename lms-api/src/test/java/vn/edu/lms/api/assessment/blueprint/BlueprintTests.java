package vn.edu.lms.api.assessment.blueprint;

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

/** Teachers write a blueprint and see, cell by cell, whether their bank can fill it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=100000" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import(ApiTestConfiguration.class)
class BlueprintTests {

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
        teacher = accounts.caller(web, "Hoàng Văn Ma Trận", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String uri, TestAccounts.Caller caller, Object body) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(uri).headers(h -> h.setBearerAuth(caller.token()));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static Map<String, Object> blueprint(int singleChoices) {
        return Map.of("title", "Kiểm tra giữa kỳ I – Toán 7", "subjectCode", "toan", "grade", 7, "cells", List.of(
            Map.of("topic", "Số hữu tỉ", "level", "BIET", "type", "SINGLE_CHOICE", "count", singleChoices, "points", 0.25),
            Map.of("topic", "Số hữu tỉ", "level", "VAN_DUNG", "type", "ESSAY", "count", 1, "points", 3)));
    }

    private void question(String stem, String type) {
        Map<String, Object> content = type.equals("ESSAY") ? Map.of("type", "ESSAY", "stem", stem)
            : Map.of("type", "SINGLE_CHOICE", "stem", stem, "options", List.of(Map.of("key", "A", "content", "1"), Map.of("key", "B", "content", "2")),
                "correct", "A", "fixedOrder", false);
        call(HttpMethod.POST, "/api/v1/questions", teacher, Map.of("subjectCode", "toan", "grade", 7, "topic", "Số hữu tỉ", "level",
            type.equals("ESSAY") ? "VAN_DUNG" : "BIET", "content", content)).expectStatus().isCreated();
    }

    @Test
    void theCoverageSaysWhichCellsTheBankCannotFillUntilItCan() {
        Map<?, ?> made = call(HttpMethod.POST, "/api/v1/schools/" + schoolId + "/blueprints", teacher, blueprint(2)).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(made.get("questions")).isEqualTo(3);
        String coverage = "/api/v1/blueprints/" + made.get("id") + "/coverage";
        call(HttpMethod.GET, coverage, teacher, null).expectStatus().isOk().expectBody()
            .jsonPath("$.fillable").isEqualTo(false).jsonPath("$.missing").isEqualTo(3)
            .jsonPath("$.cells[0].available").isEqualTo(0).jsonPath("$.cells[0].missing").isEqualTo(2);

        question("Số nào là số hữu tỉ?", "SINGLE_CHOICE");
        question("Số nào nhỏ hơn 0?", "SINGLE_CHOICE");
        question("Chứng minh rằng …", "ESSAY");
        call(HttpMethod.GET, coverage, teacher, null).expectStatus().isOk().expectBody()
            .jsonPath("$.fillable").isEqualTo(true).jsonPath("$.missing").isEqualTo(0);
    }

    @Test
    void anInvalidBlueprintIsRefusedWithItsProblemsAndAStaleEditWith412() {
        Map<String, Object> bad = Map.of("title", "Đề", "subjectCode", "toan", "grade", 7, "cells", List.of(
            Map.of("topic", "Số hữu tỉ", "level", "BIET", "type", "SINGLE_CHOICE", "count", 0, "points", 0.25)));
        call(HttpMethod.POST, "/api/v1/schools/" + schoolId + "/blueprints", teacher, bad).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.problems[0].code").isEqualTo("blueprint.bad-count")
            .jsonPath("$.problems[0].message").isEqualTo("Số câu của ô \"Số hữu tỉ\" phải từ 1 đến 200 (đang là 0).");

        String uri = call(HttpMethod.POST, "/api/v1/schools/" + schoolId + "/blueprints", teacher, blueprint(2)).expectStatus().isCreated()
            .returnResult(Map.class).getResponseHeaders().getLocation().getPath();
        String etag = call(HttpMethod.GET, uri, teacher, null).expectStatus().isOk().returnResult(Map.class).getResponseHeaders().getETag();
        web.put().uri(uri).headers(h -> h.setBearerAuth(teacher.token())).header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(blueprint(4)).exchange().expectStatus().isOk().expectBody().jsonPath("$.questions").isEqualTo(5);
        web.put().uri(uri).headers(h -> h.setBearerAuth(teacher.token())).header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(blueprint(3)).exchange().expectStatus().isEqualTo(412);
    }

    @Test
    void anotherSchoolsTeacherNeitherSeesNorWritesTheBlueprintsAndStudentsNeverReachThem() {
        String uri = call(HttpMethod.POST, "/api/v1/schools/" + schoolId + "/blueprints", teacher, blueprint(2)).expectStatus().isCreated()
            .returnResult(Map.class).getResponseHeaders().getLocation().getPath();
        TestAccounts.Caller stranger = accounts.caller(web, "Lý Văn Khác", List.of(Grant.atSchool(Role.TEACHER,
            schools.school(School.Level.LOWER_SECONDARY))));
        TestAccounts.Caller student = accounts.caller(web, "Học Sinh", List.of(Grant.atSchool(Role.STUDENT, schoolId)));
        call(HttpMethod.GET, uri, stranger, null).expectStatus().isNotFound();
        call(HttpMethod.GET, "/api/v1/schools/" + schoolId + "/blueprints", stranger, null).expectStatus().isForbidden();
        call(HttpMethod.POST, "/api/v1/schools/" + schoolId + "/blueprints", stranger, blueprint(2)).expectStatus().isForbidden();
        call(HttpMethod.GET, uri, student, null).expectStatus().isForbidden();
        call(HttpMethod.GET, "/api/v1/schools/" + schoolId + "/blueprints", teacher, null).expectStatus().isOk().expectBody()
            .jsonPath("$.length()").isEqualTo(1);
        call(HttpMethod.DELETE, uri, teacher, null).expectStatus().isNoContent();
        call(HttpMethod.GET, uri, teacher, null).expectStatus().isNotFound();
    }
}
