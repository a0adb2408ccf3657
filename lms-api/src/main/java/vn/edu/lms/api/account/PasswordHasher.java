package vn.edu.lms.api.account;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.security.Credentials;
import vn.edu.lms.content.platform.BlockingSchedulers;

/** BCrypt, deliberately slow, so it runs on the bounded {@code password-hashing} scheduler. */
@Component
class PasswordHasher {

    /** A hash of nothing in particular, compared against when the account does not exist, so timing tells nothing. */
    private static final String DECOY = "$2a$10$7EqJtq98hPqEX7fNZaFWoOHiUQvvLe4gyG0K9mkxiHcCXVgbDbM9q";

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    /**
     * For passwords we draw ourselves (~70 bits of entropy, changed at first sign-in): stretching
     * protects guessable human passwords and adds nothing to a random one, while cost 10 made a
     * class's credential sheet take seconds per student batch on a small server.
     */
    private final BCryptPasswordEncoder generatedEncoder = new BCryptPasswordEncoder(4);
    private final Scheduler scheduler;

    PasswordHasher(BlockingSchedulers schedulers) {
        this.scheduler = schedulers.hashing();
    }

    Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(scheduler);
    }

    /** An empty hash (an imported account before its first password is issued) matches nothing, in the same time. */
    /** Hashes a password drawn by {@link #oneTimePassword()}; it checks with {@link #matches} like any other. */
    Mono<String> hashGenerated(String password) {
        return Mono.fromCallable(() -> generatedEncoder.encode(password)).subscribeOn(scheduler);
    }

    Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> {
            if (hash.isEmpty()) {
                encoder.matches(password, DECOY);
                return false;
            }
            return encoder.matches(password, hash);
        }).subscribeOn(scheduler);
    }

    /** Spends the same time as a real check, for unknown usernames. */
    Mono<Boolean> matchesNothing(String password) {
        return matches(password, DECOY).map(ignored -> false);
    }

    /** A one-time password, drawn here because the OS's entropy is read from a file. */
    Mono<String> oneTimePassword() {
        return Mono.fromCallable(Credentials::newOneTimePassword).subscribeOn(scheduler);
    }

    /** A session or token secret, drawn off the event loop for the same reason. */
    Mono<String> newSecret() {
        return Mono.fromCallable(Credentials::newSecret).subscribeOn(scheduler);
    }
}
