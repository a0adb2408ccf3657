package vn.edu.lms.api.assessment.attempt;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The clock rules of test taking.
 *
 * @param saveGrace        how long after time is up a save still counts: an answer sent in the last
 *                         second is on the wire, not late (the page stops answering at zero)
 * @param sweepInterval    how often attempts whose time is up are submitted. A save after the end plus
 *                         the grace is refused whether or not the sweep has run, so the sweep only hands
 *                         in what the page did not; each round reads the running attempts (on the
 *                         embedded database, every attempt), so not more often than the grace
 * @param heartbeat        how often the server notes it is alive; a longer silence, found at start-up,
 *                         was an outage and its length is given back to running attempts
 */
@ConfigurationProperties("lms.tests")
@Validated
public record TestTakingProperties(
    @DefaultValue("5s") @NotNull Duration saveGrace,
    @DefaultValue("5s") @NotNull Duration sweepInterval,
    @DefaultValue("1s") @NotNull Duration heartbeat) {
}
