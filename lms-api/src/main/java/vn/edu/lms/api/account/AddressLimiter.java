package vn.edu.lms.api.account;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Failed sign-ins per client address: a token bucket each, kept for recently seen addresses only
 * (bounded, so a flood of addresses cannot exhaust memory). Only failures count: a school signs a
 * whole grade in from one address behind its router just before a test, and those sign-ins must
 * all go through, while guessing across many accounts from one address is still stopped.
 */
@Component
class AddressLimiter {

    private final Cache<String, Bucket> buckets;
    private final SignInProperties settings;

    AddressLimiter(SignInProperties settings) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(settings.addressWindow().plus(Duration.ofMinutes(1))).build();
    }

    /** Whether the address has failed so often lately that it may not try again yet. */
    boolean blocked(String address) {
        return bucket(address).getAvailableTokens() <= 0;
    }

    /** Counts a failed sign-in against the address's allowance. */
    void failed(String address) {
        bucket(address).tryConsume(1);
    }

    private Bucket bucket(String address) {
        return buckets.get(address, key -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(settings.attemptsPerAddress())
                .refillGreedy(settings.attemptsPerAddress(), settings.addressWindow()).build())
            .build());
    }
}
