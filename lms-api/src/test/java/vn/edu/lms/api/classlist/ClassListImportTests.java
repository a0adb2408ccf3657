package vn.edu.lms.api.classlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import vn.edu.lms.api.account.Names;
import vn.edu.lms.api.classlist.file.ClassListFixtures;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Student;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/** A school's class lists going in from the files schools export, all or nothing, and coming back out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=100000", "lms.class-list.lease=2s", "lms.class-list.recovery-every=1h" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import(ApiTestConfiguration.class)
class ClassListImportTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSchools schools;

    @Autowired
    ClassListImports imports;

    @Autowired
    Students students;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Clock clock;

    private String schoolId;
    private SchoolClass class5a;
    private TestAccounts.Caller admin;

    @BeforeEach
    void school() {
        schoolId = schools.school(School.Level.PRIMARY);
        class5a = schools.schoolClass(schoolId, "5A");
        schools.schoolClass(schoolId, "5B");
        admin = accounts.caller(web, "Lê Thị Quản Trị", List.of(Grant.atSchool(Role.SCHOOL_ADMIN, schoolId)));
    }

    /** The fixture's 45 students with identifiers no other test uses (identifiers are unique in the district). */
    static List<String[]> freshStudents() {
        String prefix = String.valueOf(ThreadLocalRandom.current().nextLong(100_000, 999_999));
        List<String[]> rows = ClassListFixtures.students();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[4] = prefix + String.format("%06d", i);
        }
        return rows;
    }

    record Problem(int row, String column, String reason) {
    }

    record Preview(String id, String state, int rowCount, Map<String, Map<String, Integer>> classes, List<Problem> problems,
            String failure) {
    }

    record Entry(int number, String studentId, String fullName, String dateOfBirth, String identifier, String username,
            boolean mustChangePassword) {
    }

    private WebTestClient.ResponseSpec upload(String token, Resource file, String query) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", file).filename(file.getFilename() == null ? "danh-sach.csv" : file.getFilename());
        return web.post().uri("/api/v1/schools/" + schoolId + "/years/" + TestSchools.YEAR + "/class-list-imports" + query)
            .headers(h -> h.setBearerAuth(token)).contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private Preview preview(byte[] file, String name) {
        return upload(admin.token(), named(file, name), "").expectStatus().isCreated()
            .expectBody(Preview.class).returnResult().getResponseBody();
    }

    private Preview commit(String importId) {
        var result = web.post().uri("/api/v1/class-list-imports/" + importId + "/commit").headers(h -> h.setBearerAuth(admin.token()))
            .exchange().expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(200);
        return new tools.jackson.databind.json.JsonMapper().readValue(result.getResponseBody(), Preview.class);
    }

    private List<Entry> roster(SchoolClass schoolClass) {
        return web.get().uri("/api/v1/classes/" + schoolClass.id() + "/students").headers(h -> h.setBearerAuth(admin.token()))
            .exchange().expectStatus().isOk().expectBodyList(Entry.class).returnResult().getResponseBody();
    }

    private static Resource named(byte[] bytes, String name) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    @Test
    void aCsvClassListOf45ImportsInOneGoAndComesBackSortedByGivenName() {
        List<String[]> rows = freshStudents();
        Preview preview = preview(ClassListFixtures.csv(rows, true), "lop-5a.csv");
        assertThat(preview.state()).isEqualTo("PREVIEWED");
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.classes()).containsOnlyKeys("5A");
        assertThat(preview.classes().get("5A")).containsEntry("create", 45);
        assertThat(roster(class5a)).as("a preview writes nothing").isEmpty();

        assertThat(commit(preview.id()).state()).isEqualTo("APPLIED");

        List<Entry> roster = roster(class5a);
        assertThat(roster).hasSize(45);
        List<String> expected = rows.stream().map(r -> r[0]).sorted(Names.CLASS_LIST_ORDER).toList();
        assertThat(roster).extracting(Entry::fullName).containsExactlyElementsOf(expected);
        assertThat(roster).extracting(Entry::number).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 45).boxed().toList());
        assertThat(roster.get(0).fullName()).as("given name first: 'An' before 'Anh'").endsWith(" An");
        assertThat(roster).allSatisfy(entry -> assertThat(entry.username()).matches("[a-z]+\\.[0-9a-z]{4}[a-z0-9]*"));
    }

    @Test
    void namesakesWhoseIdentifiersEndAlikeEachGetTheirOwnUsernameHoweverManyImportsBringThem() {
        String prefix = String.valueOf(ThreadLocalRandom.current().nextLong(100_000, 999_999));
        Set<String> usernames = new HashSet<>();
        for (int file = 0; file < 8; file++) {
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rows.add(new String[] {"Vũ Văn Nam", "02/03/2015", "Nam", "5A", prefix + file + i + "4242"});
            }
            Preview preview = preview(ClassListFixtures.csv(rows, true), "lop-5a-" + file + ".csv");
            assertThat(commit(preview.id()).state()).as("import %d of 3 namesakes", file + 1).isEqualTo("APPLIED");
        }
        roster(class5a).stream().filter(entry -> entry.fullName().equals("Vũ Văn Nam")).forEach(entry -> usernames.add(entry.username()));
        assertThat(usernames).hasSize(24).contains("namvv.4242", "namvv.4242a", "namvv.4242w");
    }

    @Test
    void theSameListAsXlsxImportedAgainCreatesNoDuplicates() {
        List<String[]> rows = freshStudents();
        commit(preview(ClassListFixtures.csv(rows, false), "lop-5a.csv").id());
        Preview again = preview(ClassListFixtures.xlsx(rows), "lop-5a.xlsx");
        assertThat(again.problems()).isEmpty();
        assertThat(again.classes().get("5A")).containsEntry("create", 0).containsEntry("unchanged", 45);
        commit(again.id());
        assertThat(roster(class5a)).hasSize(45);
    }

    @Test
    void anXlsxClassListOf45ImportsAndSortsTheSameWay() {
        List<String[]> rows = freshStudents();
        assertThat(commit(preview(ClassListFixtures.xlsx(rows), "lop-5a.xlsx").id()).state()).isEqualTo("APPLIED");
        assertThat(roster(class5a)).extracting(Entry::fullName)
            .containsExactlyElementsOf(rows.stream().map(r -> r[0]).sorted(Names.CLASS_LIST_ORDER).toList());
    }

    @Test
    void oneBadDateImportsNothingAndNamesRowAndColumn() {
        List<String[]> rows = freshStudents();
        rows.get(9)[1] = "31/02/2015";
        Preview preview = preview(ClassListFixtures.csv(rows, true), "lop-5a.csv");
        assertThat(preview.state()).isEqualTo("INVALID");
        // five title rows, then row 6 is the first student: the tenth student is on row 15
        assertThat(preview.problems()).containsExactly(new Problem(15, "Ngày sinh",
            "Ngày sinh '31/02/2015' không hợp lệ; hãy ghi theo dạng ngày/tháng/năm, ví dụ 05/09/2015."));
        web.post().uri("/api/v1/class-list-imports/" + preview.id() + "/commit").headers(h -> h.setBearerAuth(admin.token()))
            .exchange().expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.type").isEqualTo("/problems/class-list-has-problems");
        assertThat(roster(class5a)).isEmpty();
        assertThat(students.byIdentifiers(rows.stream().map(r -> r[4]).toList()).collectList().block(WAIT)).isEmpty();
    }

    @Test
    void problemsAreReportedInEnglishOnRequest() {
        List<String[]> rows = freshStudents();
        rows.get(0)[2] = "X";
        rows.get(1)[3] = "9Z";
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", named(ClassListFixtures.csv(rows, true), "a.csv"));
        Preview preview = web.post().uri("/api/v1/schools/" + schoolId + "/years/" + TestSchools.YEAR + "/class-list-imports")
            .headers(h -> h.setBearerAuth(admin.token())).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
            .exchange().expectStatus().isCreated().expectBody(Preview.class).returnResult().getResponseBody();
        assertThat(preview.problems()).containsExactly(
            new Problem(6, "Giới tính", "Gender 'X' is not valid; write Nam or Nữ."),
            new Problem(7, "Lớp", "The school year has no class '9Z'."));
    }

    @Test
    void theCredentialSheetGivesPasswordsThatSignInAndMustBeChanged() throws IOException {
        List<String[]> rows = freshStudents();
        commit(preview(ClassListFixtures.csv(rows, true), "lop-5a.csv").id());
        byte[] xlsx = web.post().uri("/api/v1/classes/" + class5a.id() + "/credential-sheet?format=xlsx")
            .headers(h -> h.setBearerAuth(admin.token())).exchange().expectStatus().isOk()
            .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment;.*tai-khoan-lop-5A.xlsx.*")
            .expectBody(byte[].class).returnResult().getResponseBody();
        List<String[]> sheet = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet first = workbook.getSheetAt(0);
            for (Row row : first) {
                if (row.getCell(3) != null && row.getCell(3).getStringCellValue().contains(".")) {
                    sheet.add(new String[] { row.getCell(1).getStringCellValue(), row.getCell(3).getStringCellValue(),
                        row.getCell(4).getStringCellValue() });
                }
            }
        }
        assertThat(sheet).hasSize(45);
        String[] first = sheet.get(0);
        assertThat(first[0]).isEqualTo(roster(class5a).get(0).fullName());
        web.post().uri("/api/v1/auth/session").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + first[1] + "\",\"password\":\"" + first[2] + "\"}").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.mustChangePassword").isEqualTo(true);

        byte[] pdf = web.post().uri("/api/v1/classes/" + class5a.id() + "/credential-sheet?format=pdf")
            .headers(h -> h.setBearerAuth(admin.token())).exchange().expectStatus().isOk()
            .expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(first[0], first[1], "Lớp 5A");
        }
        web.post().uri("/api/v1/auth/session").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + first[1] + "\",\"password\":\"" + first[2] + "\"}").exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void anAppliedImportCanBeUndoneAndAppliedAgain() {
        Preview preview = preview(ClassListFixtures.csv(freshStudents(), true), "lop-5a.csv");
        commit(preview.id());
        web.delete().uri("/api/v1/class-list-imports/" + preview.id()).headers(h -> h.setBearerAuth(admin.token()))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("UNDONE");
        assertThat(roster(class5a)).isEmpty();
        assertThat(commit(preview.id()).state()).isEqualTo("APPLIED");
        assertThat(roster(class5a)).hasSize(45);
    }

    @Test
    void anImportInterruptedMidwayIsRemovedWholeByRecovery() {
        Preview preview = preview(ClassListFixtures.csv(freshStudents(), true), "lop-5a.csv");
        commit(preview.id());
        // what a process that died midway leaves: its writes, the import APPLYING, its lease run out
        mongo.updateFirst(Query.query(Criteria.where("_id").is(preview.id())), new org.springframework.data.mongodb.core.query.Update()
            .set("state", "APPLYING").set("owner", "a-dead-process").set("leaseUntil", clock.instant().minusSeconds(5)),
            ClassListImport.class).block(WAIT);
        mongo.remove(Query.query(Criteria.where("importId").is(preview.id())).limit(10), Student.class).block(WAIT);

        assertThat(imports.recoverInterrupted().collectList().block(WAIT)).extracting(ClassListImport::id).contains(preview.id());

        Preview after = web.get().uri("/api/v1/class-list-imports/" + preview.id()).headers(h -> h.setBearerAuth(admin.token()))
            .exchange().expectStatus().isOk().expectBody(Preview.class).returnResult().getResponseBody();
        assertThat(after.state()).isEqualTo("UNDONE");
        assertThat(after.failure()).contains("gián đoạn");
        assertThat(roster(class5a)).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("importId").is(preview.id())), "accounts").block(WAIT)).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("importId").is(preview.id())), "enrolments").block(WAIT)).isZero();
    }

    @Test
    void aHomeroomTeacherImportsIntoTheirOwnClassOnly() {
        TestAccounts.Caller teacher = accounts.caller(web, "Vũ Thị Chủ Nhiệm", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
        web.put().uri("/api/v1/classes/" + class5a.id() + "/homeroom-teacher").headers(h -> h.setBearerAuth(admin.token()))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("teacherId", teacher.id())).exchange().expectStatus().isOk();
        byte[] file = ClassListFixtures.csv(freshStudents(), true);
        upload(teacher.token(), named(file, "lop-5a.csv"), "").expectStatus().isForbidden();
        String other = schools.schoolClass(schoolId, "5C").id();
        upload(teacher.token(), named(file, "lop-5a.csv"), "?classId=" + other).expectStatus().isForbidden();
        Preview preview = upload(teacher.token(), named(file, "lop-5a.csv"), "?classId=" + class5a.id()).expectStatus().isCreated()
            .expectBody(Preview.class).returnResult().getResponseBody();
        web.post().uri("/api/v1/class-list-imports/" + preview.id() + "/commit").headers(h -> h.setBearerAuth(teacher.token()))
            .exchange().expectStatus().isOk();
        assertThat(roster(class5a)).hasSize(45);
    }

    @Test
    void aMillionRowCsvIsRefusedWithAClearProblem(@TempDir Path dir) {
        Path million = ClassListFixtures.millionRowCsv(dir);
        upload(admin.token(), new FileSystemResource(million), "").expectStatus().isEqualTo(413)
            .expectBody().jsonPath("$.type").isEqualTo("/problems/class-list-too-large")
            .jsonPath("$.detail").isEqualTo("Tệp danh sách lớp không được vượt quá 10 MB.");
    }

    @Test
    void aZipBombRenamedXlsxIsRefusedAndTheServerKeepsServing() {
        upload(admin.token(), named(ClassListFixtures.zipBombXlsx(), "lop-5a.xlsx"), "").expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.type").isEqualTo("/problems/class-list-unreadable");
        assertThat(preview(ClassListFixtures.csv(freshStudents(), true), "lop-5a.csv").state()).isEqualTo("PREVIEWED");
    }

    @Test
    void exportedClassListsNeutraliseFormulas() {
        List<String[]> rows = freshStudents();
        commit(preview(ClassListFixtures.csv(rows, true), "lop-5a.csv").id());
        byte[] csv = web.get().uri("/api/v1/classes/" + class5a.id() + "/students.csv").headers(h -> h.setBearerAuth(admin.token()))
            .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFSTT,Họ và tên");
        assertThat(text.lines()).hasSize(46);
        // a name that is a formula never gets in: the import refuses it
        rows = freshStudents();
        rows.get(0)[0] = "=HYPERLINK(\"http://x\",\"Bấm\")";
        assertThat(preview(ClassListFixtures.csv(rows, true), "x.csv").problems()).extracting(Problem::column).containsExactly("Họ và tên");
    }
}
