package vn.edu.lms.api.assignment;

import java.math.BigDecimal;
import java.time.Instant;

import vn.edu.lms.api.assessment.grading.TenPointScale;

/**
 * When work may be handed in, and what lateness costs. Until the due time a student hands in and
 * hands in again as often as they like; after it, until the cut-off, work is accepted but marked
 * late, and only from a student who has nothing on time (resubmission ends at the due time); after
 * the cut-off, nothing is accepted. Pure rules, no I/O.
 */
public final class LatePolicy {

    private LatePolicy() {
    }

    public enum Window {
        NOT_OPEN, ON_TIME, LATE, CLOSED
    }

    public static Window window(Assignment assignment, Instant now) {
        if (now.isBefore(assignment.opensAt())) {
            return Window.NOT_OPEN;
        }
        if (!now.isAfter(assignment.dueAt())) {
            return Window.ON_TIME;
        }
        return assignment.cutOffAt() != null && !now.isAfter(assignment.cutOffAt()) ? Window.LATE : Window.CLOSED;
    }

    /** Why a hand-in at {@code now} is refused (a problem slug), or null when it is accepted. */
    public static @org.jspecify.annotations.Nullable String refusal(Assignment assignment, @org.jspecify.annotations.Nullable Submission existing,
            Instant now) {
        return switch (window(assignment, now)) {
            case NOT_OPEN -> "assignment-not-open";
            case ON_TIME -> null;
            case LATE -> existing != null && existing.versions().stream().anyMatch(version -> !version.late()) ? "assignment-resubmission-closed"
                : null;
            case CLOSED -> "assignment-closed";
        };
    }

    /**
     * The score recorded for work scored {@code raw}: less {@code percent} per cent when it was late,
     * on the grade's scale (one decimal rounded half up for grades 6–9, a whole number from 1 for 1–5).
     */
    public static BigDecimal penalised(BigDecimal raw, int percent, boolean late, int grade) {
        if (!late || percent == 0) {
            return raw;
        }
        return TenPointScale.score(raw.multiply(BigDecimal.valueOf(100L - percent)), BigDecimal.valueOf(1000), grade);
    }
}
