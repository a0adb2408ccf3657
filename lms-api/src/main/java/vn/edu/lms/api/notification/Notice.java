package vn.edu.lms.api.notification;

import org.jspecify.annotations.Nullable;

/**
 * What a feature tells people, the same for every recipient.
 *
 * @param kind       what happened
 * @param link       the application path it is about ({@code /api/v1/attempts/{id}/result}); ids only, never personal data,
 *                   since the link is what leaves the server
 * @param title      the lesson, assignment or test title, shown in the application only
 * @param classId    the class it concerns, if any
 * @param schoolId   the school it concerns, if any
 * @param dedupeKey  tells apart two events of the same kind and link (two tests listed under the same page); a notice sent
 *                   again with the same kind, link and key reaches each recipient once
 */
public record Notice(NotificationKind kind, String link, String title, @Nullable String classId, @Nullable String schoolId,
        @Nullable String dedupeKey) {

    public Notice {
        if (!link.startsWith("/") || link.startsWith("//") || link.length() > 500) {
            throw new IllegalArgumentException("a notice links to a path of the application");
        }
    }

    /** A notice told once per kind and link. */
    public Notice(NotificationKind kind, String link, String title, @Nullable String classId, @Nullable String schoolId) {
        this(kind, link, title, classId, schoolId, null);
    }
}
