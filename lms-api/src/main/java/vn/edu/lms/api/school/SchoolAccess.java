package vn.edu.lms.api.school;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;

/**
 * The record-level rules of the organisation, in one place: who belongs to a school, who may see a
 * class, who administers or teaches it. Other features (class lists, lessons, tests) ask here.
 */
@Component
public class SchoolAccess {

    private final ClassMembership membership;

    SchoolAccess(ClassMembership membership) {
        this.membership = membership;
    }

    /** District admins, and anyone holding a role at the school. */
    public static boolean belongsTo(CurrentUser user, String schoolId) {
        return user.administers(schoolId) || user.schoolIds().contains(schoolId);
    }

    /** The school's admins and district admins, and the class's own teachers. */
    public static boolean teachesOrAdministers(CurrentUser user, SchoolClass schoolClass) {
        return user.administers(schoolClass.schoolId()) || schoolClass.isTaughtBy(user.accountId());
    }

    /** Its teachers and admins, its students and their parents. */
    public Mono<Boolean> maySee(CurrentUser user, SchoolClass schoolClass) {
        return teachesOrAdministers(user, schoolClass) ? Mono.just(true) : membership.isMember(user, schoolClass);
    }

    /** The class, if the current user may see it; 403 otherwise. */
    public Mono<SchoolClass> requireVisible(CurrentUser user, SchoolClass schoolClass) {
        return maySee(user, schoolClass).flatMap(may -> may ? Mono.just(schoolClass) : Mono.error(Access.forbidden()));
    }
}
