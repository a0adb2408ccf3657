package vn.edu.lms.api.account;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.test.web.reactive.server.WebTestClient;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.TestAccounts;

/** Everything a user does with accounts, then the whole captured log searched for what must never be in it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "lms.security.sign-in.attempts-per-address=1000", "lms.security.sign-in.first-delay=1ms",
    "logging.level.root=DEBUG", "logging.level.org.mongodb.driver=INFO", "logging.level.de.bwaldvogel=INFO",
    "logging.level.io.netty=INFO", "logging.level.reactor.netty=INFO",
    // As application.yml: the codecs print whole bodies at DEBUG, so they never go below INFO.
    "logging.level.org.springframework.core.codec=INFO", "logging.level.org.springframework.http.codec=INFO",
    "logging.level.org.springframework.web.HttpLogging=INFO" })
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(ApiTestConfiguration.class)
class NoSecretsInLogsTests {

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

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
