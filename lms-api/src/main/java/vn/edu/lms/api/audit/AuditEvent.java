package vn.edu.lms.api.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who read or changed personal data: ids and kinds only, never the data itself (no names, no
 * birthdays, no passwords). Written once, never updated or deleted by the application.
 *
 * @param actorId       the account that acted (or "anonymous", "system")
 * @param action        READ, CREATE, UPDATE, DELETE, or a named action (RESET_PASSWORD, SIGN_IN…)
 * @param resourceType  e.g. "account", "class-list"
 * @param resourceId    the record's id
 * @param schoolId      the school the record belongs to, for school admins' reading
 * @param address       the client address the request came from
 * @param requestId     ties the event to the request's log lines
 */
@Document("audit_events")
public record AuditEvent(
    @Id @Nullable String id,
    @Indexed Instant at,
    String actorId,
    String action,
    String resourceType,
    String resourceId,
    @Indexed @Nullable String schoolId,
    @Nullable String address,
    @Nullable String requestId) {
}
