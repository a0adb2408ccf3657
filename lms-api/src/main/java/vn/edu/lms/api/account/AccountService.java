package vn.edu.lms.api.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.content.platform.LmsProblem;

/** Creating accounts and changing their passwords. */
@Service
public class AccountService {

    static final int MIN_PASSWORD_LENGTH = 8;

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final Clock clock;

    AccountService(AccountStore accounts, PasswordHasher hasher, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A new account and the password to hand to its owner once. */
    public record Created(String accountId, String username, String oneTimePassword) {
        @Override
        public String toString() {
            return "Created[accountId=" + accountId + ", ***]";
        }
    }

    /**
     * Creates an account with a one-time password (changed at first sign-in), or with the given
     * password when one is set up from configuration.
     */
    public Mono<Created> create(String username, String fullName, List<Grant> grants, String password, boolean mustChange) {
        return create(username, fullName, grants, password, mustChange, hasher.hash(password));
    }

    private Mono<Created> create(String username, String fullName, List<Grant> grants, String password, boolean mustChange,
            Mono<String> hashed) {
        return hashed
            .flatMap(hash -> accounts.insert(new Account(UUID.randomUUID().toString(), username, hash, fullName.strip(),
                Names.fold(fullName), grants, mustChange, 0, null, clock.instant(), null, null)))
            .map(account -> new Created(account.id(), account.username(), password))
            .onErrorMap(DuplicateKeyException.class, e -> new LmsProblem(HttpStatus.CONFLICT, "username-taken", username));
    }

    /** Creates an account with a generated one-time password. */
    public Mono<Created> createWithOneTimePassword(String username, String fullName, List<Grant> grants) {
        return hasher.oneTimePassword().flatMap(password -> create(username, fullName, grants, password, true,
            hasher.hashGenerated(password)));
    }

    Mono<Void> changePassword(String accountId, String current, String replacement, String keepTokenId) {
        if (replacement.length() < MIN_PASSWORD_LENGTH || replacement.equals(current)) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "weak-password", MIN_PASSWORD_LENGTH));
        }
        return accounts.byId(accountId)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")))
            .flatMap(account -> hasher.matches(current, account.passwordHash()))
            .flatMap(matches -> matches ? hasher.hash(replacement)
                : Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "wrong-current-password")))
            .flatMap(hash -> accounts.setPassword(accountId, hash, false))
            .then(accounts.revokeAll(accountId, keepTokenId, clock.instant()));
    }

    /** An admin's reset: a new one-time password, every session ended, a change forced at next sign-in. */
    Mono<String> resetPassword(String accountId) {
        return hasher.oneTimePassword().flatMap(password -> hasher.hashGenerated(password)
            .flatMap(hash -> accounts.setPassword(accountId, hash, true))
            .then(accounts.revokeAll(accountId, "", clock.instant()))
            .thenReturn(password));
    }
}
