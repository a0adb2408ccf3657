package vn.edu.lms.api.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.Credentials;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.content.platform.ClientAddresses;
import vn.edu.lms.content.platform.LmsProblem;

/** Signing in and out, the caller's own password and API tokens. */
@RestController
class AuthController {

    private final SignInService signIn;
    private final AccountService accounts;
    private final AccountStore store;
    private final Clock clock;

    AuthController(SignInService signIn, AccountService accounts, AccountStore store, Clock clock) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.store = store;
        this.clock = clock;
    }

    // Requests and answers that carry credentials never print them: a record's toString reaches debug logs.
    record SignIn(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
        @Override
        public String toString() {
            return "SignIn[***]";
        }
    }

    record NewToken(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password,
            @NotBlank @Size(max = 100) String name, @Min(1) @Max(365) @Nullable Integer validDays) {
        @Override
        public String toString() {
            return "NewToken[***]";
        }
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    record Me(String accountId, List<Grant> grants, boolean mustChangePassword) {
        static Me of(CurrentUser user) {
            return new Me(user.accountId(), user.grants(), user.mustChangePassword());
        }
    }

    record IssuedToken(String id, String token, String name, java.time.Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", token=***]";
        }
    }

    record TokenInfo(String id, @Nullable String name, java.time.Instant createdAt, java.time.Instant expiresAt) {
    }

    /** Signs in a browser: sets the HttpOnly session cookie (Secure behind TLS, SameSite=Lax). */
    @PostMapping("/api/v1/auth/session")
    Mono<Me> signIn(@Valid @RequestBody SignIn request, ServerWebExchange exchange) {
        return signIn.signIn(request.username(), request.password(), address(exchange), AccessToken.Kind.SESSION, null, null)
            .map(issued -> {
                exchange.getResponse().addCookie(ResponseCookie.from(Credentials.SESSION_COOKIE, issued.secret())
                    .httpOnly(true).sameSite("Lax").path("/")
                    .secure("https".equals(exchange.getRequest().getURI().getScheme()))
                    .maxAge(Duration.between(issued.token().createdAt(), issued.token().expiresAt()))
                    .build());
                return Me.of(issued.user());
            });
    }

    /** Signs out: ends the session (or revokes the bearer token) the request was made with. */
    @DeleteMapping("/api/v1/auth/session")
    Mono<ResponseEntity<Void>> signOut(ServerWebExchange exchange) {
        return Mono.zip(Access.currentUser(), currentTokenId())
            .flatMap(pair -> store.revokeToken(pair.getT1().accountId(), pair.getT2(), clock.instant()))
            .then(Mono.fromRunnable(() -> exchange.getResponse().addCookie(
                ResponseCookie.from(Credentials.SESSION_COOKIE, "").httpOnly(true).sameSite("Lax").path("/").maxAge(0).build())))
            .thenReturn(ResponseEntity.noContent().<Void>build());
    }

    /** Who the caller is: account id, roles and scopes. */
    @GetMapping("/api/v1/auth/me")
    Mono<Me> me() {
        return Access.currentUser().map(Me::of);
    }

    /** Changes the caller's password; every other session and token of the account ends. */
    @PostMapping("/api/v1/auth/password")
    Mono<ResponseEntity<Void>> changePassword(@Valid @RequestBody PasswordChange request) {
        return Mono.zip(Access.currentUser(), currentTokenId())
            .flatMap(pair -> accounts.changePassword(pair.getT1().accountId(), request.currentPassword(),
                request.newPassword(), pair.getT2()))
            .thenReturn(ResponseEntity.noContent().build());
    }

    /** Issues an API token (shown once) for scripts and other systems, after checking the password. */
    @PostMapping("/api/v1/auth/tokens")
    Mono<ResponseEntity<IssuedToken>> issueToken(@Valid @RequestBody NewToken request, ServerWebExchange exchange) {
        Duration lifetime = request.validDays() == null ? null : Duration.ofDays(request.validDays());
        return signIn.signIn(request.username(), request.password(), address(exchange), AccessToken.Kind.API, request.name(), lifetime)
            .flatMap(issued -> issued.user().mustChangePassword()
                ? Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "password-change-required"))
                : Mono.just(issued))
            .map(issued -> ResponseEntity.status(HttpStatus.CREATED).body(new IssuedToken(issued.token().id(), issued.secret(),
                request.name(), issued.token().expiresAt())));
    }

    /** The caller's live API tokens and sessions (never their secrets). */
    @GetMapping("/api/v1/auth/tokens")
    Flux<TokenInfo> tokens() {
        return Access.currentUser().flatMapMany(user -> store.tokensOf(user.accountId()))
            .map(token -> new TokenInfo(token.id(), token.name(), token.createdAt(), token.expiresAt()));
    }

    /** Revokes one of the caller's tokens or sessions. */
    @DeleteMapping("/api/v1/auth/tokens/{id}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> store.revokeToken(user.accountId(), id, clock.instant()))
            .map(revoked -> revoked ? ResponseEntity.noContent().<Void>build() : ResponseEntity.notFound().<Void>build());
    }

    private static Mono<String> currentTokenId() {
        return ReactiveSecurityContextHolder.getContext()
            .mapNotNull(context -> context.getAuthentication() == null ? null : (String) context.getAuthentication().getDetails());
    }

    private static String address(ServerWebExchange exchange) {
        String address = ClientAddresses.of(exchange);
        return address == null ? "unknown" : address;
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/auth/session", "/api/v1/auth/tokens").permitAll()
                .pathMatchers("/api/v1/auth/**").authenticated();
        }
    }
}
