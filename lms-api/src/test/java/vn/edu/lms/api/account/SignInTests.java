package vn.edu.lms.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.edu.lms.api.security.Credentials;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.MutableClock;
import vn.edu.lms.api.testing.TestAccounts;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.first-delay=5ms", "lms.security.sign-in.max-delay=40ms",
    "lms.security.sign-in.attempts-per-address=1000" })
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(ApiTestConfiguration.class)
class SignInTests {

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MutableClock clock;

    private String signInBody(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return web.post().uri("/api/v1/auth/session").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(signInBody(username, password)).exchange();
    }

    private String sessionOf(String username) {
        ResponseCookie cookie = signIn(username, TestAccounts.PASSWORD).expectStatus().isOk()
            .returnResult(String.class).getResponseCookies().getFirst(Credentials.SESSION_COOKIE);
        return cookie.getValue();
    }

    @Test
    void aBrowserSignsInWithAnHttpOnlySameSiteCookieAndIsKnown() {
        String username = accounts.create("gv", List.of(Grant.atSchool(Role.TEACHER, "thcs-a")));
        ResponseCookie cookie = signIn(username, TestAccounts.PASSWORD).expectStatus().isOk()
            .expectBody().jsonPath("$.grants[0].role").isEqualTo("TEACHER")
            .returnResult().getResponseCookies().getFirst(Credentials.SESSION_COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        web.get().uri("/api/v1/auth/me").cookie(Credentials.SESSION_COOKIE, cookie.getValue()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.grants[0].schoolId").isEqualTo("thcs-a");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameVietnameseAnswer() {
        String username = accounts.create("gv", List.of(Grant.atSchool(Role.TEACHER, "thcs-a")));
        signIn(username, "sai-mat-khau").expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/sign-in-failed")
            .jsonPath("$.title").isEqualTo("Đăng nhập không thành công");
        signIn("khong-co-ai", "sai-mat-khau").expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/sign-in-failed");
    }

    @Test
    void tenWrongPasswordsSlowThenLockTheAccountUntilTheLockHasPassed() {
        String username = accounts.create("hs", List.of(Grant.atSchool(Role.STUDENT, "thcs-a")));
        for (int attempt = 1; attempt < 10; attempt++) {
            signIn(username, "doan-mo-" + attempt).expectStatus().isUnauthorized();
        }
        signIn(username, "doan-mo-10").expectStatus().isEqualTo(429)
            .expectHeader().exists("Retry-After")
            .expectBody().jsonPath("$.type").isEqualTo("/problems/account-locked");
        signIn(username, TestAccounts.PASSWORD).expectStatus().isEqualTo(429);

        clock.advance(Duration.ofMinutes(16));
        signIn(username, TestAccounts.PASSWORD).expectStatus().isOk();
    }

    @Test
    void failuresDuringTheLockDoNotExtendIt() {
        String username = accounts.create("hs", List.of(Grant.atSchool(Role.STUDENT, "thcs-a")));
        for (int attempt = 1; attempt <= 10; attempt++) {
            signIn(username, "doan-mo-" + attempt);
        }
        clock.advance(Duration.ofMinutes(10));
        for (int attempt = 1; attempt <= 20; attempt++) {
            signIn(username, "ke-tan-cong-" + attempt).expectStatus().isEqualTo(429);
        }
        clock.advance(Duration.ofMinutes(6));
        signIn(username, TestAccounts.PASSWORD).expectStatus().isOk();
    }

    @Test
    void signingOutEndsTheSession() {
        String username = accounts.create("gv", List.of(Grant.atSchool(Role.TEACHER, "thcs-a")));
        String session = sessionOf(username);
        String csrf = csrfToken(session);
        web.delete().uri("/api/v1/auth/session").cookie(Credentials.SESSION_COOKIE, session)
            .cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf).exchange().expectStatus().isNoContent();
        web.get().uri("/api/v1/auth/me").cookie(Credentials.SESSION_COOKIE, session).exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/unauthenticated");
    }

    @Test
    void aChangeSentWithTheSessionCookieNeedsTheCsrfToken() {
        String username = accounts.create("gv", List.of(Grant.atSchool(Role.TEACHER, "thcs-a")));
        String session = sessionOf(username);
        web.delete().uri("/api/v1/auth/session").cookie(Credentials.SESSION_COOKIE, session).exchange()
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("/problems/csrf");
        web.get().uri("/api/v1/auth/me").cookie(Credentials.SESSION_COOKIE, session).exchange().expectStatus().isOk();
    }

    @Test
    void anApiTokenWorksUntilRevokedAndNeedsNoCsrfToken() {
        String username = accounts.create("gv", List.of(Grant.atSchool(Role.TEACHER, "thcs-a")));
        String token = TestAccounts.token(web, username);
        String id = web.get().uri("/api/v1/auth/tokens").headers(h -> h.setBearerAuth(token)).exchange()
            .expectStatus().isOk().expectBody(TokenList[].class).returnResult().getResponseBody()[0].id();
        web.delete().uri("/api/v1/auth/tokens/" + id).headers(h -> h.setBearerAuth(token)).exchange()
            .expectStatus().isNoContent();
        web.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String username = accounts.create("gv", List.of(Grant.atSchool(Role.TEACHER, "thcs-a")));
        String token = TestAccounts.token(web, username);
        clock.advance(Duration.ofDays(91));
        web.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isUnauthorized();
        clock.advance(Duration.ofDays(-91));
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        String username = accounts.create("gv", List.of(Grant.atSchool(Role.TEACHER, "thcs-a")));
        String mine = TestAccounts.token(web, username);
        String other = TestAccounts.token(web, username);
        web.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isOk();
        web.post().uri("/api/v1/auth/password").headers(h -> h.setBearerAuth(mine)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"currentPassword\":\"" + TestAccounts.PASSWORD + "\",\"newPassword\":\"ngan\"}").exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/weak-password");
        web.post().uri("/api/v1/auth/password").headers(h -> h.setBearerAuth(mine)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"currentPassword\":\"" + TestAccounts.PASSWORD + "\",\"newPassword\":\"mot-mat-khau-moi-dai\"}").exchange()
            .expectStatus().isNoContent();
        web.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(mine)).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isUnauthorized();
        signIn(username, "mot-mat-khau-moi-dai").expectStatus().isOk();
    }

    private String csrfToken(String session) {
        ResponseCookie cookie = web.get().uri("/api/v1/auth/me").cookie(Credentials.SESSION_COOKIE, session).exchange()
            .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN");
        return cookie.getValue();
    }

    record TokenList(String id) {
    }
}
