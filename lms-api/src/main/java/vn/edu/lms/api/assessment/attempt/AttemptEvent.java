package vn.edu.lms.api.assessment.attempt;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One line of an attempt's log for the proctor: what happened, when, and a short detail (never personal data). */
@Document("attempt_events")
public record AttemptEvent(@Id String id, String attemptId, String sessionId, String studentId, Type type, Instant at,
        @Nullable String detail) {

    public enum Type {
        STARTED, RESUMED, FOCUS_LOST, FOCUS_BACK, OFFLINE, RECONNECTED, PAUSED, UNPAUSED, EXTRA_TIME, OUTAGE_CREDIT, SUBMITTED,
        AUTO_SUBMITTED;

        /** What a browser may report; the rest are written by the server. */
        public boolean reportedByClient() {
            return this == FOCUS_LOST || this == FOCUS_BACK || this == OFFLINE || this == RECONNECTED;
        }
    }
}
