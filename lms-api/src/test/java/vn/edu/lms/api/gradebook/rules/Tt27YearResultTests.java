package vn.edu.lms.api.gradebook.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.gradebook.rules.Tt27YearResult.QualityRating;
import vn.edu.lms.api.gradebook.rules.Tt27YearResult.SubjectRating;

/** Thông tư 27, Điều 14, khoản 1: the four year results of a primary student, at their boundaries. */
class Tt27YearResultTests {

    private static final List<SubjectRating> ALL_TOT = List.of(SubjectRating.HOAN_THANH_TOT, SubjectRating.HOAN_THANH_TOT,
        SubjectRating.HOAN_THANH_TOT);
    private static final List<QualityRating> QUALITIES_TOT = List.of(QualityRating.TOT, QualityRating.TOT, QualityRating.TOT);

    @Test
    void hoanThanhXuatSacNeedsEverythingAtTheTopAndEveryEndOfYearTestFromNine() {
        assertThat(Tt27YearResult.of(ALL_TOT, QUALITIES_TOT, List.of(9, 10))).contains(Tt27YearResult.HOAN_THANH_XUAT_SAC);
        assertThat(Tt27YearResult.of(ALL_TOT, QUALITIES_TOT, List.of(8, 10))).as("a test at 8").contains(Tt27YearResult.HOAN_THANH_TOT);
    }

    @Test
    void hoanThanhTotNeedsEverythingAtTheTopAndEveryEndOfYearTestFromSeven() {
        assertThat(Tt27YearResult.of(ALL_TOT, QUALITIES_TOT, List.of(7, 10))).contains(Tt27YearResult.HOAN_THANH_TOT);
        assertThat(Tt27YearResult.of(ALL_TOT, QUALITIES_TOT, List.of(6, 10))).as("a test at 6").contains(Tt27YearResult.HOAN_THANH);
        assertThat(Tt27YearResult.of(List.of(SubjectRating.HOAN_THANH_TOT, SubjectRating.HOAN_THANH), QUALITIES_TOT, List.of(10, 10)))
            .as("one subject Hoàn thành").contains(Tt27YearResult.HOAN_THANH);
        assertThat(Tt27YearResult.of(ALL_TOT, List.of(QualityRating.TOT, QualityRating.DAT), List.of(10, 10)))
            .as("one quality Đạt").contains(Tt27YearResult.HOAN_THANH);
    }

    @Test
    void hoanThanhNeedsNoSubjectChuaHoanThanhNoQualityCanCoGangAndTestsFromFive() {
        assertThat(Tt27YearResult.of(List.of(SubjectRating.HOAN_THANH), List.of(QualityRating.DAT), List.of(5)))
            .contains(Tt27YearResult.HOAN_THANH);
        assertThat(Tt27YearResult.of(List.of(SubjectRating.HOAN_THANH), List.of(QualityRating.DAT), List.of(4)))
            .contains(Tt27YearResult.CHUA_HOAN_THANH);
        assertThat(Tt27YearResult.of(List.of(SubjectRating.HOAN_THANH, SubjectRating.CHUA_HOAN_THANH), List.of(QualityRating.TOT), List.of(9)))
            .contains(Tt27YearResult.CHUA_HOAN_THANH);
        assertThat(Tt27YearResult.of(ALL_TOT, List.of(QualityRating.CAN_CO_GANG), List.of(10))).contains(Tt27YearResult.CHUA_HOAN_THANH);
    }

    @Test
    void gradesWithoutScoredTestsAreJudgedOnTheRatingsAlone() {
        // The caller gives the scores of the subjects that have an end-of-year test; with none, the ratings decide.
        assertThat(Tt27YearResult.of(ALL_TOT, QUALITIES_TOT, List.of())).contains(Tt27YearResult.HOAN_THANH_XUAT_SAC);
    }

    @Test
    void nothingRatedYetHasNoResultAndAScoreOutsideOneToTenIsRefused() {
        assertThat(Tt27YearResult.of(List.of(), QUALITIES_TOT, List.of(9))).isEmpty();
        assertThatThrownBy(() -> Tt27YearResult.of(ALL_TOT, QUALITIES_TOT, List.of(0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Tt27YearResult.HOAN_THANH_XUAT_SAC.label()).isEqualTo("Hoàn thành xuất sắc");
    }
}
