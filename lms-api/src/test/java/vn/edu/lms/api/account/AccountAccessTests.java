package vn.edu.lms.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.TestAccounts;

/** Who may create, read and reset accounts, and that every such access is in the audit trail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=1000" })
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(ApiTestConfiguration.class)
class AccountAccessTests {

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    private String schoolA;
    private String schoolB;
    private String adminA;

    @BeforeEach
    void schools() {
        schoolA = "thcs-a-" + System.nanoTime();
        schoolB = "thcs-b-" + System.nanoTime();
        adminA = TestAccounts.token(web, accounts.create("qt", List.of(Grant.atSchool(Role.SCHOOL_ADMIN, schoolA))));
    }

    private WebTestClient.ResponseSpec create(String token, String username, String role, String school) {
        return web.post().uri("/api/v1/accounts").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + username + "\",\"fullName\":\"Trần Thị Bích\",\"grants\":[{\"role\":\"" + role
                + "\",\"schoolId\":" + (school == null ? "null" : "\"" + school + "\"") + "}]}")
            .exchange();
    }

    @Test
    void aSchoolAdminCreatesAccountsAtTheirSchoolWithAOneTimePassword() {
        String username = "hs" + System.nanoTime();
        String password = create(adminA, username, "STUDENT", schoolA).expectStatus().isCreated()
            .expectHeader().exists("Location")
            .expectBody(AccountController.OneTimePassword.class).returnResult().getResponseBody().oneTimePassword();
        assertThat(password).hasSize(12);
        web.post().uri("/api/v1/auth/session").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.mustChangePassword").isEqualTo(true);
    }

    @Test
    void aNewAccountMustChangeItsPasswordBeforeAnythingElse() {
        String username = "hs" + System.nanoTime();
        String password = create(adminA, username, "STUDENT", schoolA).expectStatus().isCreated()
            .expectBody(AccountController.OneTimePassword.class).returnResult().getResponseBody().oneTimePassword();
        String session = web.post().uri("/api/v1/auth/session").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").exchange()
            .returnResult(String.class).getResponseCookies().getFirst("LMS_SESSION").getValue();
        web.get().uri("/api/v1/audit-events?schoolId=" + schoolA).cookie("LMS_SESSION", session).exchange()
            .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("/problems/password-change-required");

        // Once changed, the same session is let through at once (the sign-in it was known by is not kept stale).
        String csrf = web.get().uri("/api/v1/auth/me").cookie("LMS_SESSION", session).exchange()
            .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        web.post().uri("/api/v1/auth/password").cookie("LMS_SESSION", session).cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"currentPassword\":\"" + password + "\",\"newPassword\":\"mot-mat-khau-rieng-dai\"}").exchange()
            .expectStatus().isNoContent();
        web.get().uri("/api/v1/audit-events?schoolId=" + schoolA).cookie("LMS_SESSION", session).exchange()
            .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
    }

    @Test
    void aSchoolAdminCannotCreateAccountsAtAnotherSchoolNorADistrictAdmin() {
        create(adminA, "gv" + System.nanoTime(), "TEACHER", schoolB).expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
        create(adminA, "qtp" + System.nanoTime(), "DISTRICT_ADMIN", null).expectStatus().isForbidden();
    }

    @Test
    void aTeacherCannotAdministerASchool() {
        String teacher = TestAccounts.token(web, accounts.create("gv", List.of(Grant.atSchool(Role.TEACHER, schoolA))));
        create(teacher, "hs" + System.nanoTime(), "STUDENT", schoolA).expectStatus().isForbidden()
            .expectBody().jsonPath("$.title").isEqualTo("Không có quyền");
        web.get().uri("/api/v1/audit-events?schoolId=" + schoolA).headers(h -> h.setBearerAuth(teacher)).exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void aStudentReadsTheirOwnAccountButNotAnotherOne() {
        String me = accounts.create("hs", List.of(Grant.atSchool(Role.STUDENT, schoolA)));
        String other = accounts.create("hs", List.of(Grant.atSchool(Role.STUDENT, schoolA)));
        String token = TestAccounts.token(web, me);
        String myId = web.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange()
            .expectBody(AuthController.Me.class).returnResult().getResponseBody().accountId();
        String otherId = web.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(TestAccounts.token(web, other))).exchange()
            .expectBody(AuthController.Me.class).returnResult().getResponseBody().accountId();
        web.get().uri("/api/v1/accounts/" + myId).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/accounts/" + otherId).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
    }

    @Test
    void readsAndResetsAreAuditedWithoutThePersonalData() {
        String student = accounts.create("hs", List.of(Grant.atSchool(Role.STUDENT, schoolA)));
        String studentId = web.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(TestAccounts.token(web, student))).exchange()
            .expectBody(AuthController.Me.class).returnResult().getResponseBody().accountId();
        web.get().uri("/api/v1/accounts/" + studentId).headers(h -> h.setBearerAuth(adminA)).exchange().expectStatus().isOk();
        web.post().uri("/api/v1/accounts/" + studentId + "/password-reset").headers(h -> h.setBearerAuth(adminA)).exchange()
            .expectStatus().isOk();

        String events = web.get().uri("/api/v1/audit-events?schoolId=" + schoolA).headers(h -> h.setBearerAuth(adminA)).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(events).contains("\"action\":\"READ\"", "\"action\":\"RESET_PASSWORD\"", studentId)
            .doesNotContain("Nguyễn", "Trần", student);
        String otherAdmin = TestAccounts.token(web, accounts.create("qt", List.of(Grant.atSchool(Role.SCHOOL_ADMIN, schoolB))));
        web.get().uri("/api/v1/audit-events?schoolId=" + schoolA).headers(h -> h.setBearerAuth(otherAdmin)).exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void aSearchFindsNamesWithoutDiacritics() {
        create(adminA, "hs" + System.nanoTime(), "STUDENT", schoolA).expectStatus().isCreated();
        web.get().uri("/api/v1/accounts?schoolId=" + schoolA + "&q=tran thi bich").headers(h -> h.setBearerAuth(adminA)).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$[0].fullName").isEqualTo("Trần Thị Bích");
    }
}
