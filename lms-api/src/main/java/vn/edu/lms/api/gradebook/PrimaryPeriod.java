package vn.edu.lms.api.gradebook;

/**
 * The periodic assessments of primary school (Thông tư 27/2020, Điều 7): giữa học kỳ I, cuối học kỳ
 * I, giữa học kỳ II, cuối năm học.
 */
public enum PrimaryPeriod {
    GK1(1, false), CK1(1, true), GK2(2, false), CN(2, true);

    private final int term;
    private final boolean endOfTerm;

    PrimaryPeriod(int term, boolean endOfTerm) {
        this.term = term;
        this.endOfTerm = endOfTerm;
    }

    /** The term whose lock covers it. */
    public int term() {
        return term;
    }

    /** Whether it closes a term (the periodic tests every tested subject has). */
    public boolean endOfTerm() {
        return endOfTerm;
    }
}
