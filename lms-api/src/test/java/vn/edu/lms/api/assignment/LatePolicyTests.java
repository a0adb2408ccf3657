package vn.edu.lms.api.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** When work is accepted, marked late or refused, and what lateness costs. */
class LatePolicyTests {

    private static final Instant OPENS = Instant.parse("2026-11-23T01:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-30T16:59:59Z");
    private static final Instant CUT_OFF = Instant.parse("2026-12-01T16:59:59Z");

    private static Assignment assignment(@Nullable Instant cutOff) {
        return new Assignment("a", 0L, "s", "y", "c", 7, "toan", "Bài tập", "<p>Làm bài</p>", List.of(), List.of(), OPENS, DUE, cutOff, 20,
            Assignment.Grading.SCORE, List.of(), 5, 20, List.of(), Assignment.Status.PUBLISHED, true, "t", false, OPENS, OPENS);
    }

    private static Submission handedIn(boolean... late) {
        List<Submission.Version> versions = new java.util.ArrayList<>();
        for (boolean each : late) {
            versions.add(new Submission.Version("bài làm", List.of(), OPENS, each));
        }
        return new Submission("a/st", "a", "c", "st", versions.size(), versions, null);
    }

    @Test
    void workIsOnTimeUpToTheDueSecondLateUntilTheCutOffAndRefusedAfter() {
        Assignment assignment = assignment(CUT_OFF);
        assertThat(LatePolicy.window(assignment, OPENS.minusSeconds(1))).isEqualTo(LatePolicy.Window.NOT_OPEN);
        assertThat(LatePolicy.window(assignment, OPENS)).isEqualTo(LatePolicy.Window.ON_TIME);
        assertThat(LatePolicy.window(assignment, DUE)).isEqualTo(LatePolicy.Window.ON_TIME);
        assertThat(LatePolicy.window(assignment, DUE.plusSeconds(1))).isEqualTo(LatePolicy.Window.LATE);
        assertThat(LatePolicy.window(assignment, CUT_OFF)).isEqualTo(LatePolicy.Window.LATE);
        assertThat(LatePolicy.window(assignment, CUT_OFF.plusSeconds(1))).isEqualTo(LatePolicy.Window.CLOSED);
        assertThat(LatePolicy.window(assignment(null), DUE.plusSeconds(1))).isEqualTo(LatePolicy.Window.CLOSED);
    }

    @Test
    void resubmittingEndsAtTheDueTimeButAStudentWithNothingOnTimeMayHandInLate() {
        Assignment assignment = assignment(CUT_OFF);
        Instant late = DUE.plusSeconds(3600);
        assertThat(LatePolicy.refusal(assignment, handedIn(false, false), DUE)).isNull();
        assertThat(LatePolicy.refusal(assignment, handedIn(false), late)).isEqualTo("assignment-resubmission-closed");
        assertThat(LatePolicy.refusal(assignment, null, late)).isNull();
        assertThat(LatePolicy.refusal(assignment, handedIn(true), late)).isNull();
        assertThat(LatePolicy.refusal(assignment, null, CUT_OFF.plusSeconds(1))).isEqualTo("assignment-closed");
        assertThat(LatePolicy.refusal(assignment, null, OPENS.minusSeconds(1))).isEqualTo("assignment-not-open");
    }

    @Test
    void aLatePenaltyIsTakenOffTheScoreOnTheGradesScale() {
        // Grade 7: one decimal, half up. 8.5 less 15 % is 7.225, recorded 7.2; 7.5 less 15 % is 6.375, recorded 6.4.
        assertThat(LatePolicy.penalised(new BigDecimal("8.5"), 15, true, 7)).isEqualByComparingTo("7.2");
        assertThat(LatePolicy.penalised(new BigDecimal("7.5"), 15, true, 7)).isEqualByComparingTo("6.4");
        assertThat(LatePolicy.penalised(new BigDecimal("8.5"), 15, false, 7)).isEqualByComparingTo("8.5");
        assertThat(LatePolicy.penalised(new BigDecimal("8.5"), 0, true, 7)).isEqualByComparingTo("8.5");
        // Grade 4: whole numbers, half up, never below 1. 7 less 10 % is 6.3 → 6; 1 less 50 % is still 1.
        assertThat(LatePolicy.penalised(new BigDecimal("7"), 10, true, 4)).isEqualByComparingTo("6");
        assertThat(LatePolicy.penalised(new BigDecimal("9"), 50, true, 4)).isEqualByComparingTo("5");
        assertThat(LatePolicy.penalised(new BigDecimal("1"), 50, true, 4)).isEqualByComparingTo("1");
        assertThat(LatePolicy.penalised(new BigDecimal("9"), 100, true, 8)).isEqualByComparingTo("0.0");
    }
}
