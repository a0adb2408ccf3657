package vn.edu.lms.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A school's whole grade signs in from one address; guessing from one address is still stopped. */
class AddressLimiterTests {

    private final AddressLimiter limiter = new AddressLimiter(new SignInProperties(10, Duration.ofMinutes(15), 3, Duration.ofMillis(250),
        Duration.ofSeconds(4), 3, Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofDays(90)));

    @Test
    void successfulSignInsFromOneAddressAreNeverLimited() {
        for (int student = 0; student < 1_000; student++) {
            assertThat(limiter.blocked("203.0.113.7")).isFalse();
        }
    }

    @Test
    void anAddressIsBlockedAfterItsAllowanceOfFailuresAndOthersAreNot() {
        limiter.failed("203.0.113.7");
        limiter.failed("203.0.113.7");
        assertThat(limiter.blocked("203.0.113.7")).isFalse();
        limiter.failed("203.0.113.7");
        assertThat(limiter.blocked("203.0.113.7")).isTrue();
        assertThat(limiter.blocked("198.51.100.1")).isFalse();
    }
}
