package vn.edu.lms.api.gradebook.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Subject averages under Thông tư 22 (Điều 7 and 8): every score and average is a number on the
 * 10-point scale with one decimal, rounded half up, computed exactly (no binary floating point).
 */
public final class Tt22Averages {

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private Tt22Averages() {
    }

    /**
     * The regular assessments (ĐĐGtx) a scored subject needs each term: 2 for up to 35 periods a
     * year, 3 for more than 35 up to 70, 4 for more than 70.
     */
    public static int regularAssessmentsPerTerm(int periodsPerYear) {
        if (periodsPerYear <= 0) {
            throw new IllegalArgumentException("a subject has at least one period a year, not " + periodsPerYear);
        }
        return periodsPerYear <= 35 ? 2 : periodsPerYear <= 70 ? 3 : 4;
    }

    /** A score as the gradebook keeps it: on the 10-point scale, one decimal, half up. */
    public static BigDecimal score(BigDecimal raw) {
        if (raw.signum() < 0 || raw.compareTo(TEN) > 0) {
            throw new IllegalArgumentException("a score is from 0 to 10, not " + raw.toPlainString());
        }
        return raw.setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * The term average ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (number of ĐĐGtx + 5). Empty while a
     * score is missing, fewer regular scores than the subject needs among them: a missed assessment
     * is made up, or recorded as 0 when the student does not take the make-up (Điều 6, khoản 4).
     */
    public static Optional<BigDecimal> term(List<BigDecimal> regular, int regularNeeded, Optional<BigDecimal> midTerm,
                                            Optional<BigDecimal> endOfTerm) {
        if (regular.size() < regularNeeded || midTerm.isEmpty() || endOfTerm.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = regular.stream().map(Tt22Averages::score).reduce(BigDecimal.ZERO, BigDecimal::add)
            .add(TWO.multiply(score(midTerm.get()))).add(THREE.multiply(score(endOfTerm.get())));
        return Optional.of(sum.divide(BigDecimal.valueOf(regular.size() + 5L), 1, RoundingMode.HALF_UP));
    }

    /** The year average ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3; empty while a term average is. */
    public static Optional<BigDecimal> year(Optional<BigDecimal> firstTerm, Optional<BigDecimal> secondTerm) {
        if (firstTerm.isEmpty() || secondTerm.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(score(firstTerm.get()).add(TWO.multiply(score(secondTerm.get())))
            .divide(THREE, 1, RoundingMode.HALF_UP));
    }
}
