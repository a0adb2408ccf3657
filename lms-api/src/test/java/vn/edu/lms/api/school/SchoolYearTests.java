package vn.edu.lms.api.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.lms.content.platform.LmsProblem;

class SchoolYearTests {

    @Test
    void theUsualYearHasTermOneUntilMidJanuaryAndTermTwoUntilMay() {
        SchoolYear year = new SchoolYear("th:2026", "th", 2026, Schools.usualTerms(2026), null, Instant.EPOCH, null);
        assertThat(year.label()).isEqualTo("2026–2027");
        assertThat(year.termOn(LocalDate.of(2026, 11, 20))).hasValueSatisfying(term -> assertThat(term.number()).isEqualTo(1));
        assertThat(year.termOn(LocalDate.of(2027, 3, 8))).hasValueSatisfying(term -> assertThat(term.number()).isEqualTo(2));
        assertThat(year.termOn(LocalDate.of(2027, 7, 1))).isEmpty();
    }

    @Test
    void overlappingOrOutOfYearTermsAreRefused() {
        List<SchoolYear.Term> overlapping = List.of(new SchoolYear.Term(1, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 2, 1)),
            new SchoolYear.Term(2, LocalDate.of(2027, 1, 20), LocalDate.of(2027, 5, 31)));
        assertThatThrownBy(() -> Schools.checkTerms(2026, overlapping)).isInstanceOf(LmsProblem.class);
        List<SchoolYear.Term> intoSummer = List.of(new SchoolYear.Term(1, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 1, 17)),
            new SchoolYear.Term(2, LocalDate.of(2027, 1, 18), LocalDate.of(2027, 7, 31)));
        assertThatThrownBy(() -> Schools.checkTerms(2026, intoSummer)).isInstanceOf(LmsProblem.class);
        Schools.checkTerms(2026, Schools.usualTerms(2026));
    }

    @Test
    void aClassIsTaughtByItsHomeroomAndSubjectTeachers() {
        SchoolClass c = new SchoolClass("c", "th", "th:2026", 5, "5A", "gvcn", List.of(new SchoolClass.SubjectTeacher("toan", "gv-toan")),
            null, false, Instant.EPOCH, null);
        assertThat(c.isTaughtBy("gvcn")).isTrue();
        assertThat(c.isTaughtBy("gv-toan")).isTrue();
        assertThat(c.isTaughtBy("gv-khac")).isFalse();
        assertThat(c.teacherOf("toan")).contains("gv-toan");
    }
}
