package vn.edu.lms.api.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EnrolmentHistoryTests {

    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 5);
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 20);

    @Test
    void aMoveEndsTheCurrentStayAndStartsAnotherKeepingTheOldOne() {
        Enrolment moved = Enrolment.start("hs", "th", "th:2026", "5A", SEPTEMBER, Enrolment.Reason.IMPORTED, "i1")
            .next(NOVEMBER, Enrolment.Reason.MOVED, "5B", Enrolment.Reason.MOVED);
        assertThat(moved.classId()).isEqualTo("5B");
        assertThat(moved.history()).containsExactly(
            new Enrolment.Stay("5A", SEPTEMBER, NOVEMBER, Enrolment.Reason.IMPORTED, Enrolment.Reason.MOVED),
            new Enrolment.Stay("5B", NOVEMBER, null, Enrolment.Reason.MOVED, null));
        assertThat(moved.importId()).as("the import that placed them still owns the document").isEqualTo("i1");
    }

    @Test
    void leavingEndsTheStayAndLeavesNoCurrentClass() {
        Enrolment left = Enrolment.start("hs", "th", "th:2026", "5A", SEPTEMBER, Enrolment.Reason.ENROLLED, null)
            .next(NOVEMBER, Enrolment.Reason.LEFT, null, Enrolment.Reason.LEFT);
        assertThat(left.classId()).isNull();
        assertThat(left.history()).singleElement().satisfies(stay -> {
            assertThat(stay.until()).isEqualTo(NOVEMBER);
            assertThat(stay.left()).isEqualTo(Enrolment.Reason.LEFT);
        });
    }
}
