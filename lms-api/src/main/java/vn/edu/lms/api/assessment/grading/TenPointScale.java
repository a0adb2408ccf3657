package vn.edu.lms.api.assessment.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The test score on the 10-point scale, rounded as the regulations require, so that every screen,
 * export and average starts from the same number.
 * <ul>
 * <li>Grades 6–9 (THCS, Thông tư 22/2021): one decimal, rounded half up (6.25 → 6.3).</li>
 * <li>Grades 1–5 (primary, Thông tư 27/2020): a whole number from 1 to 10, rounded half up, never
 * below 1 (there is no 0 on a primary test).</li>
 * </ul>
 * The quotient is rounded once, straight from the exact value ({@code earned × 10 / total}), never
 * from an already-rounded intermediate: rounding twice can push a value that is just below a half
 * (6.2499…) over it.
 */
public final class TenPointScale {

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final int FIRST_GRADE = 1;
    private static final int LAST_PRIMARY_GRADE = 5;
    private static final int LAST_GRADE = 9;
    /** Thông tư 27: the lowest score a primary test can be given. */
    private static final BigDecimal PRIMARY_MINIMUM = BigDecimal.ONE;

    private TenPointScale() {
    }

    /**
     * The score of {@code earned} out of {@code total} points, on the 10-point scale of {@code grade}.
     * {@code earned} is clamped to [0, total]: a manual adjustment can never make a test worth more
     * than 10 or less than 0.
     *
     * @return one decimal (scale 1) for grades 6–9; a whole number (scale 0) from 1 to 10 for grades 1–5
     * @throws IllegalArgumentException if {@code total} is not positive or {@code grade} is not 1–9
     */
    public static BigDecimal score(BigDecimal earned, BigDecimal total, int grade) {
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("A test must be worth more than 0 points, not " + total.toPlainString());
        }
        boolean primary = isPrimary(grade);
        BigDecimal clamped = earned.max(BigDecimal.ZERO).min(total);
        // divide(…, scale, mode) rounds the exact quotient: a single rounding.
        BigDecimal score = clamped.multiply(TEN).divide(total, primary ? 0 : 1, RoundingMode.HALF_UP);
        return primary ? score.max(PRIMARY_MINIMUM) : score;
    }

    /**
     * Whether {@code grade} is a primary grade (1–5, Thông tư 27) rather than lower secondary (6–9,
     * Thông tư 22); the two levels round and report scores differently.
     *
     * @throws IllegalArgumentException if {@code grade} is not 1–9, the grades the product serves
     */
    public static boolean isPrimary(int grade) {
        if (grade < FIRST_GRADE || grade > LAST_GRADE) {
            throw new IllegalArgumentException("Grade must be 1–9, not " + grade);
        }
        return grade <= LAST_PRIMARY_GRADE;
    }
}
