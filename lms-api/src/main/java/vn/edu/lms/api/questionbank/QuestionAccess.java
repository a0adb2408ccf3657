package vn.edu.lms.api.questionbank;

import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Role;

/**
 * Who may do what with the bank. Students and parents never reach it (its questions hold the
 * keys). Teachers, reviewers and admins of a school use its questions; every teacher of the
 * district uses appraised ones; a question's author and the school's admins change it; a reviewer
 * of the subject group (or the district admin) appraises a question offered to the district.
 */
public final class QuestionAccess {

    private QuestionAccess() {
    }

    /** Whether the user works with questions at all (teacher, reviewer or admin somewhere). */
    public static boolean usesTheBank(CurrentUser user) {
        return user.has(Role.TEACHER) || user.has(Role.REVIEWER) || user.has(Role.SCHOOL_ADMIN) || user.has(Role.DISTRICT_ADMIN);
    }

    /** Whether the user may add questions to {@code schoolId}'s bank. */
    public static boolean mayWriteAt(CurrentUser user, String schoolId) {
        return user.hasAt(Role.TEACHER, schoolId) || user.administers(schoolId);
    }

    public static boolean maySee(CurrentUser user, Question question) {
        if (user.has(Role.DISTRICT_ADMIN) || worksAt(user, question.schoolId())) {
            return true;
        }
        return question.sharing() == Question.Sharing.DISTRICT && usesTheBank(user)
            || question.sharing() == Question.Sharing.PENDING && mayAppraise(user, question);
    }

    public static boolean mayChange(CurrentUser user, Question question) {
        return user.accountId().equals(question.authorId()) || user.administers(question.schoolId());
    }

    public static boolean mayAppraise(CurrentUser user, Question question) {
        return user.has(Role.DISTRICT_ADMIN) || user.grants().stream()
            .anyMatch(grant -> grant.role() == Role.REVIEWER && question.subjectCode().equals(grant.subjectGroup()));
    }

    /** The one school where the user writes questions; a 400 when there are several (or none) and the request must say which. */
    public static String onlySchool(CurrentUser user) {
        java.util.List<String> schools = user.grants().stream().filter(grant -> grant.role() == Role.TEACHER || grant.role() == Role.SCHOOL_ADMIN)
            .map(grant -> grant.schoolId()).filter(id -> id != null).distinct().toList();
        if (schools.size() != 1) {
            throw new vn.edu.lms.content.platform.LmsProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "question-school-needed");
        }
        return schools.get(0);
    }

    static boolean worksAt(CurrentUser user, String schoolId) {
        return user.hasAt(Role.TEACHER, schoolId) || user.hasAt(Role.REVIEWER, schoolId) || user.hasAt(Role.SCHOOL_ADMIN, schoolId);
    }
}
