package vn.edu.lms.api.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Credentials;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Checks a username and password and issues a session or an API token. Resists guessing: after a
 * few failures each answer comes later, after {@code lockAfter} the account is locked for a while
 * (failures during the lock do not extend it, so nobody can keep a real user out for good), and
 * each client address has its own allowance of attempts.
 */
@Service
@EnableConfigurationProperties(SignInProperties.class)
class SignInService {

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final AddressLimiter addresses;
    private final SignInProperties settings;
    private final Clock clock;

    SignInService(AccountStore accounts, PasswordHasher hasher, AddressLimiter addresses, SignInProperties settings, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.addresses = addresses;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new secret and the user it belongs to; the secret is shown to the caller once. */
    record Issued(String secret, AccessToken token, CurrentUser user) {
        @Override
        public String toString() {
            return "Issued[" + token + "]";
        }
    }

    Mono<Issued> signIn(String username, String password, String address, AccessToken.Kind kind,
            @Nullable String name, @Nullable Duration lifetime) {
        if (addresses.blocked(address)) {
            return Mono.error(new LmsProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts"));
        }
        return accounts.byUsername(username)
            .flatMap(account -> check(account, password))
            .switchIfEmpty(Mono.defer(() -> hasher.matchesNothing(password).then(Mono.error(failed()))))
            .doOnError(LmsProblem.class, refused -> addresses.failed(address))
            .flatMap(account -> issue(account, kind, name, lifetime));
    }

    private Mono<Account> check(Account account, String password) {
        Instant now = clock.instant();
        if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
            return Mono.error(locked(account.lockedUntil(), now));
        }
        return hasher.matches(password, account.passwordHash()).flatMap(matches -> matches
            ? accounts.recordSuccess(account.id()).thenReturn(account)
            : accounts.recordFailure(account.id()).flatMap(this::afterFailure));
    }

    private Mono<Account> afterFailure(Account account) {
        Instant now = clock.instant();
        if (account.failedSignIns() >= settings.lockAfter()) {
            Instant until = now.plus(settings.lockFor());
            return accounts.lock(account.id(), until).then(Mono.error(locked(until, now)));
        }
        return Mono.delay(settings.delayAfter(account.failedSignIns())).then(Mono.error(failed()));
    }

    Mono<Issued> issue(Account account, AccessToken.Kind kind, @Nullable String name, @Nullable Duration lifetime) {
        Instant now = clock.instant();
        Duration life = lifetime != null ? lifetime : kind == AccessToken.Kind.SESSION ? settings.sessionLifetime() : settings.tokenLifetime();
        return hasher.newSecret()
            .flatMap(secret -> {
                AccessToken token = new AccessToken(UUID.randomUUID().toString(), Credentials.hash(secret), account.id(),
                    kind, name, now, now.plus(life), null);
                return accounts.insertToken(token).map(saved -> new Issued(secret, saved, TokenAuthentication.userOf(account)));
            });
    }

    private static LmsProblem failed() {
        return new LmsProblem(HttpStatus.UNAUTHORIZED, "sign-in-failed");
    }

    private static LmsProblem locked(Instant until, Instant now) {
        LmsProblem problem = new LmsProblem(HttpStatus.TOO_MANY_REQUESTS, "account-locked",
            Math.max(1, Duration.between(now, until).toMinutes()));
        problem.getHeaders().set("Retry-After", Long.toString(Math.max(1, Duration.between(now, until).toSeconds())));
        return problem;
    }
}
