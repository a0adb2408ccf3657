package vn.edu.lms.content.library;

import java.util.Set;

/**
 * Who is asking the library, in the library's own terms: the people module (lms-api) knows
 * accounts, roles and classes and answers with this value, so that the content store can decide
 * visibility without reading another module's collections.
 *
 * @param accountId            the caller's account
 * @param schoolIds            schools the caller belongs to (any role there)
 * @param classIds             classes the caller studies in, teaches, or has a child in
 * @param contributorSchools   schools where the caller may add items (teachers and admins)
 * @param administeredSchools  schools the caller administers
 * @param districtAdmin        a district admin: manages the shared library
 * @param reviewedSubjects     subject codes (môn học) the caller appraises as tổ trưởng
 */
public record LibraryCaller(String accountId, Set<String> schoolIds, Set<String> classIds, Set<String> contributorSchools,
        Set<String> administeredSchools, boolean districtAdmin, Set<String> reviewedSubjects) {

    public LibraryCaller {
        schoolIds = Set.copyOf(schoolIds);
        classIds = Set.copyOf(classIds);
        contributorSchools = Set.copyOf(contributorSchools);
        administeredSchools = Set.copyOf(administeredSchools);
        reviewedSubjects = Set.copyOf(reviewedSubjects);
    }

    public boolean administers(String schoolId) {
        return districtAdmin || schoolId != null && administeredSchools.contains(schoolId);
    }

    public boolean mayContribute() {
        return districtAdmin || !contributorSchools.isEmpty();
    }
}
