package vn.edu.lms.api.student;

import java.util.List;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.school.ClassMembership;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Role;

/**
 * Who may see a student's record: the student, their parents, the teachers of their current
 * classes and the admins of their school. Also answers the organisation's question of who
 * belongs to a class as a student or a parent.
 */
@Component
public class StudentAccess implements ClassMembership {

    private final Students students;
    private final Schools schools;

    StudentAccess(Students students, Schools schools) {
        this.students = students;
        this.schools = schools;
    }

    @Override
    public Mono<Boolean> isMember(CurrentUser user, SchoolClass schoolClass) {
        Mono<Boolean> asStudent = user.hasAt(Role.STUDENT, schoolClass.schoolId())
            ? students.anyIn(List.of(user.accountId()), schoolClass.id()) : Mono.just(false);
        Mono<Boolean> asParent = user.has(Role.PARENT)
            ? students.childrenOf(user.accountId()).collectList().flatMap(children -> students.anyIn(children, schoolClass.id()))
            : Mono.just(false);
        return asStudent.flatMap(member -> member ? Mono.just(true) : asParent);
    }

    public Mono<Boolean> maySee(CurrentUser user, Student student) {
        if (user.accountId().equals(student.id()) || user.administers(student.schoolId())) {
            return Mono.just(true);
        }
        Mono<Boolean> asTeacher = user.hasAt(Role.TEACHER, student.schoolId())
            ? students.enrolmentsOf(List.of(student.id())).filter(enrolment -> enrolment.classId() != null)
                .flatMap(enrolment -> schools.schoolClass(enrolment.classId()))
                .any(schoolClass -> schoolClass.isTaughtBy(user.accountId()))
            : Mono.just(false);
        Mono<Boolean> asParent = user.has(Role.PARENT) ? students.isGuardian(user.accountId(), student.id()) : Mono.just(false);
        return asParent.flatMap(parent -> parent ? Mono.just(true) : asTeacher);
    }

    /** The student, if the current user may see them; 403 otherwise. */
    public Mono<Student> requireVisible(String studentId) {
        return Access.currentUser().flatMap(user -> students.student(studentId)
            .flatMap(student -> maySee(user, student).flatMap(may -> may ? Mono.just(student) : Mono.error(Access.forbidden()))));
    }
}
