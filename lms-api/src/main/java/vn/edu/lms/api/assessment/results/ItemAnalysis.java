package vn.edu.lms.api.assessment.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.questionbank.QuestionType;

/**
 * Classical item analysis of a graded session, so that a teacher sees which questions were too
 * hard or too easy and, above all, which look miskeyed before the scores are published.
 * <p>
 * Students in a session may have different papers drawn from the bank, so an item is a question
 * (id and version), not a position on a paper, and each statistic is taken over the students
 * whose paper had that question only. A question edited between draws gives one item per version:
 * the two versions may have different keys.
 * <ul>
 * <li>Difficulty (p-value): the mean earned fraction, 0–1; higher is easier.</li>
 * <li>Discrimination: the mean fraction of the upper group minus that of the lower group, where the
 * groups are the top and bottom 27% (rounded up) of the students who had the item, ranked by their
 * whole-test score; ties are broken by student id so that the result is reproducible.</li>
 * </ul>
 * Statistics of the groups (discrimination and the distractor check) need at least
 * {@value #MIN_STUDENTS_FOR_GROUPS} students: below that a group is one or two students, and one
 * student's slip would flag the question.
 */
public final class ItemAnalysis {

    /** Flag: the lower group did better on the item than the upper group. */
    public static final String NEGATIVE_DISCRIMINATION = "negative-discrimination";
    /** Flag: a wrong option drew more of the upper group than a key did, the classic sign of a wrong key. */
    public static final String DISTRACTOR_BEATS_KEY = "distractor-beats-key";
    /** Flag: difficulty below 0.20: few students earned the points. */
    public static final String TOO_HARD = "too-hard";
    /** Flag: difficulty above 0.95: the item tells the students apart hardly at all. */
    public static final String TOO_EASY = "too-easy";

    /** Fewer students than this give no discrimination and no distractor check. */
    public static final int MIN_STUDENTS_FOR_GROUPS = 10;
    private static final int GROUP_PERCENT = 27;
    private static final BigDecimal TOO_HARD_BELOW = new BigDecimal("0.20");
    private static final BigDecimal TOO_EASY_ABOVE = new BigDecimal("0.95");
    private static final int STATISTIC_SCALE = 2;

    private static final Comparator<Response> STRONGEST_FIRST = Comparator.comparing(Response::testScore).reversed()
        .thenComparing(Response::studentId);

    private ItemAnalysis() {
    }

    /**
     * One student's graded answer to one question.
     *
     * @param fraction the share of the question's points earned, 0–1
     * @param chosen   for {@link QuestionType#SINGLE_CHOICE} and {@link QuestionType#MULTIPLE_RESPONSE}: the
     *                 option keys chosen, as the question names its options (not the letters shown on a
     *                 shuffled paper); empty for other types and when blank
     * @param keys     for those two types: the right option keys, in the same naming; empty otherwise
     * @param blank    the student gave no answer
     */
    public record Answer(String questionId, int version, QuestionType type, BigDecimal fraction, List<String> chosen,
        List<String> keys, boolean blank) {

        public Answer {
            if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("An earned fraction is 0–1, not " + fraction.toPlainString());
            }
            chosen = List.copyOf(chosen);
            keys = List.copyOf(keys);
        }
    }

    /**
     * One student's graded paper: only students with a whole-test score belong in an analysis, since
     * the groups are formed by that score.
     *
     * @param score the whole-test score on the 10-point scale
     */
    public record Sheet(String studentId, BigDecimal score, List<Answer> answers) {

        public Sheet {
            answers = List.copyOf(answers);
        }
    }

    /**
     * The analysis of one question.
     *
     * @param answeredBy     the students whose paper had the question, blanks included
     * @param difficulty     the mean earned fraction (p-value), 0–1, two decimals; higher is easier
     * @param discrimination upper-group minus lower-group mean fraction, two decimals; null with fewer
     *                       than {@link #MIN_STUDENTS_FOR_GROUPS} students
     * @param optionCounts   for choice types: each option key seen (chosen by someone, or a key) to the
     *                       number of students who chose it, sorted by key; options nobody chose and that
     *                       are not keys are not known here. Empty for other types
     * @param blanks         the students who left it blank
     * @param keys           the right option keys, for choice types
     * @param flag           what looks wrong, as a slug for a message key ({@link #DISTRACTOR_BEATS_KEY},
     *                       {@link #NEGATIVE_DISCRIMINATION}, {@link #TOO_HARD}, {@link #TOO_EASY}, in that
     *                       precedence: a wrong key matters more than the pitch); null when nothing does
     */
    public record Item(String questionId, int version, QuestionType type, int answeredBy, BigDecimal difficulty,
        @Nullable BigDecimal discrimination, Map<String, Integer> optionCounts, int blanks, List<String> keys,
        @Nullable String flag) {

        public Item {
            optionCounts = Collections.unmodifiableMap(new LinkedHashMap<>(optionCounts));
            keys = List.copyOf(keys);
        }
    }

    /** The items answered on {@code sheets}, ordered by question id, then version. */
    public static List<Item> analyse(List<Sheet> sheets) {
        Map<ItemId, List<Response>> responses = new TreeMap<>(
            Comparator.comparing(ItemId::questionId).thenComparingInt(ItemId::version));
        for (Sheet sheet : sheets) {
            for (Answer answer : sheet.answers()) {
                responses.computeIfAbsent(new ItemId(answer.questionId(), answer.version()), id -> new ArrayList<>())
                    .add(new Response(sheet.studentId(), sheet.score(), answer));
            }
        }
        return responses.values().stream().map(ItemAnalysis::item).toList();
    }

    private static Item item(List<Response> responses) {
        List<Response> ranked = responses.stream().sorted(STRONGEST_FIRST).toList();
        Answer first = ranked.get(0).answer();
        boolean choice = isChoice(first.type());
        int students = ranked.size();
        BigDecimal difficulty = totalFraction(ranked).divide(BigDecimal.valueOf(students), STATISTIC_SCALE,
            RoundingMode.HALF_UP);

        @Nullable BigDecimal discrimination = null;
        boolean distractorBeatsKey = false;
        if (students >= MIN_STUDENTS_FOR_GROUPS) {
            int groupSize = groupSize(students);
            List<Response> upper = ranked.subList(0, groupSize);
            List<Response> lower = ranked.subList(students - groupSize, students);
            // One division of the exact difference: a single rounding.
            discrimination = totalFraction(upper).subtract(totalFraction(lower))
                .divide(BigDecimal.valueOf(groupSize), STATISTIC_SCALE, RoundingMode.HALF_UP);
            distractorBeatsKey = choice && distractorBeatsKey(optionCounts(upper), first.keys());
        }
        int blanks = (int) ranked.stream().filter(response -> response.answer().blank()).count();
        return new Item(first.questionId(), first.version(), first.type(), students, difficulty, discrimination,
            choice ? optionCounts(ranked) : Map.of(), blanks, first.keys(),
            flag(difficulty, discrimination, distractorBeatsKey));
    }

    /** The top or bottom 27% of {@code students}, rounded up, at least one. */
    static int groupSize(int students) {
        return Math.max(1, (students * GROUP_PERCENT + 99) / 100);
    }

    private static BigDecimal totalFraction(List<Response> responses) {
        return responses.stream().map(response -> response.answer().fraction()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Each option seen, chosen or a key, to the number of {@code responses} that chose it, sorted by key. */
    private static Map<String, Integer> optionCounts(List<Response> responses) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Response response : responses) {
            response.answer().keys().forEach(key -> counts.putIfAbsent(key, 0));
            response.answer().chosen().forEach(option -> counts.merge(option, 1, Integer::sum));
        }
        return counts;
    }

    /** Whether some wrong option was chosen more often than the least-chosen key. */
    private static boolean distractorBeatsKey(Map<String, Integer> upperCounts, List<String> keys) {
        int leastChosenKey = keys.stream().mapToInt(key -> upperCounts.getOrDefault(key, 0)).min().orElse(0);
        return upperCounts.entrySet().stream()
            .anyMatch(option -> !keys.contains(option.getKey()) && option.getValue() > leastChosenKey);
    }

    private static @Nullable String flag(BigDecimal difficulty, @Nullable BigDecimal discrimination,
        boolean distractorBeatsKey) {
        if (distractorBeatsKey) {
            return DISTRACTOR_BEATS_KEY;
        }
        if (discrimination != null && discrimination.signum() < 0) {
            return NEGATIVE_DISCRIMINATION;
        }
        if (difficulty.compareTo(TOO_HARD_BELOW) < 0) {
            return TOO_HARD;
        }
        if (difficulty.compareTo(TOO_EASY_ABOVE) > 0) {
            return TOO_EASY;
        }
        return null;
    }

    private static boolean isChoice(QuestionType type) {
        return type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_RESPONSE;
    }

    private record ItemId(String questionId, int version) {
    }

    /** One answer with what ranks its student. */
    private record Response(String studentId, BigDecimal testScore, Answer answer) {
    }
}
