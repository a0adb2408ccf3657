package vn.edu.lms.api.assessment.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import vn.edu.lms.api.assessment.results.ScoreSummary.Bucket;

/** A session's score summary: counts, mean, median, pass rate, the eleven buckets and the level bands. */
class ScoreSummaryTests {

    private static List<@Nullable BigDecimal> scores(@Nullable String... values) {
        List<@Nullable BigDecimal> scores = new ArrayList<>();
        for (String value : values) {
            scores.add(value == null ? null : new BigDecimal(value));
        }
        return scores;
    }

    private static int[] bucketCounts(ScoreSummary summary) {
        return summary.distribution().stream().mapToInt(Bucket::count).toArray();
    }

    @Test
    void anEmptySessionHasNoFigures() {
        ScoreSummary summary = ScoreSummary.of(List.of());

        assertThat(summary.students()).isZero();
        assertThat(summary.notScored()).isZero();
        assertThat(summary.mean()).isNull();
        assertThat(summary.median()).isNull();
        assertThat(summary.lowest()).isNull();
        assertThat(summary.highest()).isNull();
        assertThat(summary.passRate()).isEqualTo(new BigDecimal("0.000"));
        assertThat(summary.distribution()).hasSize(11);
        assertThat(bucketCounts(summary)).containsOnly(0);
        assertThat(summary.levels()).containsOnlyKeys("GIOI", "KHA", "TRUNG_BINH", "YEU", "KEM");
        assertThat(summary.levels().values()).containsOnly(0);
    }

    @Test
    void studentsNotYetScoredAreCountedApart() {
        ScoreSummary summary = ScoreSummary.of(scores(null, null, null));

        assertThat(summary.students()).isZero();
        assertThat(summary.notScored()).isEqualTo(3);
        assertThat(summary.mean()).isNull();
        assertThat(summary.median()).isNull();
        assertThat(summary.passRate()).isEqualTo(new BigDecimal("0.000"));
    }

    @Test
    void meanMedianAndRangeOfAnOddCount() {
        ScoreSummary summary = ScoreSummary.of(scores("7.5", null, "4.0", "9.0", "6.3", "8.1"));

        assertThat(summary.students()).isEqualTo(5);
        assertThat(summary.notScored()).isEqualTo(1);
        // 34.9 / 5 = 6.98
        assertThat(summary.mean()).isEqualTo(new BigDecimal("6.98"));
        assertThat(summary.median()).isEqualTo(new BigDecimal("7.50"));
        assertThat(summary.lowest()).isEqualByComparingTo("4.0");
        assertThat(summary.highest()).isEqualByComparingTo("9.0");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleScores() {
        ScoreSummary summary = ScoreSummary.of(scores("8.0", "5.5", "6.5", "3.0"));

        assertThat(summary.median()).isEqualTo(new BigDecimal("6.00"));
        assertThat(ScoreSummary.of(scores("6.5", "6.4")).median()).isEqualTo(new BigDecimal("6.45"));
        assertThat(ScoreSummary.of(scores("5", "6")).median()).isEqualTo(new BigDecimal("5.50"));
    }

    @Test
    void meanIsRoundedHalfUpToTwoDecimals() {
        // 20.0 / 3 = 6.666…
        assertThat(ScoreSummary.of(scores("6.0", "7.0", "7.0")).mean()).isEqualTo(new BigDecimal("6.67"));
        // 0.3 / 8 = 0.0375
        assertThat(ScoreSummary.of(scores("0.1", "0.2", "0", "0", "0", "0", "0", "0")).mean())
            .isEqualTo(new BigDecimal("0.04"));
    }

    @Test
    void passRateCountsFiveAndAboveAmongTheScored() {
        ScoreSummary summary = ScoreSummary.of(scores("4.9", "5.0", "10", null, "2.0", "5.1"));

        // 3 of 5; the unscored student is not a failure.
        assertThat(summary.passRate()).isEqualTo(new BigDecimal("0.600"));
        assertThat(ScoreSummary.of(scores("5.0", "4.9", "4.9")).passRate()).isEqualTo(new BigDecimal("0.333"));
        assertThat(ScoreSummary.of(scores("5.0", "5.0", "4.9")).passRate()).isEqualTo(new BigDecimal("0.667"));
    }

    @Test
    void bucketsHoldTheirLowerEdgeAndTenStandsAlone() {
        ScoreSummary summary = ScoreSummary.of(scores("0", "0.9", "1.0", "1.9", "5", "9.9", "10.0", "10"));

        assertThat(bucketCounts(summary)).containsExactly(2, 2, 0, 0, 0, 1, 0, 0, 0, 1, 2);
    }

    @Test
    void bucketsAreLabelledWithTheirEdges() {
        List<Bucket> buckets = ScoreSummary.of(List.of()).distribution();

        assertThat(buckets).extracting(Bucket::label).containsExactly("[0;1)", "[1;2)", "[2;3)", "[3;4)", "[4;5)",
            "[5;6)", "[6;7)", "[7;8)", "[8;9)", "[9;10)", "10");
        assertThat(buckets.get(0).from()).isEqualByComparingTo("0");
        assertThat(buckets.get(0).to()).isEqualByComparingTo("1");
        assertThat(buckets.get(10).from()).isEqualByComparingTo("10");
        assertThat(buckets.get(10).to()).isEqualByComparingTo("10");
    }

    @Test
    void levelBandsSplitAtTheirLowestScores() {
        ScoreSummary summary = ScoreSummary.of(scores(
            "10", "8.0", "7.9", "6.5", "6.4", "5.0", "4.9", "3.5", "3.4", "0", null));

        assertThat(summary.levels()).containsExactly(Map.entry("GIOI", 2), Map.entry("KHA", 2),
            Map.entry("TRUNG_BINH", 2), Map.entry("YEU", 2), Map.entry("KEM", 2));
    }

    @Test
    void primaryWholeNumberScoresAreSummarisedAlike() {
        ScoreSummary summary = ScoreSummary.of(scores("1", "5", "7", "10"));

        assertThat(summary.mean()).isEqualTo(new BigDecimal("5.75"));
        assertThat(summary.median()).isEqualTo(new BigDecimal("6.00"));
        assertThat(bucketCounts(summary)).containsExactly(0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1);
    }

    @Test
    void aScoreOutsideTheScaleIsRejected() {
        assertThatThrownBy(() -> ScoreSummary.of(scores("10.1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreSummary.of(scores("-0.1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theInputOrderDoesNotMatter() {
        List<@Nullable BigDecimal> scores = scores("3.0", "9.5", null, "6.5", "6.5", "8.0");
        ScoreSummary summary = ScoreSummary.of(scores);
        Collections.reverse(scores);

        assertThat(ScoreSummary.of(scores)).isEqualTo(summary);
        assertThat(summary.lowest()).isEqualByComparingTo("3.0");
        assertThat(summary.highest()).isEqualByComparingTo("9.5");
    }
}
