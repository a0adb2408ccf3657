package vn.edu.lms.api.security;

import org.jspecify.annotations.Nullable;

/**
 * One role held by a person, with its scope: the school of a school admin, teacher, student or
 * reviewer; the subject group of a reviewer. A district admin's grant has no school.
 *
 * @param role          the role
 * @param schoolId      the school the role applies to, or null for the whole district
 * @param subjectGroup  a reviewer's subject group (tổ chuyên môn), e.g. "toan"
 */
public record Grant(Role role, @Nullable String schoolId, @Nullable String subjectGroup) {

    public static Grant district() {
        return new Grant(Role.DISTRICT_ADMIN, null, null);
    }

    public static Grant atSchool(Role role, String schoolId) {
        return new Grant(role, schoolId, null);
    }
}
