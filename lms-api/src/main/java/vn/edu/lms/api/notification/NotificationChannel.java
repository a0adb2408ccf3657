package vn.edu.lms.api.notification;

import reactor.core.publisher.Mono;

/**
 * A way out of the application (e-mail, Zalo): every bean of this type is handed each new notification. Delivery is at
 * least once: a failed or timed-out delivery is tried again later, so a channel should drop a repeated
 * {@link OutboundNotice#notificationId()}.
 */
public interface NotificationChannel {

    /** A stable name, stored with each notification the channel still owes. */
    String name();

    /** Completes once the message is handed over; an error means "try again later". */
    Mono<Void> deliver(OutboundNotice notice);
}
