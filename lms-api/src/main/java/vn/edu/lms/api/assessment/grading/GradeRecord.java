package vn.edu.lms.api.assessment.grading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The grading of one submitted attempt (collection {@code attempt_grades}), done again whenever its
 * answers' scoring may change (a hand grade, a corrected key). The teacher's hand grades live here
 * and survive every regrading.
 *
 * @param handGrades  by item number ("3"): points, comment, who graded and when
 */
@Document("attempt_grades")
public record GradeRecord(@Id String attemptId, String sessionId, String studentId, String classId, @Nullable String paperCode,
        List<GradedItem> items, BigDecimal earned, BigDecimal total, @Nullable BigDecimal score, boolean complete,
        Map<String, StoredHandGrade> handGrades, Instant gradedAt) {

    public GradeRecord {
        items = List.copyOf(items);
        handGrades = handGrades == null ? Map.of() : Map.copyOf(handGrades);
    }

    /** A hand grade as kept: the grade, and the teacher who gave it. */
    public record StoredHandGrade(BigDecimal points, @Nullable String comment, String gradedBy, Instant at) {
    }
}
