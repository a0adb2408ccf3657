package vn.edu.lms.api.gradebook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Thông tư 22, Điều 7 khoản 3: a subject assessed by comment, Đạt or Chưa đạt. */
class Tt22CommentSubjectTests {

    @Test
    void everyAssessmentDatIsDat() {
        assertThat(Tt22CommentSubject.term(List.of(true, true), 2, Optional.of(true), Optional.of(true))).contains(true);
    }

    @Test
    void twoThirdsDatWithTheEndOfTermAmongThemIsDat() {
        // 4 regular + 2 periodic = 6 assessments; 4 Đạt is exactly two thirds.
        assertThat(Tt22CommentSubject.term(List.of(true, false, true, false), 4, Optional.of(true), Optional.of(true))).contains(true);
        // 3 of 5 is less than two thirds.
        assertThat(Tt22CommentSubject.term(List.of(true, false, false), 3, Optional.of(true), Optional.of(true))).contains(false);
    }

    @Test
    void theEndOfTermChuaDatIsChuaDatEvenWithTwoThirdsDat() {
        assertThat(Tt22CommentSubject.term(List.of(true, true, true, true), 4, Optional.of(true), Optional.of(false))).contains(false);
    }

    @Test
    void aMissingAssessmentLeavesTheTermUndecided() {
        assertThat(Tt22CommentSubject.term(List.of(true), 2, Optional.of(true), Optional.of(true))).isEmpty();
        assertThat(Tt22CommentSubject.term(List.of(true, true), 2, Optional.empty(), Optional.of(true))).isEmpty();
        assertThat(Tt22CommentSubject.term(List.of(true, true), 2, Optional.of(true), Optional.empty())).isEmpty();
    }

    @Test
    void theYearIsWhatTheSecondTermIs() {
        assertThat(Tt22CommentSubject.year(Optional.of(false))).contains(false);
        assertThat(Tt22CommentSubject.year(Optional.of(true))).contains(true);
        assertThat(Tt22CommentSubject.year(Optional.empty())).isEmpty();
    }
}
