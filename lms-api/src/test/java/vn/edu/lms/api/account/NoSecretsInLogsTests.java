package vn.edu.lms.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;
import vn.edu.lms.api.classlist.file.ClassListFixtures;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;

/** Everything a user does with accounts, then the whole captured log searched for what must never be in it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "lms.security.sign-in.attempts-per-address=1000", "lms.security.sign-in.first-delay=1ms",
    "logging.level.root=DEBUG", "logging.level.org.mongodb.driver=INFO", "logging.level.de.bwaldvogel=INFO",
    "logging.level.io.netty=INFO", "logging.level.reactor.netty=INFO",
    // As application.yml: the codecs print whole bodies at DEBUG, so they never go below INFO.
    "logging.level.org.springframework.core.codec=INFO", "logging.level.org.springframework.http.codec=INFO",
    "logging.level.org.springframework.web.HttpLogging=INFO", "logging.level.org.springframework.data.mongodb.core=INFO" })
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(ApiTestConfiguration.class)
class NoSecretsInLogsTests {

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSchools schools;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void capture() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void release() {
        root().detachAppender(log);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void noPasswordTokenOrPersonalFieldReachesTheLog() {
        String school = "thcs-log-" + System.nanoTime();
        String admin = TestAccounts.token(web, accounts.create("qt", List.of(Grant.atSchool(Role.SCHOOL_ADMIN, school))));
        String fullName = "Hoàng Thị Bảo Ngọc";
        String username = "ngoc" + System.nanoTime();
        AccountController.OneTimePassword created = web.post().uri("/api/v1/accounts").headers(h -> h.setBearerAuth(admin))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + username + "\",\"fullName\":\"" + fullName + "\",\"grants\":[{\"role\":\"STUDENT\",\"schoolId\":\""
                + school + "\"}]}")
            .exchange().expectStatus().isCreated().expectBody(AccountController.OneTimePassword.class).returnResult().getResponseBody();
        List<String> secrets = new ArrayList<>(List.of(admin, fullName, "Hoang Thi Bao Ngoc", created.oneTimePassword()));

        String session = web.post().uri("/api/v1/auth/session").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + created.oneTimePassword() + "\"}").exchange()
            .expectStatus().isOk().returnResult(String.class).getResponseCookies().getFirst("LMS_SESSION").getValue();
        secrets.add(session);
        web.post().uri("/api/v1/auth/session").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + username + "\",\"password\":\"sai-mat-khau-bi-mat\"}").exchange()
            .expectStatus().isUnauthorized();
        secrets.add("sai-mat-khau-bi-mat");
        String reset = web.post().uri("/api/v1/accounts/" + created.accountId() + "/password-reset").headers(h -> h.setBearerAuth(admin))
            .exchange().expectStatus().isOk().expectBody(AccountController.OneTimePassword.class).returnResult().getResponseBody()
            .oneTimePassword();
        secrets.add(reset);
        web.get().uri("/api/v1/accounts?schoolId=" + school + "&q=bao ngoc").headers(h -> h.setBearerAuth(admin)).exchange()
            .expectStatus().isOk();

        assertNoneLogged(secrets);
    }

    @Test
    void noNameBirthDateIdentifierOrFirstPasswordOfAnImportedClassListReachesTheLog() throws Exception {
        String school = schools.school(School.Level.PRIMARY);
        SchoolClass class5a = schools.schoolClass(school, "5A");
        String admin = TestAccounts.token(web, accounts.create("qt", List.of(Grant.atSchool(Role.SCHOOL_ADMIN, school))));
        List<String[]> rows = ClassListFixtures.students().subList(0, 5);
        String prefix = String.valueOf(System.nanoTime()).substring(6);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[4] = prefix + "00" + i;
            secrets.addAll(List.of(rows.get(i)[0], Names.fold(rows.get(i)[0]), rows.get(i)[1], rows.get(i)[4]));
        }
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", ClassListFixtures.csv(rows, true)).filename("lop-5a.csv");
        String importId = web.post().uri("/api/v1/schools/" + school + "/years/" + TestSchools.YEAR + "/class-list-imports")
            .headers(h -> h.setBearerAuth(admin)).contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isCreated()
            .expectBody(Created.class).returnResult().getResponseBody().id();
        web.post().uri("/api/v1/class-list-imports/" + importId + "/commit").headers(h -> h.setBearerAuth(admin)).exchange()
            .expectStatus().isOk();
        web.get().uri("/api/v1/classes/" + class5a.id() + "/students").headers(h -> h.setBearerAuth(admin)).exchange()
            .expectStatus().isOk();
        byte[] sheet = web.post().uri("/api/v1/classes/" + class5a.id() + "/credential-sheet?format=xlsx")
            .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            workbook.getSheetAt(0).forEach(row -> {
                if (row.getCell(4) != null && row.getCell(3).getStringCellValue().contains(".")) {
                    secrets.add(row.getCell(4).getStringCellValue());
                }
            });
        }
        assertThat(secrets).hasSize(4 * rows.size() + rows.size());
        assertNoneLogged(secrets);
    }

    record Created(String id) {
    }

    private void assertNoneLogged(List<String> secrets) {
        assertThat(log.list).as("the log captured something").isNotEmpty();
        for (ILoggingEvent event : List.copyOf(log.list)) {
            String line = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : secrets) {
                assertThat(line).as("log line from %s", event.getLoggerName()).doesNotContain(secret);
            }
        }
    }
}
