package vn.edu.lms.api.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerSheetNumberTests {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "1,5   | 1.5",
        "-1,5  | -1.5",
        "0,25  | 0.25",
        "2025  | 2025",
        "-202  | -202",
        "12.5  | 12.5",
        "12,75 | null",
        "-2025 | null",
        "1,2,3 | null",
        ",5    | null",
        "5,    | null",
        "+5    | null",
        "abc   | null"})
    void aNumberIsReadAsTheFourBoxesHoldIt(String written, String value) {
        BigDecimal parsed = AnswerSheetNumber.parse(written);
        if (value == null) {
            assertThat(parsed).isNull();
        } else {
            assertThat(parsed).isEqualByComparingTo(value);
        }
    }

    @ParameterizedTest(name = "{0} → \"{1}\"")
    @CsvSource(delimiter = '|', nullValues = "null", value = {"1.50 | 1,5", "-0.5 | -0,5", "2025 | 2025", "12.75 | null", "0.125 | null"})
    void aKeyIsWrittenAsTheBoxesWouldHoldIt(String value, String written) {
        assertThat(AnswerSheetNumber.write(new BigDecimal(value))).isEqualTo(written);
    }
}
