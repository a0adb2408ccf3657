package vn.edu.lms.api.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;
import vn.edu.lms.api.account.AccountService;
import vn.edu.lms.api.security.Grant;

/** Accounts made for a test, and signing them in over HTTP as a client would. */
public final class TestAccounts {

    public static final String PASSWORD = "mat-khau-thu-nghiem";

    private final AccountService accounts;

    public TestAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    /** A signed-up account with {@link #PASSWORD}, no change required; returns its username. */
    public String create(String prefix, List<Grant> grants) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        StepVerifier.create(accounts.create(username, "Nguyễn Văn Thử", grants, PASSWORD, false))
            .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        return username;
    }

    /** An account made for a test: its id, and a bearer token to call as it. */
    public record Caller(String id, String username, String token) {
    }

    /** Makes an account with the given name and roles, and signs it in. */
    public Caller caller(WebTestClient web, String fullName, List<Grant> grants) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 12);
        AccountService.Created created = accounts.create(username, fullName, grants, PASSWORD, false).block(Duration.ofSeconds(30));
        return new Caller(created.accountId(), username, token(web, username));
    }

    /** Signs in and returns a bearer token for the account. */
    public static String token(WebTestClient web, String username) {
        return web.post().uri("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"test\"}")
            .exchange().expectStatus().isCreated()
            .expectBody(TokenBody.class).returnResult().getResponseBody().token();
    }

    record TokenBody(String token) {
        @Override
        public String toString() {
            return "TokenBody[***]";
        }
    }
}
