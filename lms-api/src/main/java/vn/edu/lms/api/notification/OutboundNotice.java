package vn.edu.lms.api.notification;

/**
 * What a {@link NotificationChannel} receives: ids, the kind and the link, by construction nothing else (no title, no
 * name, no score). The channel finds its own address for the account and words the kind itself.
 *
 * @param notificationId      the same on every delivery of one notification, so a channel can drop a repeat
 * @param recipientAccountId  whom to tell
 * @param kind                what happened
 * @param link                the application path to open
 */
public record OutboundNotice(String notificationId, String recipientAccountId, NotificationKind kind, String link) {
}
