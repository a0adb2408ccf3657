package vn.edu.lms.api.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How sign-in resists guessing.
 *
 * @param lockAfter         consecutive failures that lock an account
 * @param lockFor           how long the lock lasts (failures while locked do not extend it)
 * @param slowDownAfter     failures after which each further failure is answered later
 * @param firstDelay        the first such delay, doubling with each failure
 * @param maxDelay          the longest delay
 * @param attemptsPerAddress failed sign-ins one client address may make per {@code addressWindow} (successes do not count)
 * @param addressWindow     the window of that limit
 * @param sessionLifetime   how long a browser session lasts
 * @param tokenLifetime     the default lifetime of an API token
 */
@ConfigurationProperties("lms.security.sign-in")
@Validated
public record SignInProperties(
    @DefaultValue("10") @Min(3) @Max(100) int lockAfter,
    @DefaultValue("15m") @NotNull Duration lockFor,
    @DefaultValue("3") @Min(1) int slowDownAfter,
    @DefaultValue("250ms") @NotNull Duration firstDelay,
    @DefaultValue("4s") @NotNull Duration maxDelay,
    @DefaultValue("100") @Min(1) int attemptsPerAddress,
    @DefaultValue("5m") @NotNull Duration addressWindow,
    @DefaultValue("12h") @NotNull Duration sessionLifetime,
    @DefaultValue("90d") @NotNull Duration tokenLifetime) {

    /** The delay before answering the {@code failures}-th consecutive failure. */
    Duration delayAfter(int failures) {
        if (failures < slowDownAfter) {
            return Duration.ZERO;
        }
        long factor = 1L << Math.min(20, failures - slowDownAfter);
        Duration delay = firstDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
