package vn.edu.lms.content.job;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How jobs are run.
 *
 * @param pollInterval   how often each type looks for work it has room for (an enqueue in this instance wakes it at once)
 * @param lease          how long an instance may go without renewing a running job's lease before another takes it
 * @param firstBackOff   the wait after a first failure, doubling each attempt (with jitter)
 * @param maxBackOff     the longest wait between attempts
 * @param concurrency    per-type overrides of the handler's concurrency, e.g. {@code lms.jobs.concurrency.transcode=1}
 * @param enabled        false: this instance runs no jobs (it still enqueues them)
 */
@ConfigurationProperties("lms.jobs")
@Validated
public record JobProperties(
    @DefaultValue("1s") @NotNull Duration pollInterval,
    @DefaultValue("30s") @NotNull Duration lease,
    @DefaultValue("5s") @NotNull Duration firstBackOff,
    @DefaultValue("10m") @NotNull Duration maxBackOff,
    @DefaultValue Map<String, Integer> concurrency,
    @DefaultValue("true") boolean enabled) {
}
