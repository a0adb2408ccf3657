package vn.edu.lms.api.gradebook.rules;

import java.util.Collection;
import java.util.Optional;

/**
 * A primary student's year result under Thông tư 27/2020 (Điều 14, khoản 1), from the year's subject
 * ratings, the ratings of the qualities and competences, and the scores of the end-of-year periodic
 * tests (whole numbers 1–10, for the subjects that have one).
 */
public enum Tt27YearResult {
    CHUA_HOAN_THANH("Chưa hoàn thành"), HOAN_THANH("Hoàn thành"), HOAN_THANH_TOT("Hoàn thành tốt"),
    HOAN_THANH_XUAT_SAC("Hoàn thành xuất sắc");

    /** A subject's rating for the year. */
    public enum SubjectRating { CHUA_HOAN_THANH, HOAN_THANH, HOAN_THANH_TOT }

    /** A quality's or a competence's rating for the year. */
    public enum QualityRating { CAN_CO_GANG, DAT, TOT }

    private final String label;

    Tt27YearResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Hoàn thành xuất sắc: every subject Hoàn thành tốt, every quality and competence Tốt, every
     * end-of-year test 9 or more; Hoàn thành tốt: the same with tests 7 or more; Hoàn thành: every
     * subject at least Hoàn thành, every quality and competence at least Đạt, tests 5 or more;
     * otherwise Chưa hoàn thành. Empty when there is nothing rated yet.
     */
    public static Optional<Tt27YearResult> of(Collection<SubjectRating> subjects, Collection<QualityRating> qualitiesAndCompetences,
                                              Collection<Integer> endOfYearScores) {
        if (subjects.isEmpty() || qualitiesAndCompetences.isEmpty()) {
            return Optional.empty();
        }
        for (Integer score : endOfYearScores) {
            if (score < 1 || score > 10) {
                throw new IllegalArgumentException("a primary test score is a whole number from 1 to 10, not " + score);
            }
        }
        boolean subjectsTot = subjects.stream().allMatch(rating -> rating == SubjectRating.HOAN_THANH_TOT);
        boolean qualitiesTot = qualitiesAndCompetences.stream().allMatch(rating -> rating == QualityRating.TOT);
        if (subjectsTot && qualitiesTot && lowest(endOfYearScores) >= 9) {
            return Optional.of(HOAN_THANH_XUAT_SAC);
        }
        if (subjectsTot && qualitiesTot && lowest(endOfYearScores) >= 7) {
            return Optional.of(HOAN_THANH_TOT);
        }
        if (subjects.stream().noneMatch(rating -> rating == SubjectRating.CHUA_HOAN_THANH)
            && qualitiesAndCompetences.stream().noneMatch(rating -> rating == QualityRating.CAN_CO_GANG) && lowest(endOfYearScores) >= 5) {
            return Optional.of(HOAN_THANH);
        }
        return Optional.of(CHUA_HOAN_THANH);
    }

    private static int lowest(Collection<Integer> scores) {
        return scores.stream().mapToInt(Integer::intValue).min().orElse(10);
    }
}
