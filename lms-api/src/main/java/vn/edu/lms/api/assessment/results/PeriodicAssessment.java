package vn.edu.lms.api.assessment.results;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A periodic test score as the gradebook records it: ĐĐGgk (giữa kỳ) or ĐĐGck (cuối kỳ) of a
 * student in a subject and term, on the 10-point scale (one decimal for THCS, a whole number 1–10
 * for primary), from the session it was taken in (with its title, as a child's results page lists it).
 */
public record PeriodicAssessment(String studentId, String classId, String subjectCode, String yearId, int term, Column column,
        BigDecimal score, String sessionId, String sessionTitle, Instant releasedAt) {

    /** The gradebook column: đánh giá giữa kỳ or cuối kỳ. */
    public enum Column {
        DDG_GK, DDG_CK
    }
}
