package vn.edu.lms.api.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Outbound delivery of notifications.
 *
 * @param retryAfter       how long after a failed (or not yet confirmed) delivery it is tried again
 * @param retryInterval    how often the notifications still owed to a channel are looked for
 * @param deliveryTimeout  how long a channel may take to hand one over before it counts as failed
 */
@ConfigurationProperties("lms.notifications")
@Validated
public record NotificationProperties(
    @DefaultValue("5m") @NotNull Duration retryAfter,
    @DefaultValue("1m") @NotNull Duration retryInterval,
    @DefaultValue("30s") @NotNull Duration deliveryTimeout) {
}
