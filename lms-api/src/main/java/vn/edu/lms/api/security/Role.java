package vn.edu.lms.api.security;

/** The roles of the product (DESIGN.md, "Who uses it"). One person may hold several. */
public enum Role {
    /** Học sinh. */
    STUDENT,
    /** Giáo viên. */
    TEACHER,
    /** Tổ trưởng chuyên môn: appraises library items of a subject group. */
    REVIEWER,
    /** Quản trị trường. */
    SCHOOL_ADMIN,
    /** Quản trị phòng. */
    DISTRICT_ADMIN,
    /** Phụ huynh. */
    PARENT;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
