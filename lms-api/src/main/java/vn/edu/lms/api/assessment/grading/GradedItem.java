package vn.edu.lms.api.assessment.grading;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.questionbank.QuestionType;

/**
 * One item of a graded paper.
 *
 * @param earned  points earned; null while a hand-graded item waits for its teacher
 * @param manual  graded by hand (essays)
 * @param blank   the student gave nothing
 */
public record GradedItem(int number, String questionId, int version, QuestionType type, BigDecimal points, @Nullable BigDecimal earned,
        boolean manual, boolean blank, @Nullable String comment) {

    /** The share of the item's points earned (0 while it waits to be graded). */
    public BigDecimal fraction() {
        return earned == null || points.signum() == 0 ? BigDecimal.ZERO : earned.divide(points, 6, java.math.RoundingMode.HALF_UP);
    }
}
