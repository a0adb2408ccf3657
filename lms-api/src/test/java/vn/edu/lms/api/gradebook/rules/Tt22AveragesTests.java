package vn.edu.lms.api.gradebook.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Thông tư 22, Điều 7 and 8: how many regular assessments, and the term and year averages, exactly. */
class Tt22AveragesTests {

    @Test
    void aSubjectNeedsTwoThreeOrFourRegularAssessmentsATermByItsPeriodsAYear() {
        assertThat(Tt22Averages.regularAssessmentsPerTerm(35)).isEqualTo(2);
        assertThat(Tt22Averages.regularAssessmentsPerTerm(36)).isEqualTo(3);
        assertThat(Tt22Averages.regularAssessmentsPerTerm(70)).isEqualTo(3);
        assertThat(Tt22Averages.regularAssessmentsPerTerm(71)).isEqualTo(4);
        assertThat(Tt22Averages.regularAssessmentsPerTerm(140)).isEqualTo(4);
        assertThatThrownBy(() -> Tt22Averages.regularAssessmentsPerTerm(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTermAverageWeighsTheMidTermTwiceAndTheEndOfTermThreeTimes() {
        // (8 + 7 + 9 + 2·7.5 + 3·8) / (3 + 5) = 63 / 8 = 7.875 → 7.9
        assertThat(term(List.of("8", "7", "9"), 3, "7.5", "8")).contains(new BigDecimal("7.9"));
        // (6 + 7 + 2·5 + 3·4) / (2 + 5) = 35 / 7 = 5.0
        assertThat(term(List.of("6", "7"), 2, "5", "4")).contains(new BigDecimal("5.0"));
    }

    @Test
    void anAverageEndingInFiveHundredthsIsRoundedUpExactly() {
        // (6.0 + 6.0 + 6.6 + 2·6.0 + 3·7.0) / 8 = 51.6 / 8 = 6.45 exactly → 6.5
        assertThat(term(List.of("6.0", "6.0", "6.6"), 3, "6.0", "7.0")).contains(new BigDecimal("6.5"));
    }

    @Test
    void extraRegularAssessmentsCountInTheDivisor() {
        // Four where three are needed: (8 + 8 + 8 + 4 + 2·8 + 3·8) / 9 = 68 / 9 = 7.555… → 7.6
        assertThat(term(List.of("8", "8", "8", "4"), 3, "8", "8")).contains(new BigDecimal("7.6"));
    }

    @Test
    void noTermAverageWhileAScoreIsMissing() {
        assertThat(term(List.of("8", "7"), 3, "7", "8")).as("a regular assessment missing").isEmpty();
        assertThat(Tt22Averages.term(decimals("8", "7", "9"), 3, Optional.empty(), Optional.of(new BigDecimal("8")))).isEmpty();
        assertThat(Tt22Averages.term(decimals("8", "7", "9"), 3, Optional.of(new BigDecimal("8")), Optional.empty())).isEmpty();
        // A make-up not taken is recorded as 0 (Điều 6, khoản 4), and then the average exists.
        // (8 + 7 + 0 + 2·7 + 3·8) / 8 = 53 / 8 = 6.625 → 6.6
        assertThat(term(List.of("8", "7", "0"), 3, "7", "8")).contains(new BigDecimal("6.6"));
    }

    @Test
    void theYearAverageWeighsTheSecondTermTwice() {
        // (6.4 + 2·6.5) / 3 = 19.4 / 3 = 6.466… → 6.5
        assertThat(Tt22Averages.year(Optional.of(new BigDecimal("6.4")), Optional.of(new BigDecimal("6.5")))).contains(new BigDecimal("6.5"));
        // (9.0 + 2·7.9) / 3 = 24.8 / 3 = 8.266… → 8.3
        assertThat(Tt22Averages.year(Optional.of(new BigDecimal("9.0")), Optional.of(new BigDecimal("7.9")))).contains(new BigDecimal("8.3"));
        assertThat(Tt22Averages.year(Optional.empty(), Optional.of(new BigDecimal("7.9")))).isEmpty();
    }

    @Test
    void aScoreHasOneDecimalRoundedHalfUpAndStaysOnTheTenPointScale() {
        assertThat(Tt22Averages.score(new BigDecimal("7.25"))).isEqualTo(new BigDecimal("7.3"));
        assertThat(Tt22Averages.score(new BigDecimal("7.249"))).isEqualTo(new BigDecimal("7.2"));
        assertThat(Tt22Averages.score(new BigDecimal("10"))).isEqualTo(new BigDecimal("10.0"));
        assertThatThrownBy(() -> Tt22Averages.score(new BigDecimal("10.5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tt22Averages.score(new BigDecimal("-0.1"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Optional<BigDecimal> term(List<String> regular, int needed, String midTerm, String endOfTerm) {
        return Tt22Averages.term(regular.stream().map(BigDecimal::new).toList(), needed, Optional.of(new BigDecimal(midTerm)),
            Optional.of(new BigDecimal(endOfTerm)));
    }

    private static List<BigDecimal> decimals(String... values) {
        return List.of(values).stream().map(BigDecimal::new).toList();
    }
}
