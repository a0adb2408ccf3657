package vn.edu.lms.api.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Test scores on the 10-point scale: one decimal for THCS, whole numbers from 1 for primary, both half up. */
class TenPointScaleTests {

    private static final int THCS = 7;
    private static final int PRIMARY = 4;

    private static BigDecimal score(String earned, String total, int grade) {
        return TenPointScale.score(new BigDecimal(earned), new BigDecimal(total), grade);
    }

    @ParameterizedTest(name = "{0} of {1} points → {2}")
    @CsvSource({
        "6.25, 10, 6.3",
        "6.24, 10, 6.2",
        "6.35, 10, 6.4",
        "9.95, 10, 10.0",
        "9.94, 10, 9.9",
        "0,    10, 0.0",
        "0.04, 10, 0.0",
        "0.05, 10, 0.1",
        "10,   10, 10.0",
        "7.5,  7.5, 10.0",
        "5,    7.5, 6.7",
        "2.5,  7.5, 3.3",
        "9,    12, 7.5",
        "7.55, 12, 6.3",
        "7.49, 12, 6.2",
        "1,    3,  3.3",
        "2,    3,  6.7",
        "0.625, 1, 6.3",
    })
    void thcsScoreHasOneDecimalRoundedHalfUp(String earned, String total, String expected) {
        // isEqualTo, not isEqualByComparingTo: the scale (one decimal, "10.0") is part of the rule.
        assertThat(score(earned, total, THCS)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0} of {1} points → {2}")
    @CsvSource({
        "0,    10, 1",
        "0.4,  10, 1",
        "1.49, 10, 1",
        "1.5,  10, 2",
        "4.49, 10, 4",
        "4.5,  10, 5",
        "9.49, 10, 9",
        "9.5,  10, 10",
        "10,   10, 10",
        "2,    3,  7",
        "1,    3,  3",
        "6,    12, 5",
        "5.7,  12, 5",
        "3.75, 7.5, 5",
    })
    void primaryScoreIsAWholeNumberRoundedHalfUpAndNeverBelowOne(String earned, String total, String expected) {
        assertThat(score(earned, total, PRIMARY)).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void twoThirdsOfTheTestRoundsFromTheExactQuotient() {
        // 200/30 = 6.666…: a quotient cut to one decimal before rounding would give 6.6.
        assertThat(score("20", "30", THCS)).isEqualTo(new BigDecimal("6.7"));
        assertThat(score("20", "30", PRIMARY)).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void aValueJustBelowAHalfIsNotRoundedUp() {
        // 6.2499999999999 would become 6.25 if rounded to 10 decimals first, then 6.3.
        assertThat(score("6.2499999999999", "10", THCS)).isEqualTo(new BigDecimal("6.2"));
        assertThat(score("4.4999999999999", "10", PRIMARY)).isEqualTo(new BigDecimal("4"));
    }

    @Test
    void earnedIsClampedToTheTestsPoints() {
        assertThat(score("11", "10", THCS)).isEqualTo(new BigDecimal("10.0"));
        assertThat(score("-1", "10", THCS)).isEqualTo(new BigDecimal("0.0"));
        assertThat(score("-1", "10", PRIMARY)).isEqualTo(new BigDecimal("1"));
        assertThat(score("13", "12", PRIMARY)).isEqualTo(new BigDecimal("10"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-10"})
    void aTestWorthNoPointsIsRejected(String total) {
        assertThatThrownBy(() -> score("0", total, THCS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> score("0", total, PRIMARY)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 10, 12})
    void aGradeOutsideOneToNineIsRejected(int grade) {
        assertThatThrownBy(() -> TenPointScale.isPrimary(grade)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> score("5", "10", grade)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gradesOneToFiveArePrimaryAndSixToNineAreNot() {
        assertThat(TenPointScale.isPrimary(1)).isTrue();
        assertThat(TenPointScale.isPrimary(5)).isTrue();
        assertThat(TenPointScale.isPrimary(6)).isFalse();
        assertThat(TenPointScale.isPrimary(9)).isFalse();
    }

    @Test
    void sameScoreRoundsByTheGradesRule() {
        assertThat(score("6.75", "10", 5)).isEqualTo(new BigDecimal("7"));
        assertThat(score("6.75", "10", 6)).isEqualTo(new BigDecimal("6.8"));
    }
}
