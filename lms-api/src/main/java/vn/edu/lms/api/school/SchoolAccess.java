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
    private final Schools schools;

    SchoolAccess(ClassMembership membership, Schools schools) {
        this.membership = membership;
        this.schools = schools;
    }

    /** District admins, and anyone holding a role at the school. */
    public static boolean belongsTo(CurrentUser user, String schoolId) {
        return user.administers(schoolId) || user.schoolIds().contains(schoolId);
    }

    /** The school's admins and district admins, and the class's own teachers. */
    public static boolean teachesOrAdministers(CurrentUser user, SchoolClass schoolClass) {
        return user.administers(schoolClass.schoolId()) || schoolClass.isTaughtBy(user.accountId());
    }

    /** Who sets a class's work in a subject (lessons, assignments): its teacher of that subject, its homeroom teacher, the school's admins. */
    public static boolean teachesSubject(CurrentUser user, SchoolClass schoolClass, String subjectCode) {
        return user.administers(schoolClass.schoolId()) || schoolClass.hasHomeroomTeacher(user.accountId())
            || schoolClass.teacherOf(subjectCode).filter(user.accountId()::equals).isPresent();
    }

    /** Its teachers and admins, its students and their parents. */
    public Mono<Boolean> maySee(CurrentUser user, SchoolClass schoolClass) {
        return teachesOrAdministers(user, schoolClass) ? Mono.just(true) : membership.isMember(user, schoolClass);
    }

    /** The class, if the current user may see it; 404 or 403 problems otherwise. */
    public Mono<SchoolClass> visible(String classId) {
        return Access.currentUser().flatMap(user -> schools.schoolClass(classId)
            .flatMap(c -> maySee(user, c).flatMap(may -> may ? Mono.just(c) : Mono.error(Access.forbidden()))));
    }

    /** The class, if the current user teaches it or administers its school. */
    public Mono<SchoolClass> taughtOrAdministered(String classId) {
        return require(classId, SchoolAccess::teachesOrAdministers);
    }

    /** The class, if the current user administers its school. */
    public Mono<SchoolClass> administered(String classId) {
        return require(classId, (user, c) -> user.administers(c.schoolId()));
    }

    private Mono<SchoolClass> require(String classId, java.util.function.BiPredicate<CurrentUser, SchoolClass> rule) {
        return Access.currentUser().flatMap(user -> schools.schoolClass(classId)
            .flatMap(c -> rule.test(user, c) ? Mono.just(c) : Mono.error(Access.forbidden())));
    }
}
