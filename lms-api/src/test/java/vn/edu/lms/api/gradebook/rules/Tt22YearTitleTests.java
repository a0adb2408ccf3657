package vn.edu.lms.api.gradebook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.gradebook.rules.Tt22LearningResult.Level;

/** Thông tư 22, Điều 15: Học sinh Xuất sắc and Học sinh Giỏi. */
class Tt22YearTitleTests {

    @Test
    void xuatSacNeedsConductAndLearningTotAndSixYearAveragesFromNine() {
        assertThat(Tt22YearTitle.of(Level.TOT, Level.TOT, averages("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "8.0", "8.0")))
            .contains(Tt22YearTitle.XUAT_SAC);
        assertThat(Tt22YearTitle.of(Level.TOT, Level.TOT, averages("9.0", "9.0", "9.0", "9.0", "9.0", "8.9", "9.5", "8.0")))
            .as("six, the last one 9.5").contains(Tt22YearTitle.XUAT_SAC);
        assertThat(Tt22YearTitle.of(Level.TOT, Level.TOT, averages("9.0", "9.0", "9.0", "9.0", "9.0", "8.9", "8.0", "8.0")))
            .as("five from 9.0").contains(Tt22YearTitle.GIOI);
    }

    @Test
    void gioiNeedsConductAndLearningTot() {
        assertThat(Tt22YearTitle.of(Level.TOT, Level.TOT, averages("8.0", "8.0", "8.0", "8.0", "8.0", "8.0", "6.5", "6.5")))
            .contains(Tt22YearTitle.GIOI);
        assertThat(Tt22YearTitle.of(Level.KHA, Level.TOT, averages("9.5", "9.5", "9.5", "9.5", "9.5", "9.5", "9.5", "9.5")))
            .as("conduct Khá").isEmpty();
        assertThat(Tt22YearTitle.of(Level.TOT, Level.KHA, averages("9.5", "9.5", "9.5", "9.5", "9.5", "9.5", "9.5", "6.4")))
            .as("learning Khá").isEmpty();
        assertThat(Tt22YearTitle.XUAT_SAC.label()).isEqualTo("Học sinh Xuất sắc");
    }

    private static List<BigDecimal> averages(String... values) {
        return List.of(values).stream().map(BigDecimal::new).toList();
    }
}
