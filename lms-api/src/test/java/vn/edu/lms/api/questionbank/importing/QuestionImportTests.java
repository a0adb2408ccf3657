package vn.edu.lms.api.questionbank.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import vn.edu.lms.api.school.School;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.questionbank.importing.qti.QtiSamples;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/** Teachers import the sample banks of every format through the API: all or nothing, never twice, images kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=100000" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import(ApiTestConfiguration.class)
class QuestionImportTests {

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
        teacher = accounts.caller(web, "Vũ Thị Nhập", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
    }

    /**
     * A sample file. The QTI package is kept as a directory: "qti-package-toan-7.zip" is it zipped
     * without its hotspot question (not supported), "qti-package-with-error.zip" with it.
     */
    static byte[] sample(String name) {
        if (name.startsWith("qti-package")) {
            try {
                Map<String, byte[]> files = new java.util.LinkedHashMap<>(QtiSamples.packageFiles());
                if (!name.contains("error")) {
                    files.remove("items/cau-09-diem-anh.xml");
                    files.computeIfPresent("imsmanifest.xml", (path, manifest) -> new String(manifest, java.nio.charset.StandardCharsets.UTF_8)
                        .replaceAll("(?s)<resource identifier=\"R09\".*?</resource>", "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    files.computeIfPresent("de-kiem-tra.xml", (path, test) -> new String(test, java.nio.charset.StandardCharsets.UTF_8)
                        .replaceAll("<assessmentItemRef identifier=\"cau-09\"[^>]*/>", "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                return QtiSamples.zip(files);
            } catch (IOException | java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        try (InputStream in = QuestionImportTests.class.getResourceAsStream("/questionbank/import/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no sample " + name, e);
        }
    }

    private WebTestClient.ResponseSpec send(String path, String format, String fileName, byte[] file) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return web.post().uri(uri -> uri.path(path).queryParam("format", format).queryParam("subjectCode", "toan").queryParam("grade", 7)
                .queryParam("topic", "Ôn tập").build())
            .headers(h -> h.setBearerAuth(teacher.token())).contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private Map<?, ?> report(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }

    private long bankSize() {
        return ((Number) web.get().uri("/api/v1/questions?scope=SCHOOL&size=1").headers(h -> h.setBearerAuth(teacher.token())).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("total")).longValue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GIFT, gift-toan-7.txt",
        "AIKEN, aiken-lich-su.txt",
        "MOODLE_XML, moodle-toan-7.xml",
        "QTI, qti-package-toan-7.zip",
        "QTI, qti3-item-phan-so.xml",
        "DOCX, docx-kiem-tra-giua-ky-toan-7.docx"})
    void aSampleBankImportsWholeAndAgainAddsNothing(String format, String file) {
        Map<?, ?> preview = report(send("/api/v1/question-imports/preview", format, file, sample(file)).expectStatus().isOk());
        assertThat(preview.get("clean")).as("%s", preview).isEqualTo(true);
        int questions = (Integer) preview.get("questions");
        assertThat(questions).isPositive();
        assertThat(bankSize()).as("a preview stores nothing").isZero();

        Map<?, ?> imported = report(send("/api/v1/question-imports", format, file, sample(file)).expectStatus().isCreated());
        assertThat(imported.get("added")).isEqualTo(questions);
        assertThat((List<?>) imported.get("rows")).allSatisfy(row -> assertThat(((Map<?, ?>) row).get("questionId")).isNotNull());
        assertThat(bankSize()).isEqualTo(questions);

        Map<?, ?> again = report(send("/api/v1/question-imports", format, file, sample(file)).expectStatus().isCreated());
        assertThat(again.get("added")).isEqualTo(0);
        assertThat(again.get("alreadyThere")).isEqualTo(questions);
        assertThat(bankSize()).as("re-importing adds no duplicates").isEqualTo(questions);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GIFT, gift-with-error.txt",
        "AIKEN, aiken-with-error.txt",
        "MOODLE_XML, moodle-with-error.xml",
        "QTI, qti-package-with-error.zip"})
    void aFileWithAnErrorImportsNothingAndSaysWhichQuestionAndWhy(String format, String file) {
        Map<?, ?> refused = report(send("/api/v1/question-imports", format, file, sample(file)).expectStatus().isBadRequest());
        Map<?, ?> report = (Map<?, ?>) refused.get("report");
        assertThat(report.get("clean")).isEqualTo(false);
        List<?> bad = ((List<?>) report.get("rows")).stream().filter(row -> !((List<?>) ((Map<?, ?>) row).get("problems")).isEmpty()).toList();
        assertThat(bad).isNotEmpty().allSatisfy(row -> {
            assertThat(((Map<?, ?>) row).get("number")).isNotNull();
            Map<?, ?> problem = (Map<?, ?>) ((List<?>) ((Map<?, ?>) row).get("problems")).get(0);
            assertThat((String) problem.get("message")).isNotBlank().doesNotStartWith("import.").doesNotStartWith("question.");
        });
        assertThat(bankSize()).isZero();
    }

    @Test
    void anImageInAMoodleQuestionIsStoredOnceAndServedToTheBanksUsers() {
        send("/api/v1/question-imports", "MOODLE_XML", "moodle-toan-7.xml", sample("moodle-toan-7.xml")).expectStatus().isCreated();
        List<?> questions = (List<?>) web.get().uri("/api/v1/questions?scope=SCHOOL&size=100").headers(h -> h.setBearerAuth(teacher.token()))
            .exchange().expectBody(Map.class).returnResult().getResponseBody().get("questions");
        Pattern asset = Pattern.compile("src=\"asset:([0-9a-f]{64}\\.png)\"");
        String id = questions.stream().map(q -> String.valueOf(((Map<?, ?>) q).get("content"))).map(asset::matcher).filter(Matcher::find)
            .map(m -> m.group(1)).findFirst().orElseThrow();
        byte[] png = web.get().uri("/api/v1/question-assets/" + id).headers(h -> h.setBearerAuth(teacher.token())).exchange()
            .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG).expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
            .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        TestAccounts.Caller student = accounts.caller(web, "Học Sinh", List.of(Grant.atSchool(Role.STUDENT, schoolId)));
        web.get().uri("/api/v1/question-assets/" + id).headers(h -> h.setBearerAuth(student.token())).exchange().expectStatus().isForbidden();
    }

    @Test
    void theBankExportedAsQtiImportsIntoAnotherSchoolAsTheSameQuestions() {
        send("/api/v1/question-imports", "MOODLE_XML", "moodle-toan-7.xml", sample("moodle-toan-7.xml")).expectStatus().isCreated();
        long questions = bankSize();
        byte[] zip = web.get().uri("/api/v1/question-exports?version=QTI_3_0&scope=SCHOOL").headers(h -> h.setBearerAuth(teacher.token()))
            .exchange().expectStatus().isOk().expectHeader().contentType("application/zip").expectBody(byte[].class).returnResult()
            .getResponseBody();

        schoolId = schools.school(School.Level.LOWER_SECONDARY);
        teacher = accounts.caller(web, "Đinh Văn Nhận", List.of(Grant.atSchool(Role.TEACHER, schoolId)));
        Map<?, ?> imported = report(send("/api/v1/question-imports", "QTI", "cau-hoi.zip", zip).expectStatus().isCreated());
        assertThat(imported.get("added")).isEqualTo((int) questions);
        assertThat(bankSize()).isEqualTo(questions);
    }

    @Test
    void anImageForTheEditorIsTakenByItsBytesAndItsSrcSurvivesInAQuestion() {
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        Map<?, ?> stored = report(upload("hinh.png", png).expectStatus().isCreated());
        String src = (String) stored.get("src");
        assertThat(src).matches("asset:[0-9a-f]{64}\\.png");
        web.get().uri("/api/v1/question-assets/" + stored.get("id")).headers(h -> h.setBearerAuth(teacher.token())).exchange()
            .expectStatus().isOk().expectBody(byte[].class).isEqualTo(png);
        // A question showing it keeps the image through the sanitizer.
        Map<String, Object> question = Map.of("subjectCode", "toan", "grade", 7, "topic", "Hình học", "level", "BIET", "content",
            Map.of("type", "ESSAY", "stem", "<p>Cho hình vẽ <img src=\"" + src + "\" alt=\"hình 1\"></p>"));
        web.post().uri("/api/v1/questions").headers(h -> h.setBearerAuth(teacher.token())).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(question).exchange().expectStatus().isCreated().expectBody().jsonPath("$.content.stem")
            .value(stem -> assertThat((String) stem).contains("src=\"" + src + "\""));
        // Text called .png is no image; SVG is refused (it may carry script).
        upload("hinh.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes()).expectStatus()
            .isEqualTo(415);
    }

    private WebTestClient.ResponseSpec upload(String fileName, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.IMAGE_PNG);
        return web.post().uri("/api/v1/question-assets").headers(h -> h.setBearerAuth(teacher.token()))
            .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @Test
    void anUnknownFormatOrAnUnreadableFileIsA400AndAddsNothing() {
        send("/api/v1/question-imports", "WORDPERFECT", "x.wpd", "x".getBytes()).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.type").value(type -> assertThat((String) type).endsWith("question-import-format"));
        Map<?, ?> refused = report(send("/api/v1/question-imports", "MOODLE_XML", "x.xml", "not xml".getBytes()).expectStatus().isBadRequest());
        assertThat((List<?>) ((Map<?, ?>) refused.get("report")).get("fileProblems")).isNotEmpty();
        assertThat(bankSize()).isZero();
    }
}
