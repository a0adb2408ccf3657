package vn.edu.lms.api.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification of one recipient.
 *
 * @param id            derived from recipient, kind, link and dedupe key, so the same notice sent twice is stored once
 * @param pending       the channels that still owe a delivery
 * @param deliverAfter  when the channels in {@code pending} are tried (again) by the retry round
 */
@Document("notifications")
record Notification(@Id String id, String recipientId, NotificationKind kind, String link, String title, @Nullable String classId,
        @Nullable String schoolId, Instant createdAt, @Nullable Instant readAt, List<String> pending, Instant deliverAfter) {

    Notification {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    static Notification of(String recipientId, Notice notice, Instant now, List<String> channels, Instant deliverAfter) {
        return new Notification(idOf(recipientId, notice), recipientId, notice.kind(), notice.link(), notice.title(), notice.classId(),
            notice.schoolId(), now, null, channels, deliverAfter);
    }

    OutboundNotice outbound() {
        return new OutboundNotice(id, recipientId, kind, link);
    }

    static String idOf(String recipientId, Notice notice) {
        String key = String.join("\n", recipientId, notice.kind().name(), notice.link(), Objects.requireNonNullElse(notice.dedupeKey(), ""));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
