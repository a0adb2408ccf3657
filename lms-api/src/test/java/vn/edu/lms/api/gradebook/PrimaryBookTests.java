package vn.edu.lms.api.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Student;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.testing.ApiTest;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/**
 * Primary assessment by Thông tư 27: each subject rated with a comment at each periodic assessment,
 * test scores only where the Thông tư has a test (whole numbers 1–10), qualities and competences,
 * the year's result; a locked term refuses changes; parents read only their own child's.
 */
@ApiTest
class PrimaryBookTests {

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

    private String schoolId;
    private SchoolClass class5a;
    private TestAccounts.Caller teacher;
    private TestAccounts.Caller best;
    private TestAccounts.Caller other;

    @BeforeEach
    void primaryClass() {
        schoolId = schools.school(School.Level.PRIMARY);
        class5a = schools.schoolClass(schoolId, "5A");
        teacher = accounts.caller(web, "Đỗ Thị Chủ Nhiệm", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
        organisation.assignHomeroomTeacher(class5a.id(), teacher.id()).block(WAIT);
        best = student("Nguyễn Minh An", class5a);
        other = student("Trần Bảo Châu", class5a);
    }

    private TestAccounts.Caller student(String name, SchoolClass schoolClass) {
        TestAccounts.Caller student = accounts.caller(web, name, List.of(Grant.atSchool(Role.STUDENT, schoolId)));
        students.insertImported(List.of(Students.importedStudent(student.id(), schoolId, "HS" + System.nanoTime(), LocalDate.of(2016, 3, 1),
            Student.Gender.FEMALE, "test", Instant.now())), List.of()).block(WAIT);
        students.enrol(student.id(), schoolClass.id()).block(WAIT);
        return student;
    }

    @Test
    void theYearResultFollowsTheRatingsTheQualitiesAndTheEndOfYearTests() {
        List<?> subjects = call(HttpMethod.GET, "/api/v1/curriculum/subjects?grade=5", teacher, null).expectStatus().isOk().expectBody(List.class)
            .returnResult().getResponseBody();
        for (Object found : subjects) {
            String code = String.valueOf(((Map<?, ?>) found).get("code"));
            Map<?, ?> book = call(HttpMethod.GET, "/api/v1/classes/" + class5a.id() + "/primary-books/" + code, teacher, null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
            boolean tested = ((List<?>) book.get("testedPeriods")).contains("CN");
            String entries = "/api/v1/primary-books/" + book.get("id") + "/entries/";
            Map<String, Object> top = new HashMap<>(Map.of("rating", "HOAN_THANH_TOT", "comment", "Em học tốt, tích cực phát biểu."));
            Map<String, Object> fair = new HashMap<>(Map.of("rating", "HOAN_THANH", "comment", "Em cần luyện thêm."));
            if (tested) {
                top.put("score", 10);
                fair.put("score", 6);
            }
            call(HttpMethod.PUT, entries + best.id() + "/CN", teacher, top).expectStatus().isOk();
            call(HttpMethod.PUT, entries + other.id() + "/CN", teacher, fair).expectStatus().isOk();
            if (code.equals("toan")) {
                // Grade 5 has a mid-term test in Toán; a score is a whole number 1–10.
                assertThat((List<?>) book.get("testedPeriods")).isEqualTo(List.of("GK1", "CK1", "GK2", "CN"));
                call(HttpMethod.PUT, entries + best.id() + "/GK1", teacher, Map.of("rating", "HOAN_THANH_TOT", "score", 8.5)).expectStatus()
                    .isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/primary-bad-score");
                call(HttpMethod.PUT, entries + best.id() + "/GK1", teacher, Map.of("rating", "HOAN_THANH_TOT", "score", 0)).expectStatus()
                    .isBadRequest();
                call(HttpMethod.PUT, entries + best.id() + "/GK1", teacher, Map.of("rating", "HOAN_THANH_TOT", "score", 1e12)).expectStatus()
                    .isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/primary-bad-score");
                call(HttpMethod.PUT, entries + best.id() + "/CN", teacher, Map.of("rating", "HOAN_THANH_TOT", "score", 9)).expectStatus()
                    .isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/gradebook-reason-required");
            }
            if (code.equals("dao-duc")) {
                assertThat((List<?>) book.get("testedPeriods")).isEmpty();
                call(HttpMethod.PUT, entries + best.id() + "/CK1", teacher, Map.of("rating", "HOAN_THANH", "score", 9)).expectStatus()
                    .isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/primary-no-test");
            }
        }
        Map<String, String> allTot = new HashMap<>();
        Map<String, String> allDat = new HashMap<>();
        for (Quality quality : Quality.values()) {
            allTot.put(quality.name(), "TOT");
            allDat.put(quality.name(), "DAT");
        }
        String qualities = "/api/v1/classes/" + class5a.id() + "/qualities/";
        call(HttpMethod.PUT, qualities + best.id() + "?period=CN", teacher, Map.of("ratings", allTot)).expectStatus().isNoContent();
        List<?> before = results();
        assertThat(line(before, other).get("result")).isNull();
        call(HttpMethod.PUT, qualities + other.id() + "?period=CN", teacher, Map.of("ratings", allDat)).expectStatus().isNoContent();

        List<?> after = results();
        assertThat(line(after, best).get("result")).isEqualTo("HOAN_THANH_XUAT_SAC");
        assertThat(line(after, best).get("resultLabel")).isEqualTo("Hoàn thành xuất sắc");
        assertThat(line(after, other).get("result")).isEqualTo("HOAN_THANH");

        TestAccounts.Caller parent = accounts.caller(web, "Phụ huynh An", List.of(Grant.atSchool(Role.PARENT, schoolId)));
        students.linkGuardian(parent.id(), best.id()).block(WAIT);
        call(HttpMethod.GET, "/api/v1/students/" + best.id() + "/primary-grades", parent, null).expectStatus().isOk().expectBody()
            .jsonPath("$.year.result").isEqualTo("HOAN_THANH_XUAT_SAC").jsonPath("$.subjects[0].entries.CN.comment").exists();
        call(HttpMethod.GET, "/api/v1/students/" + other.id() + "/primary-grades", parent, null).expectStatus().isForbidden();
        call(HttpMethod.GET, "/api/v1/students/" + other.id() + "/primary-grades", best, null).expectStatus().isForbidden();
    }

    @Test
    void aLockedTermRefusesItsAssessmentsButNotTheOtherTermsAndOnlyTheHomeroomTeacherRatesQualities() {
        TestAccounts.Caller admin = accounts.caller(web, "Hiệu trưởng", List.of(Grant.atSchool(Role.SCHOOL_ADMIN, schoolId)));
        organisation.openYear(schoolId, TestSchools.YEAR - 1, null).block(WAIT);
        SchoolClass lastYear = organisation.openClass(schoolId, TestSchools.YEAR - 1, "4B").block(WAIT);
        organisation.assignHomeroomTeacher(lastYear.id(), teacher.id()).block(WAIT);
        students.enrol(best.id(), lastYear.id()).block(WAIT);
        Map<?, ?> book = call(HttpMethod.GET, "/api/v1/classes/" + lastYear.id() + "/primary-books/toan", teacher, null).expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        String entries = "/api/v1/primary-books/" + book.get("id") + "/entries/" + best.id();
        call(HttpMethod.POST, "/api/v1/schools/" + schoolId + "/years/" + (TestSchools.YEAR - 1) + "/terms/1/lock", admin, null).expectStatus()
            .isNoContent();
        call(HttpMethod.PUT, entries + "/CK1", teacher, Map.of("rating", "HOAN_THANH", "score", 7)).expectStatus().isEqualTo(409).expectBody()
            .jsonPath("$.type").isEqualTo("/problems/gradebook-locked");
        call(HttpMethod.PUT, entries + "/CN", teacher, Map.of("rating", "HOAN_THANH", "score", 7)).expectStatus().isOk();
        call(HttpMethod.PUT, "/api/v1/classes/" + lastYear.id() + "/qualities/" + best.id() + "?period=CK1", teacher,
            Map.of("ratings", Map.of("YEU_NUOC", "TOT"))).expectStatus().isEqualTo(409);

        TestAccounts.Caller subjectTeacher = accounts.caller(web, "Lê Văn Tin", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
        organisation.assignSubjectTeacher(class5a.id(), "tin-hoc", subjectTeacher.id()).block(WAIT);
        call(HttpMethod.GET, "/api/v1/classes/" + class5a.id() + "/primary-books/tin-hoc", subjectTeacher, null).expectStatus().isOk();
        call(HttpMethod.GET, "/api/v1/classes/" + class5a.id() + "/primary-books/toan", subjectTeacher, null).expectStatus().isForbidden();
        call(HttpMethod.PUT, "/api/v1/classes/" + class5a.id() + "/qualities/" + best.id() + "?period=CK1", subjectTeacher,
            Map.of("ratings", Map.of("YEU_NUOC", "TOT"))).expectStatus().isForbidden();
    }

    private List<?> results() {
        return call(HttpMethod.GET, "/api/v1/classes/" + class5a.id() + "/primary-results", teacher, null).expectStatus().isOk()
            .expectBody(List.class).returnResult().getResponseBody();
    }

    private static Map<?, ?> line(List<?> lines, TestAccounts.Caller student) {
        return lines.stream().map(Map.class::cast).filter(line -> student.id().equals(line.get("studentId"))).findFirst().orElseThrow();
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String uri, TestAccounts.Caller caller, Object body) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(uri).headers(h -> h.setBearerAuth(caller.token()));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
