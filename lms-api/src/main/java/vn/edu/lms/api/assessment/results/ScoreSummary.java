package vn.edu.lms.api.assessment.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The figures a teacher and the school report for one test: how many sat it and were scored, the
 * mean, median and range, the pass rate, the distribution over whole points and the counts per
 * level band. Computed with exact decimals so that what is shown agrees with the gradebook.
 *
 * @param students     the students with a score
 * @param notScored    those without one yet (absent, or an essay still to be marked)
 * @param mean         two decimals, half up; null when no one has a score
 * @param median       the middle score, or the mean of the two middle ones; two decimals, half up;
 *                     null when no one has a score
 * @param lowest       null when no one has a score
 * @param highest      null when no one has a score
 * @param passRate     the share of scored students with at least {@code 5.0}, 0–1, three decimals;
 *                     0 when no one has a score (read it with {@code students})
 * @param distribution eleven buckets: [0;1), [1;2), …, [9;10) and 10 itself
 * @param levels       the count per band, keyed by {@link Level#name()} in the order of {@link Level},
 *                     every band present
 */
public record ScoreSummary(int students, int notScored, @Nullable BigDecimal mean, @Nullable BigDecimal median,
    @Nullable BigDecimal lowest, @Nullable BigDecimal highest, BigDecimal passRate, List<Bucket> distribution,
    Map<String, Integer> levels) {

    /** The lowest passing score on the 10-point scale. */
    public static final BigDecimal PASS = new BigDecimal("5.0");
    private static final BigDecimal MAX = BigDecimal.TEN;
    private static final int MEAN_SCALE = 2;
    private static final int RATE_SCALE = 3;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public ScoreSummary {
        distribution = List.copyOf(distribution);
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    /**
     * Scores from {@code from} up to, not including, {@code to}; the last bucket holds 10 alone, with
     * {@code from} and {@code to} both 10.
     *
     * @param label {@code "[0;1)"} … {@code "[9;10)"}, {@code "10"}: a semicolon, since Vietnamese writes
     *              decimals with a comma
     */
    public record Bucket(String label, BigDecimal from, BigDecimal to, int count) {
    }

    /**
     * The level bands commonly reported for THCS tests, best first, each with its lowest score.
     * (Giỏi, Khá, Trung bình, Yếu, Kém.)
     */
    public enum Level {
        GIOI("8.0"), KHA("6.5"), TRUNG_BINH("5.0"), YEU("3.5"), KEM("0");

        private final BigDecimal from;

        Level(String from) {
            this.from = new BigDecimal(from);
        }

        /** The lowest score in the band. */
        public BigDecimal from() {
            return from;
        }

        /** The band of a score on the 10-point scale. */
        public static Level of(BigDecimal score) {
            for (Level level : values()) {
                if (score.compareTo(level.from) >= 0) {
                    return level;
                }
            }
            return KEM;
        }
    }

    /**
     * The summary of {@code scores}, one per student; null is a student not (yet) scored.
     *
     * @throws IllegalArgumentException if a score is outside 0–10
     */
    public static ScoreSummary of(List<@Nullable BigDecimal> scores) {
        List<BigDecimal> scored = new ArrayList<>();
        for (BigDecimal score : scores) {
            if (score == null) {
                continue;
            }
            if (score.signum() < 0 || score.compareTo(MAX) > 0) {
                throw new IllegalArgumentException("A score is 0–10, not " + score.toPlainString());
            }
            scored.add(score);
        }
        scored.sort(null);
        int students = scored.size();
        int notScored = scores.size() - students;

        int[] bucketCounts = new int[MAX.intValue() + 1];
        Map<Level, Integer> levelCounts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            levelCounts.put(level, 0);
        }
        int passed = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal score : scored) {
            // intValue() is the floor for a non-negative score: 9.9 → bucket 9, 10 → bucket 10.
            bucketCounts[score.intValue()]++;
            levelCounts.merge(Level.of(score), 1, Integer::sum);
            if (score.compareTo(PASS) >= 0) {
                passed++;
            }
            sum = sum.add(score);
        }

        Map<String, Integer> levels = new LinkedHashMap<>();
        levelCounts.forEach((level, count) -> levels.put(level.name(), count));
        if (students == 0) {
            return new ScoreSummary(0, notScored, null, null, null, null, BigDecimal.ZERO.setScale(RATE_SCALE),
                distribution(bucketCounts), levels);
        }
        BigDecimal count = BigDecimal.valueOf(students);
        return new ScoreSummary(students, notScored, sum.divide(count, MEAN_SCALE, RoundingMode.HALF_UP),
            median(scored), scored.get(0), scored.get(students - 1),
            BigDecimal.valueOf(passed).divide(count, RATE_SCALE, RoundingMode.HALF_UP),
            distribution(bucketCounts), levels);
    }

    private static BigDecimal median(List<BigDecimal> sorted) {
        int middle = sorted.size() / 2;
        BigDecimal median = sorted.size() % 2 == 1
            ? sorted.get(middle)
            : sorted.get(middle - 1).add(sorted.get(middle)).divide(TWO);
        return median.setScale(MEAN_SCALE, RoundingMode.HALF_UP);
    }

    private static List<Bucket> distribution(int[] counts) {
        List<Bucket> buckets = new ArrayList<>(counts.length);
        int last = counts.length - 1;
        for (int from = 0; from < last; from++) {
            buckets.add(new Bucket("[" + from + ";" + (from + 1) + ")", BigDecimal.valueOf(from),
                BigDecimal.valueOf(from + 1L), counts[from]));
        }
        buckets.add(new Bucket(Integer.toString(last), BigDecimal.valueOf(last), BigDecimal.valueOf(last), counts[last]));
        return buckets;
    }
}
