package vn.edu.lms.api.account;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Sign-in attempts per client address: a token bucket each, kept for recently seen addresses only
 * (bounded, so a flood of addresses cannot exhaust memory).
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

    /** Takes one attempt from the address's allowance; false when it has none left. */
    boolean tryAttempt(String address) {
        return buckets.get(address, key -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(settings.attemptsPerAddress())
                .refillGreedy(settings.attemptsPerAddress(), settings.addressWindow()).build())
            .build()).tryConsume(1);
    }
}
