/**
 * In-app notifications (collection {@code notifications}): one document per recipient, read and
 * marked read by that person only, and handed to outbound {@link vn.edu.lms.api.notification.NotificationChannel}s
 * (e-mail, Zalo, when there are some) carrying ids, the kind and a link only, never a title, name or score.
 */
@NullMarked
package vn.edu.lms.api.notification;

import org.jspecify.annotations.NullMarked;
