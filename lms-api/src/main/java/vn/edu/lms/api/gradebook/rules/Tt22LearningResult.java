package vn.edu.lms.api.gradebook.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The learning result of a term or a year under Thông tư 22, Điều 9: the four levels of khoản 2,
 * and the adjustment of khoản 3 for a result pulled down two or more levels by one subject alone.
 */
public final class Tt22LearningResult {

    private static final BigDecimal EIGHT = new BigDecimal("8.0");
    private static final BigDecimal SIX_AND_A_HALF = new BigDecimal("6.5");
    private static final BigDecimal FIVE = new BigDecimal("5.0");
    private static final BigDecimal THREE_AND_A_HALF = new BigDecimal("3.5");
    /** "At least 6 subjects" in every level of khoản 2. */
    private static final int SUBJECTS_NEEDED = 6;

    private Tt22LearningResult() {
    }

    /** The levels, lowest first. */
    public enum Level {
        CHUA_DAT("Chưa đạt"), DAT("Đạt"), KHA("Khá"), TOT("Tốt");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        /** As the tracking book writes it. */
        public String label() {
            return label;
        }

        Level oneUp() {
            return values()[Math.min(ordinal() + 1, TOT.ordinal())];
        }
    }

    /** A subject's term or year result: an average (scored subject) or Đạt / Chưa đạt (comment subject); empty while missing. */
    public record Subject(String name, boolean commentOnly, Optional<BigDecimal> average, Optional<Boolean> achieved) {

        public static Subject scored(String name, Optional<BigDecimal> average) {
            return new Subject(name, false, average.map(Tt22Averages::score), Optional.empty());
        }

        public static Subject scored(String name, String average) {
            return scored(name, Optional.of(new BigDecimal(average)));
        }

        /** A comment-only subject: {@code achieved} is Đạt, false is Chưa đạt, empty is not yet rated. */
        public static Subject rated(String name, Optional<Boolean> achieved) {
            return new Subject(name, true, Optional.empty(), achieved);
        }

        public static Subject rated(String name, boolean achieved) {
            return rated(name, Optional.of(achieved));
        }

        boolean isScored() {
            return !commentOnly;
        }

        boolean isComplete() {
            return commentOnly ? achieved.isPresent() : average.isPresent();
        }

        boolean atLeast(BigDecimal threshold) {
            return average.orElseThrow().compareTo(threshold) >= 0;
        }
    }

    /**
     * The result: its level, the level khoản 2 alone gives (lower when khoản 3 raised it), and the
     * subject that alone pulled it down, when it was raised.
     */
    public record Outcome(Level level, Level beforeAdjustment, @Nullable String adjustedFor) {
    }

    /** The result of these subjects; empty while any of them has no average or rating yet. */
    public static Optional<Outcome> of(List<Subject> subjects) {
        if (subjects.isEmpty() || !subjects.stream().allMatch(Subject::isComplete)) {
            return Optional.empty();
        }
        Level level = levelOf(subjects);
        // Khoản 3: would the result be two or more levels higher without the one subject's shortfall?
        // Leaving that subject out leaves every other condition to decide the level it would be.
        for (Subject subject : subjects) {
            List<Subject> others = new ArrayList<>(subjects);
            others.remove(subject);
            if (levelOf(others).ordinal() >= level.ordinal() + 2) {
                return Optional.of(new Outcome(level.oneUp(), level, subject.name()));
            }
        }
        return Optional.of(new Outcome(level, level, null));
    }

    /** The highest level of khoản 2 whose conditions these subjects meet. */
    static Level levelOf(List<Subject> subjects) {
        List<Subject> scored = subjects.stream().filter(Subject::isScored).toList();
        long notAchieved = subjects.stream().filter(subject -> !subject.isScored() && !subject.achieved().orElseThrow()).count();
        if (notAchieved == 0 && scored.stream().allMatch(s -> s.atLeast(SIX_AND_A_HALF)) && count(scored, EIGHT) >= SUBJECTS_NEEDED) {
            return Level.TOT;
        }
        if (notAchieved == 0 && scored.stream().allMatch(s -> s.atLeast(FIVE)) && count(scored, SIX_AND_A_HALF) >= SUBJECTS_NEEDED) {
            return Level.KHA;
        }
        if (notAchieved <= 1 && count(scored, FIVE) >= SUBJECTS_NEEDED && scored.stream().allMatch(s -> s.atLeast(THREE_AND_A_HALF))) {
            return Level.DAT;
        }
        return Level.CHUA_DAT;
    }

    private static long count(List<Subject> scored, BigDecimal threshold) {
        return scored.stream().filter(subject -> subject.atLeast(threshold)).count();
    }
}
