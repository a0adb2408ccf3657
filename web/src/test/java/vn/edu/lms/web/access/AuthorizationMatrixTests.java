package vn.edu.lms.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.test.StepVerifier;
import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.student.Student;
import vn.edu.lms.api.student.Students;

/**
 * Every HTTP endpoint of the application, called as every kind of caller, against the expected
 * allow/deny. An endpoint the application serves but this matrix does not name fails the test:
 * each new endpoint must be added here, with who may call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "lms.security.sign-in.attempts-per-address=100000")
@AutoConfigureWebTestClient(timeout = "PT30S")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    enum Caller { ANONYMOUS, STUDENT, PARENT, TEACHER, REVIEWER, SCHOOL_ADMIN, OTHER_SCHOOL_ADMIN, DISTRICT_ADMIN }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
    private static final Set<Caller> ADMINS_OF_SCHOOL_A = EnumSet.of(Caller.SCHOOL_ADMIN, Caller.DISTRICT_ADMIN);
    private static final Set<Caller> DISTRICT = EnumSet.of(Caller.DISTRICT_ADMIN);
    private static final Set<Caller> ADMINS = EnumSet.of(Caller.SCHOOL_ADMIN, Caller.OTHER_SCHOOL_ADMIN, Caller.DISTRICT_ADMIN);
    private static final Set<Caller> NOBODY = EnumSet.noneOf(Caller.class);
    /** Everyone with a role at school A, and district admins. */
    private static final Set<Caller> MEMBERS_OF_SCHOOL_A = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS, Caller.OTHER_SCHOOL_ADMIN));
    /** Class 5A's homeroom teacher, its student and that student's parent, and the admins. */
    private static final Set<Caller> CLASS_5A = EnumSet.of(Caller.STUDENT, Caller.PARENT, Caller.TEACHER, Caller.SCHOOL_ADMIN,
        Caller.DISTRICT_ADMIN);
    private static final Set<Caller> STAFF_OF_5A = EnumSet.of(Caller.TEACHER, Caller.SCHOOL_ADMIN, Caller.DISTRICT_ADMIN);
    private static final Set<Caller> PARENTS = EnumSet.of(Caller.PARENT);
    /** A body that is a class-list file, sent as multipart. */
    private static final String CLASS_LIST_FILE = "<class-list.csv>";
    /** A tus creation request (headers, no body) for a new version of the 5A item. */
    private static final String TUS_CREATE = "<tus-create>";
    private static final Set<Caller> STAFF_OF_SCHOOL_A = EnumSet.of(Caller.TEACHER, Caller.REVIEWER, Caller.SCHOOL_ADMIN, Caller.DISTRICT_ADMIN);
    private static final Set<Caller> OWNER = EnumSet.of(Caller.TEACHER);
    /** Who may add to the library (staff of any school, and the district); what each may change is the library's own check. */
    private static final Set<Caller> LIBRARY_CONTRIBUTORS = EnumSet.of(Caller.TEACHER, Caller.REVIEWER, Caller.SCHOOL_ADMIN,
        Caller.OTHER_SCHOOL_ADMIN, Caller.DISTRICT_ADMIN);
    private static final Set<Caller> REVIEWERS = EnumSet.of(Caller.REVIEWER);
    private static final String BLUEPRINT_JSON = "{\"title\":\"Kiểm tra giữa kỳ I – Toán 5\",\"subjectCode\":\"toan\",\"grade\":5,"
        + "\"cells\":[{\"topic\":\"Phân số\",\"level\":\"BIET\",\"type\":\"SINGLE_CHOICE\",\"count\":4,\"points\":2.5}]}";
    /** A body that is a PNG image, sent as multipart. */
    private static final String IMAGE_FILE = "<image.png>";
    /** A body that is an Aiken question file, sent as multipart. */
    private static final String QUESTION_FILE = "<questions.txt>";
    private static final String QUESTION_IMPORT_PARAMS = "format=AIKEN&schoolId={A}&subjectCode=toan&grade=5&topic=PhanSo";
    /** Who works with the question bank (another school's admin is answered 404 for school A's questions). */
    private static final Set<Caller> BANK_USERS = EnumSet.of(Caller.TEACHER, Caller.REVIEWER, Caller.SCHOOL_ADMIN, Caller.OTHER_SCHOOL_ADMIN,
        Caller.DISTRICT_ADMIN);
    private static final Set<Caller> WRITERS_AT_SCHOOL_A = EnumSet.of(Caller.TEACHER, Caller.SCHOOL_ADMIN);
    /** The author, school A's admins, and another school's admin (answered 404). */
    private static final Set<Caller> QUESTION_CHANGERS = EnumSet.of(Caller.TEACHER, Caller.SCHOOL_ADMIN, Caller.OTHER_SCHOOL_ADMIN,
        Caller.DISTRICT_ADMIN);

    /** One endpoint: its mapping as the application declares it, a concrete request, and who may make it. */
    record Endpoint(HttpMethod method, String pattern, String uri, String body, Set<Caller> allowed) {
        String key() {
            return method.name() + " " + pattern;
        }
    }

    private final String schoolA = "thcs-a-" + UUID.randomUUID().toString().substring(0, 6);
    private final String schoolB = "thcs-b-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String PASSWORD = "mat-khau-ma-tran";
    /** Who schedules, proctors and grades school A's tests; another school's admin is answered 404 for its sessions. */
    private static final Set<Caller> PROCTORS_OF_A = EnumSet.of(Caller.TEACHER, Caller.SCHOOL_ADMIN, Caller.DISTRICT_ADMIN);
    private static final Set<Caller> PROCTORS_AND_OTHERS = EnumSet.of(Caller.TEACHER, Caller.SCHOOL_ADMIN, Caller.OTHER_SCHOOL_ADMIN,
        Caller.DISTRICT_ADMIN);
    private static final Set<Caller> STUDENTS = EnumSet.of(Caller.STUDENT);
    /** A lesson of Toán for class 5A: a text, a practice quiz over {question} and a live class. */
    private static final String LESSON_JSON = "{\"subjectCode\":\"toan\",\"topic\":\"Phân số\",\"title\":\"Bài 1. Ôn tập phân số\","
        + "\"blocks\":[{\"type\":\"TEXT\",\"text\":\"<p>Ôn tập</p>\"},{\"type\":\"PRACTICE_QUIZ\",\"label\":\"Luyện tập\","
        + "\"questionIds\":[\"{question}\"]},{\"type\":\"LIVE_CLASS\",\"url\":\"https://meet.example.edu.vn/5a\","
        + "\"startsAt\":\"2026-11-02T01:00:00Z\",\"durationMinutes\":40}]}";

    @Autowired
    WebTestClient web;

    @Autowired
    AccountService accountService;

    @Autowired
    ApplicationContext context;

    @Autowired
    Schools schools;

    @Autowired
    Students students;

    private final Map<Caller, String> usernames = new java.util.EnumMap<>(Caller.class);
    private final Map<Caller, String> ids = new java.util.EnumMap<>(Caller.class);
    private String otherStudentId;
    private SchoolClass class5a;
    private SchoolClass class5b;
    private String importId;
    private String classItem;
    private String privateItem;
    private String districtItem;
    private String uploadId;
    private String questionId;
    private String pendingQuestionId;
    private String blueprintId;
    private String otherStudent;
    private String sessionId;
    private String attemptId;
    private Map<?, ?> lesson;
    private String assignmentId;
    private SchoolClass class7a;
    private String gradebookId;
    private String primaryBookId;

    /** The matrix. Keep it in the order of the features; add every new endpoint here. */
    private List<Endpoint> matrix() {
        String newAccount = "{\"username\":\"u{unique}\",\"fullName\":\"Lê Văn Mới\",\"grants\":[{\"role\":\"STUDENT\",\"schoolId\":\"" + schoolA + "\"}]}";
        return List.of(
            // pages and operations
            new Endpoint(HttpMethod.GET, "/", "/", "", EVERYONE),
            new Endpoint(HttpMethod.GET, "/sign-in", "/sign-in", "", EVERYONE),
            new Endpoint(HttpMethod.POST, "/language", "/language", "", EVERYONE),
            new Endpoint(HttpMethod.GET, "/account/password", "/account/password", "", SIGNED_IN),
            // the admins' pages
            new Endpoint(HttpMethod.GET, "/admin/schools", "/admin/schools", "", ADMINS),
            new Endpoint(HttpMethod.GET, "/admin/schools/{schoolId}", "/admin/schools/{A}", "", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/admin/schools/{schoolId}/class-lists", "/admin/schools/{A}/class-lists", "", ADMINS_OF_SCHOOL_A),
            // the library's pages
            new Endpoint(HttpMethod.GET, "/library", "/library?q=phan%20so&grade=5", "", SIGNED_IN),
            new Endpoint(HttpMethod.GET, "/library/upload", "/library/upload", "", LIBRARY_CONTRIBUTORS),
            new Endpoint(HttpMethod.GET, "/library/upload", "/library/upload?item={classItem}", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/library/items/{id}", "/library/items/{classItem}", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/library/items/{id}", "/library/items/{privateItem}", "", OWNER),
            new Endpoint(HttpMethod.GET, "/library/items/{id}", "/library/items/{districtItem}", "", MEMBERS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/library/items/{id}/edit", "/library/items/{classItem}/edit", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/library/appraisal", "/library/appraisal", "", REVIEWERS),
            // the teaching pages (classes, lessons, participation)
            new Endpoint(HttpMethod.GET, "/classes/{classId}", "/classes/{5A}", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/classes/{classId}/lessons", "/classes/{5A}/lessons?subject=toan", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/lessons/{id}", "/lessons/{lesson}", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/lessons/new", "/lessons/new?class={5A}&subject=toan", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/lessons/{id}/edit", "/lessons/{lesson}/edit", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/lessons/{id}/participation", "/lessons/{lesson}/participation", "", STAFF_OF_5A),
            // the classwork pages (assignments, gradebooks, children's results)
            new Endpoint(HttpMethod.GET, "/classes/{classId}/assignments", "/classes/{5A}/assignments", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/assignments/new", "/assignments/new?class={5A}", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/assignments/{id}", "/assignments/{assignment}", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/assignments/{id}/edit", "/assignments/{assignment}/edit", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/gradebooks", "/gradebooks?class={7A}&subject=toan&term=1", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/children/{studentId}", "/children/{student}", "", CLASS_5A),
            // the question bank's and tests' pages
            new Endpoint(HttpMethod.GET, "/questions", "/questions?school={A}", "", STAFF_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/questions/import", "/questions/import?school={A}", "", STAFF_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/questions/new", "/questions/new?school={A}", "", STAFF_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/questions/{id}", "/questions/{question}", "", BANK_USERS),
            new Endpoint(HttpMethod.GET, "/tests", "/tests?school={A}", "", PROCTORS_OF_A),
            new Endpoint(HttpMethod.GET, "/tests/new", "/tests/new?school={A}", "", PROCTORS_OF_A),
            new Endpoint(HttpMethod.GET, "/tests/blueprints/new", "/tests/blueprints/new?school={A}", "", STAFF_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/tests/blueprints/{id}", "/tests/blueprints/{blueprint}", "", BANK_USERS),
            new Endpoint(HttpMethod.GET, "/tests/{id}", "/tests/{session}", "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/tests/{id}/proctor", "/tests/{session}/proctor", "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/tests/{id}/results", "/tests/{session}/results", "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/tests/{sessionId}/take", "/tests/{session}/take", "", STUDENTS),
            new Endpoint(HttpMethod.GET, "/actuator", "/actuator", "", NOBODY),
            new Endpoint(HttpMethod.GET, "/actuator/health", "/actuator/health", "", EVERYONE),
            new Endpoint(HttpMethod.GET, "/actuator/health/**", "/actuator/health/readiness", "", EVERYONE),
            new Endpoint(HttpMethod.GET, "/actuator/health/{*path}", "/actuator/health/liveness", "", EVERYONE),
            new Endpoint(HttpMethod.GET, "/actuator/info", "/actuator/info", "", EVERYONE),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", "/actuator/prometheus", "", DISTRICT),
            new Endpoint(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs", "", EVERYONE),
            new Endpoint(HttpMethod.GET, "/v3/api-docs.yaml", "/v3/api-docs.yaml", "", EVERYONE),
            new Endpoint(HttpMethod.GET, "/v3/api-docs/swagger-config", "/v3/api-docs/swagger-config", "", EVERYONE),
            new Endpoint(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui.html", "", EVERYONE),
            // curriculum
            new Endpoint(HttpMethod.GET, "/api/v1/curriculum/subjects", "/api/v1/curriculum/subjects?grade=5", "", EVERYONE),
            // signing in and one's own account
            new Endpoint(HttpMethod.POST, "/api/v1/auth/session", "/api/v1/auth/session", "{}", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/auth/tokens", "/api/v1/auth/tokens", "{}", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/auth/me", "/api/v1/auth/me", "", SIGNED_IN),
            new Endpoint(HttpMethod.DELETE, "/api/v1/auth/session", "/api/v1/auth/session", "", SIGNED_IN),
            new Endpoint(HttpMethod.POST, "/api/v1/auth/password", "/api/v1/auth/password", "{}", SIGNED_IN),
            new Endpoint(HttpMethod.GET, "/api/v1/auth/tokens", "/api/v1/auth/tokens", "", SIGNED_IN),
            new Endpoint(HttpMethod.DELETE, "/api/v1/auth/tokens/{id}", "/api/v1/auth/tokens/no-such-token", "", SIGNED_IN),
            // accounts
            new Endpoint(HttpMethod.POST, "/api/v1/accounts", "/api/v1/accounts", newAccount, ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/accounts", "/api/v1/accounts?schoolId=" + schoolA, "", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/accounts/{id}", "/api/v1/accounts/{other}", "", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/accounts/{id}/password-reset", "/api/v1/accounts/{other}/password-reset", "",
                ADMINS_OF_SCHOOL_A),
            // audit trail
            new Endpoint(HttpMethod.GET, "/api/v1/audit-events", "/api/v1/audit-events?schoolId=" + schoolA, "", ADMINS_OF_SCHOOL_A),
            // notifications: each signed-in person their own
            new Endpoint(HttpMethod.GET, "/api/v1/notifications", "/api/v1/notifications?unread=true", "", SIGNED_IN),
            new Endpoint(HttpMethod.GET, "/api/v1/notifications/unread-count", "/api/v1/notifications/unread-count", "", SIGNED_IN),
            new Endpoint(HttpMethod.POST, "/api/v1/notifications/{id}/read", "/api/v1/notifications/no-such-notification/read", "", SIGNED_IN),
            new Endpoint(HttpMethod.POST, "/api/v1/notifications/read-all", "/api/v1/notifications/read-all", "", SIGNED_IN),
            // organisation: schools, years, classes, teachers
            new Endpoint(HttpMethod.POST, "/api/v1/schools", "/api/v1/schools", "{\"id\":\"th-{unique}\",\"name\":\"Trường Tiểu học Mới\",\"level\":\"PRIMARY\"}", DISTRICT),
            new Endpoint(HttpMethod.GET, "/api/v1/schools", "/api/v1/schools", "", SIGNED_IN),
            new Endpoint(HttpMethod.GET, "/api/v1/schools/{schoolId}", "/api/v1/schools/" + schoolA, "", MEMBERS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/years", "/api/v1/schools/" + schoolA + "/years", "{\"startYear\":2030}",
                ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/schools/{schoolId}/years", "/api/v1/schools/" + schoolA + "/years", "", MEMBERS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/years/{startYear}/classes", "/api/v1/schools/" + schoolA + "/years/2026/classes",
                "{\"name\":\"5Z\"}", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/schools/{schoolId}/years/{startYear}/classes", "/api/v1/schools/" + schoolA + "/years/2026/classes",
                "", MEMBERS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}", "/api/v1/classes/{5A}", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}", "/api/v1/classes/{5B}", "", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.PUT, "/api/v1/classes/{classId}/homeroom-teacher", "/api/v1/classes/{5B}/homeroom-teacher",
                "{\"teacherId\":\"no-such-teacher\"}", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.PUT, "/api/v1/classes/{classId}/subject-teachers/{subject}", "/api/v1/classes/{5B}/subject-teachers/toan",
                "{\"teacherId\":\"no-such-teacher\"}", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.DELETE, "/api/v1/classes/{classId}/subject-teachers/{subject}", "/api/v1/classes/{5B}/subject-teachers/toan",
                "", ADMINS_OF_SCHOOL_A),
            // students, class lists, parents
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/students", "/api/v1/classes/{5A}/students", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/students", "/api/v1/classes/{5B}/students", "", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/classes/{classId}/students", "/api/v1/classes/{5B}/students",
                "{\"studentId\":\"no-such-student\"}", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/students/{studentId}", "/api/v1/students/{student}", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/students/{studentId}", "/api/v1/students/{other}", "", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/students/{studentId}/move", "/api/v1/students/{other}/move",
                "{\"classId\":\"no-such-class\"}", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/students/{studentId}/leave", "/api/v1/students/{other}/leave",
                "{\"classId\":\"no-such-class\"}", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/students/{studentId}/guardians", "/api/v1/students/{other}/guardians",
                "{\"parentId\":\"no-such-parent\"}", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/children", "/api/v1/children", "", PARENTS),
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/years/{startYear}/rollover", "/api/v1/schools/" + schoolA + "/years/2019/rollover",
                "", ADMINS_OF_SCHOOL_A),
            // class-list files
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/years/{startYear}/class-list-imports",
                "/api/v1/schools/" + schoolA + "/years/2026/class-list-imports", CLASS_LIST_FILE, ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/years/{startYear}/class-list-imports",
                "/api/v1/schools/" + schoolA + "/years/2026/class-list-imports?classId={5A}", CLASS_LIST_FILE, STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/class-list-imports/{importId}", "/api/v1/class-list-imports/{import}", "", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/class-list-imports/{importId}/commit", "/api/v1/class-list-imports/{import}/commit", "",
                ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.DELETE, "/api/v1/class-list-imports/{importId}", "/api/v1/class-list-imports/{import}", "", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/students.csv", "/api/v1/classes/{5A}/students.csv", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/classes/{classId}/credential-sheet", "/api/v1/classes/{5A}/credential-sheet?format=xlsx", "",
                STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/classes/{classId}/credential-sheet", "/api/v1/classes/{5B}/credential-sheet", "",
                ADMINS_OF_SCHOOL_A),
            // the library: items of class 5A, private to the teacher, and shared with the district but not yet approved
            new Endpoint(HttpMethod.GET, "/api/v1/library/items", "/api/v1/library/items", "", SIGNED_IN),
            new Endpoint(HttpMethod.POST, "/api/v1/library/items", "/api/v1/library/items", itemJson("SCHOOL", "[]"), STAFF_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/library/items/{id}", "/api/v1/library/items/{classItem}", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/library/items/{id}", "/api/v1/library/items/{privateItem}", "", OWNER),
            new Endpoint(HttpMethod.GET, "/api/v1/library/items/{id}", "/api/v1/library/items/{districtItem}", "", MEMBERS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.PUT, "/api/v1/library/items/{id}", "/api/v1/library/items/{classItem}",
                itemJson("CLASS", "[\"{5A}\"]"), STAFF_OF_5A),
            new Endpoint(HttpMethod.DELETE, "/api/v1/library/items/{id}", "/api/v1/library/items/{freshItem}", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/library/items/{id}/versions/{number}/file", "/api/v1/library/items/{classItem}/versions/1/file",
                "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/library/items/{id}/versions/{number}/file",
                "/api/v1/library/items/{privateItem}/versions/1/file", "", OWNER),
            new Endpoint(HttpMethod.GET, "/api/v1/library/items/{id}/versions/{number}/thumbnail",
                "/api/v1/library/items/{classItem}/versions/1/thumbnail", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/library/items/{id}/versions/{number}/text", "/api/v1/library/items/{classItem}/versions/1/text",
                "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/library/items/{id}/versions/{number}/hls/{*path}",
                "/api/v1/library/items/{classItem}/versions/1/hls/master.m3u8", "", CLASS_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/library/items/{id}/appraisal", "/api/v1/library/items/{districtItem}/appraisal",
                "{\"decision\":\"SUBMIT\"}", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/library/items/{id}/appraisal", "/api/v1/library/items/{districtItem}/appraisal",
                "{\"decision\":\"REJECT\"}", REVIEWERS),
            new Endpoint(HttpMethod.GET, "/api/v1/library/appraisals", "/api/v1/library/appraisals", "", REVIEWERS),
            new Endpoint(HttpMethod.OPTIONS, "/api/v1/library/uploads", "/api/v1/library/uploads", "", EVERYONE),
            new Endpoint(HttpMethod.OPTIONS, "/api/v1/library/uploads/{id}", "/api/v1/library/uploads/{upload}", "", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/library/uploads", "/api/v1/library/uploads", TUS_CREATE, STAFF_OF_5A),
            new Endpoint(HttpMethod.HEAD, "/api/v1/library/uploads/{id}", "/api/v1/library/uploads/{upload}", "", OWNER),
            new Endpoint(HttpMethod.GET, "/api/v1/library/uploads/{id}", "/api/v1/library/uploads/{upload}", "", OWNER),
            new Endpoint(HttpMethod.PATCH, "/api/v1/library/uploads/{id}", "/api/v1/library/uploads/{upload}", "", OWNER),
            new Endpoint(HttpMethod.DELETE, "/api/v1/library/uploads/{id}", "/api/v1/library/uploads/{upload}", "", OWNER),
            // library search: everyone signed in searches (what each may see is the search's own test); reindexing is the district's
            new Endpoint(HttpMethod.GET, "/api/v1/library/search", "/api/v1/library/search?q=phan%20so&grade=5", "", SIGNED_IN),
            new Endpoint(HttpMethod.GET, "/api/v1/library/search/suggestions", "/api/v1/library/search/suggestions?q=phan", "", SIGNED_IN),
            new Endpoint(HttpMethod.POST, "/api/v1/library/search/reindex", "/api/v1/library/search/reindex", "", DISTRICT),
            new Endpoint(HttpMethod.GET, "/api/v1/library/search/reindex/{id}", "/api/v1/library/search/reindex/no-such-reindex", "",
                DISTRICT),
            // lessons: class 5A's staff write them, everyone of 5A reads them once published; its students follow them and its staff
            // read the participation record
            new Endpoint(HttpMethod.POST, "/api/v1/classes/{classId}/lessons", "/api/v1/classes/{5A}/lessons", LESSON_JSON, STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/lessons", "/api/v1/classes/{5A}/lessons?subjectCode=toan", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/lessons/{id}", "/api/v1/lessons/{lesson}", "", CLASS_5A),
            new Endpoint(HttpMethod.PUT, "/api/v1/lessons/{id}", "/api/v1/lessons/{freshLesson}", LESSON_JSON, STAFF_OF_5A),
            new Endpoint(HttpMethod.DELETE, "/api/v1/lessons/{id}", "/api/v1/lessons/{freshLesson}", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/lessons/{id}/publish", "/api/v1/lessons/{freshLesson}/publish", "{}", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/lessons/{id}/unpublish", "/api/v1/lessons/{freshLesson}/unpublish", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/lessons/{id}/copies", "/api/v1/lessons/{lesson}/copies", "{\"classId\":\"{5A}\"}", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/lessons/{id}/progress", "/api/v1/lessons/{lesson}/progress", "{\"type\":\"OPENED\"}", STUDENTS),
            new Endpoint(HttpMethod.POST, "/api/v1/lessons/{id}/blocks/{blockId}/quiz-attempts", "/api/v1/lessons/{lesson}/blocks/{quizBlock}/quiz-attempts",
                "{\"answers\":[]}", STUDENTS),
            new Endpoint(HttpMethod.PUT, "/api/v1/lessons/{id}/blocks/{blockId}/attendance", "/api/v1/lessons/{lesson}/blocks/{liveBlock}/attendance",
                "{\"marks\":[{\"studentId\":\"{student}\",\"present\":true}]}", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/lessons/{id}/participation", "/api/v1/lessons/{lesson}/participation", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/lessons/{id}/participation.xlsx", "/api/v1/lessons/{lesson}/participation.xlsx", "", STAFF_OF_5A),
            // assignments: 5A's staff set and grade them; its students hand in; a student, their parent and the staff read the work
            new Endpoint(HttpMethod.POST, "/api/v1/classes/{classId}/assignments", "/api/v1/classes/{5A}/assignments", assignmentJson(), STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/assignments", "/api/v1/classes/{5A}/assignments", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/assignments/{id}", "/api/v1/assignments/{assignment}", "", CLASS_5A),
            new Endpoint(HttpMethod.PUT, "/api/v1/assignments/{id}", "/api/v1/assignments/{freshAssignment}", assignmentJson(), STAFF_OF_5A),
            new Endpoint(HttpMethod.DELETE, "/api/v1/assignments/{id}", "/api/v1/assignments/{freshAssignment}", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/assignments/{id}/publish", "/api/v1/assignments/{freshAssignment}/publish", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/assignments/{id}/submissions", "/api/v1/assignments/{assignment}/submissions",
                "{\"text\":\"Bài làm\"}", STUDENTS),
            new Endpoint(HttpMethod.GET, "/api/v1/assignments/{id}/submissions/mine", "/api/v1/assignments/{assignment}/submissions/mine", "",
                STUDENTS),
            new Endpoint(HttpMethod.GET, "/api/v1/assignments/{id}/submissions", "/api/v1/assignments/{assignment}/submissions", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/assignments/{id}/submissions.zip", "/api/v1/assignments/{assignment}/submissions.zip", "",
                STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/assignments/{id}/submissions/{studentId}", "/api/v1/assignments/{assignment}/submissions/{student}",
                "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/assignments/{id}/submissions/{studentId}/versions/{number}/files/{index}",
                "/api/v1/assignments/{assignment}/submissions/{student}/versions/1/files/1", "", CLASS_5A),
            new Endpoint(HttpMethod.PUT, "/api/v1/assignments/{id}/submissions/{studentId}/grade",
                "/api/v1/assignments/{assignment}/submissions/{student}/grade", "{\"score\":8}", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/assignments/{id}/submissions/{studentId}/return",
                "/api/v1/assignments/{assignment}/submissions/{student}/return", "", STAFF_OF_5A),
            // gradebook: class 7A's staff keep its books; school A's admins lock terms; a student, their parent and their teachers read
            // the student's grades
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/gradebooks/{subjectCode}", "/api/v1/classes/{7A}/gradebooks/toan?term=1", "",
                STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/gradebooks/{subjectCode}/export",
                "/api/v1/classes/{7A}/gradebooks/toan/export?term=1", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.PUT, "/api/v1/gradebooks/{id}/cells/{studentId}/{column}", "/api/v1/gradebooks/{gradebook}/cells/{student}/TX1",
                "{\"score\":8}", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/gradebooks/{id}/columns", "/api/v1/gradebooks/{gradebook}/columns", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.PUT, "/api/v1/gradebooks/{id}/sources/{column}", "/api/v1/gradebooks/{gradebook}/sources/TX1",
                "{\"kind\":\"ASSIGNMENT\",\"refId\":\"no-such-assignment\"}", STAFF_OF_5A),
            new Endpoint(HttpMethod.DELETE, "/api/v1/gradebooks/{id}/sources/{column}", "/api/v1/gradebooks/{gradebook}/sources/TX1", "",
                STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/gradebooks/{id}/sync", "/api/v1/gradebooks/{gradebook}/sync", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/gradebooks/{id}/changes", "/api/v1/gradebooks/{gradebook}/changes", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/years/{startYear}/terms/{term}/lock",
                "/api/v1/schools/{A}/years/2026/terms/1/lock", "", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/years/{startYear}/terms/{term}/unlock",
                "/api/v1/schools/{A}/years/2026/terms/1/unlock", "{\"reason\":\"Kiểm tra quyền\"}", ADMINS_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/results", "/api/v1/classes/{7A}/results?period=HK1", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.PUT, "/api/v1/classes/{classId}/conduct/{studentId}", "/api/v1/classes/{7A}/conduct/{student}?period=HK1",
                "{\"level\":\"TOT\"}", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/students/{studentId}/grades", "/api/v1/students/{student}/grades?period=HK1", "", CLASS_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/students/{studentId}/report-card", "/api/v1/students/{student}/report-card?period=HK1", "",
                CLASS_5A),
            // primary assessment (Thông tư 27): class 5A's staff keep its books; its homeroom teacher and admins rate qualities
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/primary-books/{subjectCode}", "/api/v1/classes/{5A}/primary-books/toan", "",
                STAFF_OF_5A),
            new Endpoint(HttpMethod.PUT, "/api/v1/primary-books/{id}/entries/{studentId}/{period}",
                "/api/v1/primary-books/{primaryBook}/entries/{student}/CK1", "{\"rating\":\"HOAN_THANH\",\"score\":8}", STAFF_OF_5A),
            new Endpoint(HttpMethod.PUT, "/api/v1/classes/{classId}/qualities/{studentId}", "/api/v1/classes/{5A}/qualities/{student}?period=CK1",
                "{\"ratings\":{\"YEU_NUOC\":\"TOT\"}}", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/classes/{classId}/primary-results", "/api/v1/classes/{5A}/primary-results", "", STAFF_OF_5A),
            new Endpoint(HttpMethod.GET, "/api/v1/students/{studentId}/primary-grades", "/api/v1/students/{student}/primary-grades", "", CLASS_5A),
            // question bank: staff only (students and parents never see a key); a question of school A is hidden (404) from others;
            // its author and school A's admins change it; reviewers of its subject appraise what is offered to the district
            new Endpoint(HttpMethod.POST, "/api/v1/questions", "/api/v1/questions", questionJson("{unique}"), WRITERS_AT_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/questions", "/api/v1/questions?subjectCode=toan&grade=5", "", BANK_USERS),
            new Endpoint(HttpMethod.GET, "/api/v1/questions/{id}", "/api/v1/questions/{question}", "", BANK_USERS),
            new Endpoint(HttpMethod.GET, "/api/v1/questions/{id}/versions", "/api/v1/questions/{question}/versions", "", BANK_USERS),
            new Endpoint(HttpMethod.GET, "/api/v1/questions/{id}/versions/{version}", "/api/v1/questions/{question}/versions/1", "",
                BANK_USERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/questions/{id}", "/api/v1/questions/{question}", questionJson("{unique}"), QUESTION_CHANGERS),
            new Endpoint(HttpMethod.DELETE, "/api/v1/questions/{id}", "/api/v1/questions/{freshQuestion}", "", QUESTION_CHANGERS),
            new Endpoint(HttpMethod.POST, "/api/v1/questions/{id}/district-offer", "/api/v1/questions/{question}/district-offer", "",
                QUESTION_CHANGERS),
            new Endpoint(HttpMethod.POST, "/api/v1/questions/{id}/appraisal", "/api/v1/questions/{pendingQuestion}/appraisal",
                "{\"decision\":\"APPROVE\"}", EnumSet.of(Caller.REVIEWER, Caller.DISTRICT_ADMIN)),
            // question files: teachers and admins of school A import into its bank; question images are for the bank's users
            new Endpoint(HttpMethod.POST, "/api/v1/question-imports/preview", "/api/v1/question-imports/preview?" + QUESTION_IMPORT_PARAMS,
                QUESTION_FILE, WRITERS_AT_SCHOOL_A),
            new Endpoint(HttpMethod.POST, "/api/v1/question-imports", "/api/v1/question-imports?" + QUESTION_IMPORT_PARAMS, QUESTION_FILE,
                WRITERS_AT_SCHOOL_A),
            // blueprints: school A's staff read them (another school is answered 404); its teachers and admins write them
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/blueprints", "/api/v1/schools/{A}/blueprints", BLUEPRINT_JSON,
                EnumSet.of(Caller.TEACHER, Caller.SCHOOL_ADMIN, Caller.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/schools/{schoolId}/blueprints", "/api/v1/schools/{A}/blueprints", "", STAFF_OF_SCHOOL_A),
            new Endpoint(HttpMethod.GET, "/api/v1/blueprints/{id}", "/api/v1/blueprints/{blueprint}", "", BANK_USERS),
            new Endpoint(HttpMethod.GET, "/api/v1/blueprints/{id}/coverage", "/api/v1/blueprints/{blueprint}/coverage", "", BANK_USERS),
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/blueprints/coverage", "/api/v1/schools/{A}/blueprints/coverage",
                BLUEPRINT_JSON, STAFF_OF_SCHOOL_A),
            new Endpoint(HttpMethod.PUT, "/api/v1/blueprints/{id}", "/api/v1/blueprints/{blueprint}", BLUEPRINT_JSON, QUESTION_CHANGERS),
            new Endpoint(HttpMethod.DELETE, "/api/v1/blueprints/{id}", "/api/v1/blueprints/{freshBlueprint}", "", QUESTION_CHANGERS),
            new Endpoint(HttpMethod.GET, "/api/v1/question-exports", "/api/v1/question-exports?version=QTI_2_2&subjectCode=toan", "",
                BANK_USERS),
            new Endpoint(HttpMethod.POST, "/api/v1/question-assets", "/api/v1/question-assets", IMAGE_FILE,
                EnumSet.of(Caller.TEACHER, Caller.SCHOOL_ADMIN, Caller.OTHER_SCHOOL_ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/question-assets/{id}", "/api/v1/question-assets/" + "0".repeat(64) + ".png", "",
                BANK_USERS),
            // test sessions: school A's teachers and admins schedule and proctor them; its students take them
            new Endpoint(HttpMethod.POST, "/api/v1/schools/{schoolId}/test-sessions", "/api/v1/schools/{A}/test-sessions",
                sessionJson(Instant.now().plus(Duration.ofDays(1)), ""), PROCTORS_OF_A),
            new Endpoint(HttpMethod.GET, "/api/v1/schools/{schoolId}/test-sessions", "/api/v1/schools/{A}/test-sessions", "", PROCTORS_OF_A),
            new Endpoint(HttpMethod.GET, "/api/v1/test-sessions/{id}", "/api/v1/test-sessions/{session}", "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.DELETE, "/api/v1/test-sessions/{id}", "/api/v1/test-sessions/{freshSession}", "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/api/v1/my/test-sessions", "/api/v1/my/test-sessions", "", STUDENTS),
            new Endpoint(HttpMethod.GET, "/api/v1/test-sessions/{id}/printed-versions", "/api/v1/test-sessions/{session}/printed-versions", "",
                PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.POST, "/api/v1/test-sessions/{sessionId}/attempt", "/api/v1/test-sessions/{session}/attempt", "{}", STUDENTS),
            new Endpoint(HttpMethod.GET, "/api/v1/attempts/{attemptId}", "/api/v1/attempts/{attempt}", "", STUDENTS),
            new Endpoint(HttpMethod.PUT, "/api/v1/attempts/{attemptId}/answers/{number}", "/api/v1/attempts/{attempt}/answers/1",
                "{\"seq\":1,\"response\":{\"selected\":[\"A\"]}}", STUDENTS),
            new Endpoint(HttpMethod.POST, "/api/v1/attempts/{attemptId}/answers", "/api/v1/attempts/{attempt}/answers",
                "{\"answers\":[{\"number\":1,\"seq\":1,\"response\":{\"selected\":[\"A\"]}}]}", STUDENTS),
            new Endpoint(HttpMethod.POST, "/api/v1/attempts/{attemptId}/submit", "/api/v1/attempts/{attempt}/submit", "", STUDENTS),
            new Endpoint(HttpMethod.POST, "/api/v1/attempts/{attemptId}/ping", "/api/v1/attempts/{attempt}/ping", "", STUDENTS),
            new Endpoint(HttpMethod.POST, "/api/v1/attempts/{attemptId}/events", "/api/v1/attempts/{attempt}/events",
                "{\"type\":\"FOCUS_LOST\"}", STUDENTS),
            new Endpoint(HttpMethod.GET, "/api/v1/test-sessions/{id}/progress", "/api/v1/test-sessions/{session}/progress", "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/api/v1/test-sessions/{id}/progress/stream", "/api/v1/test-sessions/{session}/progress/stream", "",
                PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/api/v1/test-sessions/{id}/events", "/api/v1/test-sessions/{session}/events", "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.POST, "/api/v1/test-sessions/{id}/pause", "/api/v1/test-sessions/{session}/pause",
                "{\"studentId\":\"nobody\"}", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.POST, "/api/v1/test-sessions/{id}/resume", "/api/v1/test-sessions/{session}/resume",
                "{\"studentId\":\"nobody\"}", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.POST, "/api/v1/test-sessions/{id}/extra-time", "/api/v1/test-sessions/{session}/extra-time",
                "{\"studentId\":\"nobody\",\"minutes\":5}", PROCTORS_AND_OTHERS),
            // grading and results: the session's proctors; a student (or their parent) reads their own result once released
            new Endpoint(HttpMethod.PUT, "/api/v1/attempts/{attemptId}/items/{number}/grade", "/api/v1/attempts/{attempt}/items/1/grade",
                "{\"points\":1}", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.POST, "/api/v1/test-sessions/{id}/regrade", "/api/v1/test-sessions/{session}/regrade",
                "{\"questionId\":\"" + questionId + "\"}", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.POST, "/api/v1/test-sessions/{id}/release", "/api/v1/test-sessions/{session}/release", "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/api/v1/test-sessions/{id}/results", "/api/v1/test-sessions/{session}/results", "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/api/v1/test-sessions/{id}/item-analysis", "/api/v1/test-sessions/{session}/item-analysis", "",
                PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/api/v1/test-sessions/{id}/results/export", "/api/v1/test-sessions/{session}/results/export?format=CSV",
                "", PROCTORS_AND_OTHERS),
            new Endpoint(HttpMethod.GET, "/api/v1/attempts/{attemptId}/assets/{assetId}", "/api/v1/attempts/{attempt}/assets/"
                + "0000000000000000000000000000000000000000000000000000000000000000.png", "", STUDENTS),
            new Endpoint(HttpMethod.GET, "/api/v1/attempts/{attemptId}/result", "/api/v1/attempts/{attempt}/result", "",
                EnumSet.of(Caller.STUDENT, Caller.PARENT)));
    }

    /** A test of class 5A over the blueprint, opening at {@code opensAt}; {@code extra} adds JSON fields. */
    private String sessionJson(Instant opensAt, String extra) {
        return "{\"title\":\"Kiểm tra giữa kỳ I – Toán 5\",\"kind\":\"MID_TERM\",\"term\":1,\"blueprintId\":\"" + blueprintId
            + "\",\"papers\":\"PER_STUDENT\",\"versions\":1,\"opensAt\":\"" + opensAt + "\",\"closesAt\":\""
            + opensAt.plus(Duration.ofHours(2)) + "\",\"durationMinutes\":45,\"endsWithWindow\":false,\"classIds\":[\"" + class5a.id()
            + "\"]" + extra + "}";
    }

    /** A session of school A scheduled by the 5A teacher; its id. */
    private String testSession(Instant opensAt, String extra) {
        return web.post().uri("/api/v1/schools/" + schoolA + "/test-sessions").headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER))))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(sessionJson(opensAt, extra)).exchange()
            .expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
    }

    /** The student starts (or resumes) a session; the attempt's id and device token. */
    private Map<?, ?> start(String session, String username) {
        return web.post().uri("/api/v1/test-sessions/" + session + "/attempt").headers(h -> h.setBearerAuth(token(username)))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().is2xxSuccessful()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A single-choice question of Toán 5 for school A, its stem made unique by {@code stem}. */
    private String questionJson(String stem) {
        return "{\"schoolId\":\"" + schoolA + "\",\"subjectCode\":\"toan\",\"grade\":5,\"topic\":\"Phân số\",\"level\":\"BIET\","
            + "\"content\":{\"type\":\"SINGLE_CHOICE\",\"stem\":\"Câu " + stem + "\",\"options\":[{\"key\":\"A\",\"content\":\"1\"},"
            + "{\"key\":\"B\",\"content\":\"2\"}],\"correct\":\"A\",\"fixedOrder\":false}}";
    }

    /** A blueprint of school A, written by the 5A teacher. */
    private String blueprint() {
        return web.post().uri("/api/v1/schools/" + schoolA + "/blueprints").headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER))))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(BLUEPRINT_JSON).exchange()
            .expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
    }

    /** A question written by the 5A teacher. */
    private String question() {
        return web.post().uri("/api/v1/questions").headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER))))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(questionJson(UUID.randomUUID().toString())).exchange()
            .expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
    }

    private String itemJson(String scope, String classIds) {
        return "{\"schoolId\":\"" + schoolA + "\",\"scope\":\"" + scope + "\",\"classIds\":" + classIds + ",\"metadata\":{\"title\":"
            + "\"Phân số\",\"subjectCode\":\"toan\",\"grades\":[5],\"kind\":\"E_LECTURE\",\"licence\":\"CC_BY_4_0\"}}";
    }

    /** A library item made by the 5A teacher. */
    private String libraryItem(String scope, String classIds) {
        return web.post().uri("/api/v1/library/items").headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER))))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(itemJson(scope, classIds.replace("{5A}", class5a.id()))).exchange()
            .expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
    }

    private static String base64(String value) {
        return java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    void callers() {
        usernames.put(Caller.STUDENT, account(Grant.atSchool(Role.STUDENT, schoolA)));
        usernames.put(Caller.PARENT, account(Grant.atSchool(Role.PARENT, schoolA)));
        usernames.put(Caller.TEACHER, account(Grant.atSchool(Role.TEACHER, schoolA)));
        usernames.put(Caller.REVIEWER, account(new Grant(Role.REVIEWER, schoolA, "toan")));
        usernames.put(Caller.SCHOOL_ADMIN, account(Grant.atSchool(Role.SCHOOL_ADMIN, schoolA)));
        usernames.put(Caller.OTHER_SCHOOL_ADMIN, account(Grant.atSchool(Role.SCHOOL_ADMIN, schoolB)));
        usernames.put(Caller.DISTRICT_ADMIN, account(Grant.district()));
        otherStudent = account(Grant.atSchool(Role.STUDENT, schoolA));
        otherStudentId = idOf(otherStudent);
        usernames.forEach((caller, username) -> ids.put(caller, idOf(username)));

        // school A in 2026–2027: the teacher is 5A's homeroom teacher, the student is in 5A with their parent linked;
        // the other student is in 5B
        Duration wait = Duration.ofSeconds(30);
        schools.create(schoolA, "Trường Tiểu học và THCS A", School.Level.PRIMARY_AND_LOWER_SECONDARY).block(wait);
        schools.openYear(schoolA, 2026, null).block(wait);
        class5a = schools.openClass(schoolA, 2026, "5A").block(wait);
        class5b = schools.openClass(schoolA, 2026, "5B").block(wait);
        schools.assignHomeroomTeacher(class5a.id(), ids.get(Caller.TEACHER)).block(wait);
        class7a = schools.openClass(schoolA, 2026, "7A").block(wait);
        schools.assignHomeroomTeacher(class7a.id(), ids.get(Caller.TEACHER)).block(wait);
        students.insertImported(List.of(
            Students.importedStudent(ids.get(Caller.STUDENT), schoolA, "M" + UUID.randomUUID().toString().substring(0, 8), LocalDate.of(2015, 5, 1),
                Student.Gender.MALE, "matrix", Instant.now()),
            Students.importedStudent(otherStudentId, schoolA, "M" + UUID.randomUUID().toString().substring(0, 8), LocalDate.of(2015, 6, 1),
                Student.Gender.FEMALE, "matrix", Instant.now())), List.of()).block(wait);
        students.enrol(ids.get(Caller.STUDENT), class5a.id()).block(wait);
        students.enrol(otherStudentId, class5b.id()).block(wait);
        students.linkGuardian(ids.get(Caller.PARENT), ids.get(Caller.STUDENT)).block(wait);
        importId = multipart(web.post().uri("/api/v1/schools/" + schoolA + "/years/2026/class-list-imports")
                .headers(h -> h.setBearerAuth(token(usernames.get(Caller.SCHOOL_ADMIN)))))
            .exchange().expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
        libraryItems();
        questionId = question();
        blueprintId = blueprint();
        pendingQuestionId = question();
        web.post().uri("/api/v1/questions/" + pendingQuestionId + "/district-offer").headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER))))
            .exchange().expectStatus().isOk();
        question();
        question();
        sessionId = testSession(Instant.now().minus(Duration.ofMinutes(1)), "");
        attemptId = String.valueOf(start(sessionId, usernames.get(Caller.STUDENT)).get("id"));
        gradebookId = String.valueOf(web.get().uri("/api/v1/classes/" + class7a.id() + "/gradebooks/toan?term=1")
            .headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER)))).exchange().expectStatus().isOk().expectBody(Map.class)
            .returnResult().getResponseBody().get("id"));
        primaryBookId = String.valueOf(web.get().uri("/api/v1/classes/" + class5a.id() + "/primary-books/toan")
            .headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER)))).exchange().expectStatus().isOk().expectBody(Map.class)
            .returnResult().getResponseBody().get("id"));
        assignmentId = assignment();
        web.post().uri("/api/v1/assignments/" + assignmentId + "/publish").headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER))))
            .exchange().expectStatus().isOk();
        lesson = web.post().uri("/api/v1/lessons/" + lesson() + "/publish").headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER))))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** An assignment of Toán for 5A, open since an hour ago and due tomorrow. */
    private static String assignmentJson() {
        return "{\"subjectCode\":\"toan\",\"title\":\"Bài tập tuần 12\",\"instructions\":\"<p>Làm bài 1–3.</p>\",\"opensAt\":\""
            + Instant.now().minus(Duration.ofHours(1)) + "\",\"dueAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}";
    }

    /** A draft assignment of 5A set by its teacher; its id. */
    private String assignment() {
        return web.post().uri("/api/v1/classes/" + class5a.id() + "/assignments").headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER))))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(assignmentJson()).exchange()
            .expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
    }

    /** A draft lesson of 5A written by its teacher; its id. */
    private String lesson() {
        return web.post().uri("/api/v1/classes/" + class5a.id() + "/lessons").headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER))))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(LESSON_JSON.replace("{question}", questionId)).exchange()
            .expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
    }

    /** The id of the published lesson's block {@code index}. */
    private String lessonBlock(int index) {
        return String.valueOf(((Map<?, ?>) ((List<?>) lesson.get("blocks")).get(index)).get("id"));
    }

    /** Items and an upload of the 5A teacher; after the callers exist. */
    private void libraryItems() {
        classItem = libraryItem("CLASS", "[\"{5A}\"]");
        privateItem = libraryItem("PRIVATE", "[]");
        districtItem = libraryItem("DISTRICT", "[]");
        String location = web.post().uri("/api/v1/library/uploads").headers(h -> {
            h.setBearerAuth(token(usernames.get(Caller.TEACHER)));
            h.set("Tus-Resumable", "1.0.0");
            h.set("Upload-Length", "100");
            h.set("Upload-Metadata", "itemId " + base64(classItem));
        }).exchange().expectStatus().isCreated().returnResult(Void.class).getResponseHeaders().getLocation().toString();
        uploadId = location.substring(location.lastIndexOf('/') + 1);
    }

    private String idOf(String username) {
        return web.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token(username))).exchange()
            .expectStatus().isOk().expectBody(Me.class).returnResult().getResponseBody().accountId();
    }

    /** A one-student class list of class 5A, as a school's software exports it. */
    private static WebTestClient.RequestHeadersSpec<?> multipart(WebTestClient.RequestBodySpec request) {
        String csv = "STT,Họ và tên,Ngày sinh,Giới tính,Lớp,Mã định danh\n1,Nguyễn Thị Ma Trận,01/02/2015,Nữ,5A,"
            + "9" + String.valueOf(System.nanoTime()).substring(4) + "\n";
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "lop-5a.csv";
            }
        });
        return request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()));
    }

    /** A 1×1 PNG. */
    private static WebTestClient.RequestHeadersSpec<?> imageFile(WebTestClient.RequestBodySpec request) {
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(png) {
            @Override
            public String getFilename() {
                return "hinh.png";
            }
        });
        return request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()));
    }

    /** A one-question Aiken file. */
    private static WebTestClient.RequestHeadersSpec<?> questionFile(WebTestClient.RequestBodySpec request) {
        String aiken = "Phân số nào bằng 1/2?\nA. 2/4\nB. 2/3\nC. 3/4\nD. 1/3\nANSWER: A\n";
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(aiken.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "cau-hoi.txt";
            }
        });
        return request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()));
    }

    record Me(String accountId) {
    }

    record Created(String id) {
    }

    record Issued(String token) {
    }

    private String account(Grant grant) {
        String username = "m" + UUID.randomUUID().toString().substring(0, 10);
        StepVerifier.create(accountService.create(username, "Phạm Thị Ma Trận", List.of(grant), PASSWORD, false))
            .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        return username;
    }

    /** A fresh token per call, since some calls end the caller's session. */
    private String token(String username) {
        return web.post().uri("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"matrix\"}")
            .exchange().expectStatus().isCreated().expectBody(Issued.class).returnResult().getResponseBody().token();
    }

    private WebTestClient.ResponseSpec save(Map<?, ?> attempt, String username) {
        return web.put().uri("/api/v1/attempts/" + attempt.get("id") + "/answers/1").headers(h -> h.setBearerAuth(token(username)))
            .header("X-Attempt-Device", String.valueOf(attempt.get("device"))).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"seq\":" + System.nanoTime() + ",\"response\":{\"selected\":[\"A\"]}}").exchange();
    }

    private static void problem(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status).expectBody().jsonPath("$.type").isEqualTo("/problems/" + type);
    }

    @Test
    void aStudentSeesNoKeyBeforeReleaseReadsNoOtherAttemptAndStartsAndSavesOnlyInsideTheWindowAndTheNetwork() throws Exception {
        String student = usernames.get(Caller.STUDENT);
        String otherStudent = account(Grant.atSchool(Role.STUDENT, schoolA));
        String session = testSession(Instant.now().minus(Duration.ofMinutes(10)), ",\"lateStartMinutes\":30");
        Map<?, ?> attempt = start(session, student);
        String shown = web.get().uri("/api/v1/attempts/" + attempt.get("id")).headers(h -> h.setBearerAuth(token(student))).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(shown).doesNotContain("\"correct\"").doesNotContain("\"pairs\"").doesNotContain("\"accepted\"");
        problem(web.get().uri("/api/v1/attempts/" + attempt.get("id") + "/result").headers(h -> h.setBearerAuth(token(student))).exchange(),
            409, "results-not-released");
        // Another student of the school (not taking it) can neither start it nor read, save or submit this attempt.
        problem(web.post().uri("/api/v1/test-sessions/" + session + "/attempt").headers(h -> h.setBearerAuth(token(otherStudent)))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), 404, "test-session-not-found");
        problem(web.get().uri("/api/v1/attempts/" + attempt.get("id")).headers(h -> h.setBearerAuth(token(otherStudent))).exchange(),
            404, "attempt-not-found");
        problem(save(attempt, otherStudent), 404, "attempt-not-found");
        problem(web.get().uri("/api/v1/attempts/" + attempt.get("id") + "/result").headers(h -> h.setBearerAuth(token(otherStudent))).exchange(),
            404, "attempt-not-found");
        save(attempt, student).expectStatus().isOk();

        // Outside the window, or from outside the allowed range.
        problem(web.post().uri("/api/v1/test-sessions/" + testSession(Instant.now().plus(Duration.ofHours(1)), "") + "/attempt")
            .headers(h -> h.setBearerAuth(token(student))).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(),
            409, "test-session-not-open");
        problem(web.post().uri("/api/v1/test-sessions/" + testSession(Instant.now().minus(Duration.ofMinutes(30)), ",\"lateStartMinutes\":10")
            + "/attempt").headers(h -> h.setBearerAuth(token(student))).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(),
            409, "test-session-start-closed");
        problem(web.post().uri("/api/v1/test-sessions/" + testSession(Instant.now().minus(Duration.ofMinutes(1)),
                ",\"allowedNetworks\":[\"10.0.0.0/8\"]") + "/attempt")
            .headers(h -> h.setBearerAuth(token(student))).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(),
            403, "test-session-network");

        // After the time is up (the window closes 3 s from now and cuts the time; 5 s of grace), nothing more is saved.
        String closing = web.post().uri("/api/v1/schools/" + schoolA + "/test-sessions")
            .headers(h -> h.setBearerAuth(token(usernames.get(Caller.TEACHER)))).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(sessionJson(Instant.now().minus(Duration.ofMinutes(10)), "").replace("\"endsWithWindow\":false", "\"endsWithWindow\":true")
                .replaceFirst("\"closesAt\":\"[^\"]+\"", "\"closesAt\":\"" + Instant.now().plusSeconds(3) + "\""))
            .exchange().expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
        Map<?, ?> late = start(closing, student);
        save(late, student).expectStatus().isOk();
        Thread.sleep(9_000);
        // Refused as late, whether or not the time-up round has handed it in already.
        save(late, student).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("/problems/attempt-time-up");
    }

    @Test
    void everyEndpointTheApplicationServesIsInTheMatrix() {
        Set<String> served = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Set<String> patterns = info.getPatternsCondition().getPatterns().stream()
                    .map(Object::toString).collect(java.util.stream.Collectors.toSet());
                Set<?> methods = info.getMethodsCondition().getMethods();
                for (String pattern : patterns) {
                    if (methods.isEmpty()) {
                        served.add("GET " + pattern);
                    }
                    methods.forEach(method -> served.add(method + " " + pattern));
                }
            }));
        Set<String> named = new TreeSet<>(matrix().stream().map(Endpoint::key).toList());
        assertThat(named).as("endpoints served but missing from the authorization matrix").containsAll(served);
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsExactlyTheAccessTheMatrixGives() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : matrix()) {
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint.key() + " as " + caller, () -> check(endpoint, caller)));
            }
        }
        return tests.stream();
    }

    private void check(Endpoint endpoint, Caller caller) {
        String uri = endpoint.uri().replace("{other}", otherStudentId).replace("{student}", ids.get(Caller.STUDENT))
            .replace("{5A}", class5a.id()).replace("{5B}", class5b.id()).replace("{import}", importId)
            .replace("{classItem}", classItem).replace("{privateItem}", privateItem).replace("{districtItem}", districtItem)
            .replace("{upload}", uploadId);
        uri = uri.replace("{A}", schoolA).replace("{question}", questionId).replace("{pendingQuestion}", pendingQuestionId);
        uri = uri.replace("{blueprint}", blueprintId).replace("{session}", sessionId).replace("{attempt}", attemptId);
        if (uri.contains("{freshSession}")) {
            uri = uri.replace("{freshSession}", testSession(Instant.now().plus(Duration.ofDays(1)), ""));
        }
        if (uri.contains("{freshBlueprint}")) {
            uri = uri.replace("{freshBlueprint}", blueprint());
        }
        if (uri.contains("{freshQuestion}")) {
            uri = uri.replace("{freshQuestion}", question());
        }
        uri = uri.replace("{lesson}", String.valueOf(lesson.get("id"))).replace("{quizBlock}", lessonBlock(1)).replace("{liveBlock}", lessonBlock(2));
        uri = uri.replace("{assignment}", assignmentId).replace("{7A}", class7a.id()).replace("{gradebook}", gradebookId)
            .replace("{primaryBook}", primaryBookId);
        if (uri.contains("{freshAssignment}")) {
            uri = uri.replace("{freshAssignment}", assignment());
        }
        if (uri.contains("{freshLesson}")) {
            uri = uri.replace("{freshLesson}", lesson());
        }
        if (uri.contains("{freshItem}")) {
            uri = uri.replace("{freshItem}", libraryItem("CLASS", "[\"{5A}\"]"));
        }
        String body = endpoint.body().replace("{unique}", UUID.randomUUID().toString().substring(0, 8)).replace("{5A}", class5a.id())
            .replace("{question}", questionId).replace("{student}", ids.get(Caller.STUDENT));
        WebTestClient.RequestBodySpec request = web.method(endpoint.method()).uri(uri);
        if (caller != Caller.ANONYMOUS) {
            String token = token(usernames.get(caller));
            request.headers(h -> h.setBearerAuth(token));
        }
        if (body.equals(TUS_CREATE)) {
            request.headers(h -> {
                h.set("Tus-Resumable", "1.0.0");
                h.set("Upload-Length", "100");
                h.set("Upload-Metadata", "itemId " + base64(classItem));
            });
        }
        WebTestClient.RequestHeadersSpec<?> ready = body.isEmpty() || body.equals(TUS_CREATE) ? request
            : body.equals(CLASS_LIST_FILE) ? multipart(request)
            : body.equals(QUESTION_FILE) ? questionFile(request)
            : body.equals(IMAGE_FILE) ? imageFile(request)
            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        var result = ready.exchange().returnResult(String.class);
        int status = result.getStatus().value();
        Function<Integer, String> describe = s -> endpoint.key() + " as " + caller + " answered " + s;
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy")).as(describe.apply(status) + ", with a CSP").isNotBlank();
        if (endpoint.allowed().contains(caller)) {
            assertThat(status).as(describe.apply(status)).isNotIn(401, 403);
        } else {
            assertThat(status).as(describe.apply(status)).isEqualTo(caller == Caller.ANONYMOUS ? 401 : 403);
            assertThat(result.getResponseHeaders().getContentType()).as(describe.apply(status) + ", as a problem detail")
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
