package vn.edu.lms.content.curriculum;

import java.util.List;
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
 */
public record Subject(String code, String name, String nameEn, List<Integer> grades, Assessment assessment,
        @Nullable Map<String, Integer> periodsPerYear) {

    public Subject {
        grades = List.copyOf(grades);
        periodsPerYear = periodsPerYear == null ? Map.of() : Map.copyOf(periodsPerYear);
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
