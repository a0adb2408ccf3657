package vn.edu.lms.api.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/**
 * Schools, years, classes and teachers; students enrolled, moved and promoted with their history;
 * and who may see which class and which student.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=100000" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import(ApiTestConfiguration.class)
class EnrolmentTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSchools schools;

    @Autowired
    Students students;

    private String schoolId;
    private TestAccounts.Caller admin;

    @BeforeEach
    void school() {
        schoolId = schools.school(School.Level.PRIMARY);
        admin = accounts.caller(web, "Lê Thị Quản Trị", List.of(Grant.atSchool(Role.SCHOOL_ADMIN, schoolId)));
    }

    /** A student of the school, put in the class through the API as an admin would. */
    private TestAccounts.Caller student(String fullName, SchoolClass schoolClass, String identifier) {
        TestAccounts.Caller student = accounts.caller(web, fullName, List.of(Grant.atSchool(Role.STUDENT, schoolId)));
        students.insertImported(List.of(Students.importedStudent(student.id(), schoolId, identifier, java.time.LocalDate.of(2016, 3, 8),
            Student.Gender.FEMALE, "test-" + identifier, java.time.Instant.now())), List.of()).block(WAIT);
        call("POST", "/api/v1/classes/" + schoolClass.id() + "/students", admin, Map.of("studentId", student.id()))
            .expectStatus().isOk();
        return student;
    }

    private static String identifier() {
        return String.valueOf(System.nanoTime()).substring(4);
    }

    private WebTestClient.ResponseSpec call(String method, String uri, TestAccounts.Caller caller, Object body) {
        WebTestClient.RequestBodySpec request = web.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
            .headers(h -> h.setBearerAuth(caller.token()));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aSchoolYearOpensWithTwoTermsAndClassesTakeTheirGradeFromTheirName() {
        call("POST", "/api/v1/schools/" + schoolId + "/years", admin, Map.of("startYear", 2027)).expectStatus().isCreated()
            .expectBody().jsonPath("$.label").isEqualTo("2027–2028")
            .jsonPath("$.terms[0].starts").isEqualTo("2027-09-05").jsonPath("$.terms[1].ends").isEqualTo("2028-05-31");
        call("POST", "/api/v1/schools/" + schoolId + "/years", admin, Map.of("startYear", 2027)).expectStatus().isEqualTo(409);
        call("POST", "/api/v1/schools/" + schoolId + "/years", admin, Map.of("startYear", 2028, "terms", List.of(
                Map.of("number", 1, "starts", "2028-09-05", "ends", "2029-02-01"),
                Map.of("number", 2, "starts", "2029-01-20", "ends", "2029-05-31"))))
            .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-terms");

        String classes = "/api/v1/schools/" + schoolId + "/years/2027/classes";
        call("POST", classes, admin, Map.of("name", "4a")).expectStatus().isCreated()
            .expectBody().jsonPath("$.name").isEqualTo("4A").jsonPath("$.grade").isEqualTo(4);
        call("POST", classes, admin, Map.of("name", "4A")).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.detail").isEqualTo("Năm học này đã có lớp 4A.");
        call("POST", classes, admin, Map.of("name", "7C3")).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/grade-not-taught");
        call("POST", classes, admin, Map.of("name", "A5")).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-class-name");
    }

    @Test
    void teachersAreAssignedToClassesPerCurriculumSubject() {
        SchoolClass class5a = schools.schoolClass(schoolId, "5A");
        TestAccounts.Caller teacher = accounts.caller(web, "Đặng Văn Giáo", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
        TestAccounts.Caller elsewhere = accounts.caller(web, "Ngô Văn Khác", List.of(Grant.atSchool(Role.TEACHER, "truong-khac")));
        String uri = "/api/v1/classes/" + class5a.id();
        call("PUT", uri + "/homeroom-teacher", admin, Map.of("teacherId", teacher.id())).expectStatus().isOk()
            .expectBody().jsonPath("$.homeroomTeacher.fullName").isEqualTo("Đặng Văn Giáo");
        call("PUT", uri + "/subject-teachers/toan", admin, Map.of("teacherId", teacher.id())).expectStatus().isOk()
            .expectBody().jsonPath("$.subjectTeachers[0].subject").isEqualTo("toan");
        call("PUT", uri + "/subject-teachers/ngu-van", admin, Map.of("teacherId", teacher.id())).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/subject-not-taught");
        call("PUT", uri + "/subject-teachers/tieng-viet", admin, Map.of("teacherId", elsewhere.id())).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/not-a-teacher-here");
        call("PUT", uri + "/homeroom-teacher", teacher, Map.of("teacherId", teacher.id())).expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
        call("GET", uri, teacher, null).expectStatus().isOk();
        call("GET", "/api/v1/schools/" + schoolId + "/years/" + TestSchools.YEAR + "/classes", teacher, null).expectStatus().isOk()
            .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void movingAStudentKeepsTheirHistoryAndTheClassListsFollow() {
        SchoolClass class5a = schools.schoolClass(schoolId, "5A");
        SchoolClass class5b = schools.schoolClass(schoolId, "5B");
        TestAccounts.Caller student = student("Trần Thị Mai", class5a, identifier());
        call("POST", "/api/v1/students/" + student.id() + "/move", admin, Map.of("classId", class5b.id())).expectStatus().isOk()
            .expectBody().jsonPath("$.classId").isEqualTo(class5b.id())
            .jsonPath("$.history.length()").isEqualTo(2)
            .jsonPath("$.history[0].className").isEqualTo("5A").jsonPath("$.history[0].left").isEqualTo("MOVED")
            .jsonPath("$.history[1].className").isEqualTo("5B").jsonPath("$.history[1].until").doesNotExist();
        call("GET", "/api/v1/classes/" + class5a.id() + "/students", admin, null).expectStatus().isOk()
            .expectBody().jsonPath("$.length()").isEqualTo(0);
        call("GET", "/api/v1/classes/" + class5b.id() + "/students", admin, null).expectStatus().isOk()
            .expectBody().jsonPath("$[0].fullName").isEqualTo("Trần Thị Mai");
        call("POST", "/api/v1/classes/" + class5a.id() + "/students", admin, Map.of("studentId", student.id()))
            .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("/problems/in-another-class");
        call("GET", "/api/v1/students/" + student.id(), student, null).expectStatus().isOk()
            .expectBody().jsonPath("$.years[0].history.length()").isEqualTo(2);
    }

    @Test
    void rollOverPromotesClassesWithTheirStudentsAndClosesTheFinalGrade() {
        SchoolClass class4a = schools.schoolClass(schoolId, "4A");
        SchoolClass class5a = schools.schoolClass(schoolId, "5A");
        TestAccounts.Caller younger = student("Phạm Minh Khôi", class4a, identifier());
        TestAccounts.Caller leaver = student("Hồ Thị Lan", class5a, identifier());
        String rollOver = "/api/v1/schools/" + schoolId + "/years/" + TestSchools.YEAR + "/rollover";
        call("POST", rollOver, admin, null).expectStatus().isOk()
            .expectBody().jsonPath("$.promotedClasses").isEqualTo(1).jsonPath("$.closedClasses").isEqualTo(1)
            .jsonPath("$.students").isEqualTo(2);
        call("POST", rollOver, admin, null).expectStatus().isOk().expectBody().jsonPath("$.promotedClasses").isEqualTo(1);

        call("GET", "/api/v1/schools/" + schoolId + "/years/" + (TestSchools.YEAR + 1) + "/classes", admin, null).expectStatus().isOk()
            .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].name").isEqualTo("5A")
            .jsonPath("$[0].promotedFrom").isEqualTo(class4a.id());
        call("GET", "/api/v1/students/" + younger.id(), admin, null).expectStatus().isOk()
            .expectBody().jsonPath("$.years.length()").isEqualTo(2)
            .jsonPath("$.years[1].history[0].joined").isEqualTo("PROMOTED");
        call("GET", "/api/v1/students/" + leaver.id(), admin, null).expectStatus().isOk()
            .expectBody().jsonPath("$.years.length()").isEqualTo(1)
            .jsonPath("$.years[0].classId").doesNotExist()
            .jsonPath("$.years[0].history[0].left").isEqualTo("GRADUATED");
        call("GET", "/api/v1/classes/" + class5a.id(), admin, null).expectStatus().isOk().expectBody().jsonPath("$.closed").isEqualTo(true);
    }

    @Test
    void aStudentSeesOwnClassOnlyAndAParentOnlyTheirOwnChild() {
        SchoolClass class5a = schools.schoolClass(schoolId, "5A");
        SchoolClass class5b = schools.schoolClass(schoolId, "5B");
        TestAccounts.Caller child = student("Bùi Gia Bảo", class5a, identifier());
        TestAccounts.Caller other = student("Lý Thu Trang", class5b, identifier());
        TestAccounts.Caller parent = accounts.caller(web, "Bùi Văn Cha", List.of(Grant.atSchool(Role.PARENT, schoolId)));
        call("POST", "/api/v1/students/" + child.id() + "/guardians", admin, Map.of("parentId", parent.id())).expectStatus().isNoContent();
        call("POST", "/api/v1/students/" + child.id() + "/guardians", admin, Map.of("parentId", other.id())).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/not-a-parent-here");

        call("GET", "/api/v1/classes/" + class5a.id(), child, null).expectStatus().isOk();
        call("GET", "/api/v1/classes/" + class5b.id(), child, null).expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
        call("GET", "/api/v1/classes/" + class5a.id() + "/students", child, null).expectStatus().isForbidden();
        call("GET", "/api/v1/students/" + other.id(), child, null).expectStatus().isForbidden();
        call("POST", "/api/v1/students/" + other.id() + "/move", child, Map.of("classId", class5a.id())).expectStatus().isForbidden();

        call("GET", "/api/v1/children", parent, null).expectStatus().isOk()
            .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].fullName").isEqualTo("Bùi Gia Bảo");
        call("GET", "/api/v1/students/" + child.id(), parent, null).expectStatus().isOk();
        call("GET", "/api/v1/students/" + other.id(), parent, null).expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
        call("GET", "/api/v1/classes/" + class5a.id(), parent, null).expectStatus().isOk();
        call("GET", "/api/v1/classes/" + class5b.id(), parent, null).expectStatus().isForbidden();
    }

    @Test
    void readingAClassListOrAStudentIsInTheAuditTrailWithoutTheirData() {
        SchoolClass class5a = schools.schoolClass(schoolId, "5A");
        TestAccounts.Caller student = student("Đỗ Hải Yến", class5a, identifier());
        call("GET", "/api/v1/classes/" + class5a.id() + "/students", admin, null).expectStatus().isOk();
        call("GET", "/api/v1/students/" + student.id(), admin, null).expectStatus().isOk();
        String events = call("GET", "/api/v1/audit-events?schoolId=" + schoolId, admin, null).expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(events).contains("\"resourceType\":\"class-list\"", "\"resourceId\":\"" + class5a.id() + "\"",
            "\"resourceType\":\"student\"", "\"resourceId\":\"" + student.id() + "\"", admin.id());
        assertThat(events).doesNotContain("Hải Yến", "Hai Yen", "2016-03-08");
    }
}
