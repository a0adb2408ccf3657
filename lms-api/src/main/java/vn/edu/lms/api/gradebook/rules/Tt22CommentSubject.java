package vn.edu.lms.api.gradebook.rules;

import java.util.List;
import java.util.Optional;

/**
 * A subject assessed by comment under Thông tư 22 (Điều 7, khoản 3; Điều 8): each assessment is
 * Đạt or Chưa đạt. A term is Đạt when every assessment the subject needs was made and all are Đạt,
 * or at least two thirds are Đạt with the end-of-term one among them; otherwise Chưa đạt. The year
 * is what the second term is.
 */
public final class Tt22CommentSubject {

    private Tt22CommentSubject() {
    }

    /** The term result; empty while an assessment is missing (fewer regular ones than needed, no mid- or end-of-term one). */
    public static Optional<Boolean> term(List<Boolean> regular, int regularNeeded, Optional<Boolean> midTerm, Optional<Boolean> endOfTerm) {
        if (regular.size() < regularNeeded || midTerm.isEmpty() || endOfTerm.isEmpty()) {
            return Optional.empty();
        }
        int total = regular.size() + 2;
        long achieved = regular.stream().filter(Boolean::booleanValue).count() + (midTerm.get() ? 1 : 0) + (endOfTerm.get() ? 1 : 0);
        // At least two thirds, in whole numbers: 3·achieved ≥ 2·total.
        return Optional.of(achieved == total || endOfTerm.get() && 3 * achieved >= 2L * total);
    }

    /** The year result: the second term's. */
    public static Optional<Boolean> year(Optional<Boolean> secondTerm) {
        return secondTerm;
    }
}
