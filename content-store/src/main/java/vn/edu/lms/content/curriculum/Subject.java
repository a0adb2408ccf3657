package vn.edu.lms.content.curriculum;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A subject (môn học) of the 2018 curriculum.
 *
 * @param code        stable identifier, e.g. {@code toan}
 * @param name        Vietnamese name, e.g. "Toán"
 * @param nameEn      English name
 * @param grades      the grades (1–9) that study it
 * @param assessment  scored on the 10-point scale, or assessed by comment (Đạt / Chưa đạt)
 * @param periodsPerYear  lower secondary: periods a year by grade ("6" to "9"), which decide how many regular
 *                        assessments a term needs (Thông tư 22); empty for primary
 * @param primaryEndTest  primary: whether the subject has a scored periodic test at the end of term I and of the year
 * @param primaryMidTestFrom  primary: from this grade on, also a mid-term test in each term
 */
public record Subject(String code, String name, String nameEn, List<Integer> grades, Assessment assessment,
        @Nullable Map<String, Integer> periodsPerYear, @Nullable Boolean primaryEndTest, @Nullable Integer primaryMidTestFrom) {

    public Subject {
        grades = List.copyOf(grades);
        periodsPerYear = periodsPerYear == null ? Map.of() : Map.copyOf(periodsPerYear);
    }

    /** Its name in the language of {@code locale}: English for English, Vietnamese otherwise. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : name;
    }

    /** Whether a primary class of {@code grade} takes a scored periodic test in this subject at a term's end, or at its middle. */
    public boolean primaryTestAt(int grade, boolean endOfTerm) {
        if (!Boolean.TRUE.equals(primaryEndTest) || grade > 5) {
            return false;
        }
        return endOfTerm || primaryMidTestFrom != null && grade >= primaryMidTestFrom;
    }

    /** Its periods a year in {@code grade}, where the curriculum data gives them. */
    public Optional<Integer> periodsIn(int grade) {
        return Optional.ofNullable(java.util.Objects.requireNonNull(periodsPerYear).get(String.valueOf(grade)));
    }

    /** How a subject is assessed. */
    public enum Assessment {
        /** Scores on the 10-point scale. */
        SCORED,
        /** Comments only: Đạt / Chưa đạt (THCS), Hoàn thành… (tiểu học). */
        COMMENT
    }

    public boolean taughtIn(int grade) {
        return grades.contains(grade);
    }
}
