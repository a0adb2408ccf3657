package vn.edu.lms.api.gradebook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.gradebook.rules.Tt22LearningResult.Level;
import vn.edu.lms.api.gradebook.rules.Tt22LearningResult.Outcome;
import vn.edu.lms.api.gradebook.rules.Tt22LearningResult.Subject;

/**
 * Thông tư 22, Điều 9: the four levels of khoản 2 at their boundaries, and khoản 3. A lower
 * secondary student has eight scored subjects and five assessed by comment.
 */
class Tt22LearningResultTests {

    private static final List<String> SCORED = List.of("Ngữ văn", "Toán", "Ngoại ngữ 1", "Giáo dục công dân", "Lịch sử và Địa lí",
        "Khoa học tự nhiên", "Công nghệ", "Tin học");
    private static final List<String> COMMENT = List.of("Giáo dục thể chất", "Âm nhạc", "Mĩ thuật",
        "Hoạt động trải nghiệm – hướng nghiệp", "Nội dung giáo dục địa phương");

    @Test
    void totNeedsEveryCommentSubjectDatEveryAverageFromSixPointFiveAndSixFromEight() {
        assertThat(result("8.0", "8.0", "8.0", "8.0", "8.0", "8.0", "6.5", "6.5")).isEqualTo(unadjusted(Level.TOT));
        assertThat(result("8.0", "8.0", "8.0", "8.0", "8.0", "7.9", "9.5", "9.5")).as("exactly six at 8.0 or more")
            .isEqualTo(unadjusted(Level.TOT));
        assertThat(result("8.0", "8.0", "8.0", "8.0", "8.0", "7.9", "7.9", "7.9")).as("five at 8.0").isEqualTo(unadjusted(Level.KHA));
        assertThat(result("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "6.4")).as("one below 6.5").isEqualTo(unadjusted(Level.KHA));
    }

    @Test
    void khaNeedsEveryCommentSubjectDatEveryAverageFromFiveAndSixFromSixPointFive() {
        assertThat(result("6.5", "6.5", "6.5", "6.5", "6.5", "6.5", "5.0", "5.0")).isEqualTo(unadjusted(Level.KHA));
        assertThat(result("6.5", "6.5", "6.5", "6.5", "6.5", "6.4", "6.0", "5.0")).as("five at 6.5").isEqualTo(unadjusted(Level.DAT));
        assertThat(result("6.5", "6.5", "6.5", "6.5", "6.5", "6.5", "6.5", "4.9")).as("one below 5.0").isEqualTo(unadjusted(Level.DAT));
    }

    @Test
    void datAllowsOneCommentSubjectChuaDatNeedsSixFromFiveAndNoneBelowThreePointFive() {
        assertThat(result("5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "3.5", "3.5")).isEqualTo(unadjusted(Level.DAT));
        assertThat(result("5.0", "5.0", "5.0", "5.0", "5.0", "4.9", "4.9", "4.9")).as("five at 5.0").isEqualTo(unadjusted(Level.CHUA_DAT));
        assertThat(result(List.of("5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0"), 1)).as("one comment subject Chưa đạt")
            .isEqualTo(unadjusted(Level.DAT));
        assertThat(result(List.of("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0"), 2)).as("two comment subjects Chưa đạt")
            .isEqualTo(unadjusted(Level.CHUA_DAT));
    }

    @Test
    void aSubjectAtThreePointFourMakesItChuaDatUnlessThatSubjectAloneDraggedItTwoLevels() {
        assertThat(result("5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "3.4")).as("it would be Đạt: one level only")
            .isEqualTo(unadjusted(Level.CHUA_DAT));
        assertThat(result("6.5", "6.5", "6.5", "6.5", "6.5", "6.5", "6.5", "3.4")).as("it would be Khá: raised to Đạt")
            .isEqualTo(Optional.of(new Outcome(Level.DAT, Level.CHUA_DAT, "Tin học")));
        assertThat(result("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "3.4")).as("it would be Tốt: raised one level only, to Đạt")
            .isEqualTo(Optional.of(new Outcome(Level.DAT, Level.CHUA_DAT, "Tin học")));
    }

    @Test
    void oneSubjectDraggingTwoLevelsDownIsRaisedToTheAdjacentLevel() {
        // Tốt but for Toán at 4.9: khoản 2 gives Đạt, khoản 3 Khá.
        assertThat(result("9.0", "4.9", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0")).isEqualTo(Optional.of(new Outcome(Level.KHA, Level.DAT, "Toán")));
        // Tốt but for one comment subject Chưa đạt: Đạt, raised to Khá.
        assertThat(result(List.of("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0"), 1))
            .isEqualTo(Optional.of(new Outcome(Level.KHA, Level.DAT, COMMENT.get(0))));
    }

    @Test
    void twoSubjectsTogetherAreNoGroundForTheAdjustment() {
        assertThat(result("9.0", "4.9", "4.9", "9.0", "9.0", "9.0", "9.0", "9.0")).as("Tốt but for two subjects").isEqualTo(unadjusted(Level.DAT));
        assertThat(result("6.5", "6.5", "6.5", "6.5", "6.5", "6.5", "3.4", "3.4")).isEqualTo(unadjusted(Level.CHUA_DAT));
    }

    @Test
    void aSubjectThatOnlyMissesACountIsNotWhatPulledTheResultDown() {
        // Five at 8.0 and Toán at 4.0: Đạt. Leaving Toán out still leaves five at 8.0, so Khá at most: one level, no adjustment.
        assertThat(result("8.0", "4.0", "8.0", "8.0", "8.0", "8.0", "6.5", "6.5")).isEqualTo(unadjusted(Level.DAT));
    }

    @Test
    void noResultWhileAnAverageOrARatingIsMissing() {
        List<Subject> subjects = new ArrayList<>(subjects(List.of("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0"), 0));
        subjects.set(1, Subject.scored("Toán", Optional.empty()));
        assertThat(Tt22LearningResult.of(subjects)).isEmpty();

        subjects = new ArrayList<>(subjects(List.of("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0"), 0));
        subjects.set(SCORED.size(), Subject.rated(COMMENT.get(0), Optional.empty()));
        assertThat(Tt22LearningResult.of(subjects)).isEmpty();
    }

    @Test
    void averagesAreComparedAtOneDecimal() {
        // 7.95 is kept as 8.0 (half up), so six subjects reach 8.0.
        assertThat(result("7.95", "8.0", "8.0", "8.0", "8.0", "8.0", "6.5", "6.5")).isEqualTo(unadjusted(Level.TOT));
        assertThat(Level.CHUA_DAT.label()).isEqualTo("Chưa đạt");
    }

    private static Optional<Outcome> result(String... averages) {
        return result(List.of(averages), 0);
    }

    /** The eight scored subjects with these averages, and the five comment subjects, the first {@code notAchieved} Chưa đạt. */
    private static Optional<Outcome> result(List<String> averages, int notAchieved) {
        return Tt22LearningResult.of(subjects(averages, notAchieved));
    }

    private static List<Subject> subjects(List<String> averages, int notAchieved) {
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < SCORED.size(); i++) {
            subjects.add(Subject.scored(SCORED.get(i), averages.get(i)));
        }
        for (int i = 0; i < COMMENT.size(); i++) {
            subjects.add(Subject.rated(COMMENT.get(i), i >= notAchieved));
        }
        return subjects;
    }

    private static Optional<Outcome> unadjusted(Level level) {
        return Optional.of(new Outcome(level, level, null));
    }
}
