package vn.edu.lms.api.gradebook.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import vn.edu.lms.api.gradebook.rules.Tt22LearningResult.Level;

/**
 * The year titles of Thông tư 22 (Điều 15): Học sinh Xuất sắc (conduct and learning Tốt, at least
 * 6 subjects with a year average of 9.0 or more), Học sinh Giỏi (conduct and learning Tốt).
 */
public enum Tt22YearTitle {
    XUAT_SAC("Học sinh Xuất sắc"), GIOI("Học sinh Giỏi");

    private static final BigDecimal NINE = new BigDecimal("9.0");
    private static final int SUBJECTS_NEEDED = 6;

    private final String label;

    Tt22YearTitle(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The title for the year's conduct, learning result and scored-subject year averages; empty when
     * none is earned. The learning result is the one after the adjustment of Điều 9, khoản 3.
     */
    public static Optional<Tt22YearTitle> of(Level conduct, Level learning, List<BigDecimal> yearAverages) {
        if (conduct != Level.TOT || learning != Level.TOT) {
            return Optional.empty();
        }
        long fromNine = yearAverages.stream().map(Tt22Averages::score).filter(average -> average.compareTo(NINE) >= 0).count();
        return Optional.of(fromNine >= SUBJECTS_NEEDED ? XUAT_SAC : GIOI);
    }
}
