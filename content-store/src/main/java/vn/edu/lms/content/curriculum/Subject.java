package vn.edu.lms.content.curriculum;

import java.util.List;

/**
 * A subject (môn học) of the 2018 curriculum.
 *
 * @param code        stable identifier, e.g. {@code toan}
 * @param name        Vietnamese name, e.g. "Toán"
 * @param nameEn      English name
 * @param grades      the grades (1–9) that study it
 * @param assessment  scored on the 10-point scale, or assessed by comment (Đạt / Chưa đạt)
 */
public record Subject(String code, String name, String nameEn, List<Integer> grades, Assessment assessment) {

    public Subject {
        grades = List.copyOf(grades);
    }

    /** How a subject is assessed. */
    public enum Assessment {
        /** Scores on the 10-point scale. */
        SCORED,
        /** Comments only: Đạt / Chưa đạt (THCS), Hoàn thành… (tiểu học). */
        COMMENT
    }

    boolean taughtIn(int grade) {
        return grades.contains(grade);
    }
}
