package vn.edu.lms.api.student;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.platform.LmsProblem;

/** Students' records, their enrolment in classes and its history, and their parents. */
@Service
public class Students {

    private final StudentStore store;
    private final Schools schools;
    private final AccountDirectory accounts;
    private final Clock clock;

    Students(StudentStore store, Schools schools, AccountDirectory accounts, Clock clock) {
        this.store = store;
        this.schools = schools;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The student; a 404 problem when there is none. */
    public Mono<Student> student(String id) {
        return store.student(id).switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")));
    }

    public Flux<Student> students(Collection<String> ids) {
        return store.students(ids);
    }

    public Flux<Student> byIdentifiers(Collection<String> identifiers) {
        return store.byIdentifiers(identifiers);
    }

    /** Who is in the class now. */
    public Flux<Enrolment> enrolledIn(String classId) {
        return store.enrolmentsIn(classId);
    }

    /** Every year's enrolment of the students. */
    public Flux<Enrolment> enrolmentsOf(Collection<String> studentIds) {
        return store.enrolmentsOf(studentIds);
    }

    /** The student's enrolment in a year, if any. */
    public Mono<Enrolment> enrolment(String studentId, String yearId) {
        return store.enrolment(Enrolment.idOf(studentId, yearId));
    }

    /**
     * Puts a student in a class. A student not yet in any class of that year joins it; one who left
     * the school during the year comes back; one who is in another class must be moved instead.
     */
    public Mono<Enrolment> enrol(String studentId, String classId) {
        return student(studentId).flatMap(student -> schools.schoolClass(classId).flatMap(target -> {
            if (!target.schoolId().equals(student.schoolId()) || target.closed()) {
                return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "class-not-open-to-student"));
            }
            return change(Enrolment.idOf(studentId, target.yearId()), enrolment -> {
                if (enrolment.classId() != null) {
                    return Mono.error(enrolment.classId().equals(classId)
                        ? new LmsProblem(HttpStatus.CONFLICT, "already-in-class")
                        : new LmsProblem(HttpStatus.CONFLICT, "in-another-class"));
                }
                return Mono.just(enrolment.next(today(), Enrolment.Reason.LEFT, classId, Enrolment.Reason.ENROLLED));
            }).switchIfEmpty(Mono.defer(() -> store.insert(Enrolment.start(studentId, student.schoolId(), target.yearId(), classId,
                today(), Enrolment.Reason.ENROLLED, null))));
        }));
    }

    /** Moves a student to another class of the same year (chuyển lớp); the stay in the old class ends today. */
    public Mono<Enrolment> move(String studentId, String toClassId) {
        return schools.schoolClass(toClassId).flatMap(target -> target.closed()
            ? Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "class-not-open-to-student"))
            : change(Enrolment.idOf(studentId, target.yearId()), enrolment -> {
                if (enrolment.classId() == null || !enrolment.schoolId().equals(target.schoolId())) {
                    return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "not-enrolled-this-year"));
                }
                if (enrolment.classId().equals(toClassId)) {
                    return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "already-in-class"));
                }
                return Mono.just(enrolment.next(today(), Enrolment.Reason.MOVED, toClassId, Enrolment.Reason.MOVED));
            }).switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "not-enrolled-this-year"))));
    }

    /** The student leaves the school in that year (chuyển trường, thôi học); their history stays. */
    public Mono<Enrolment> leave(String studentId, String yearId) {
        return change(Enrolment.idOf(studentId, yearId), enrolment -> enrolment.classId() == null
                ? Mono.error(new LmsProblem(HttpStatus.CONFLICT, "not-enrolled-this-year"))
                : Mono.just(enrolment.next(today(), Enrolment.Reason.LEFT, null, Enrolment.Reason.LEFT)))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "not-enrolled-this-year")));
    }

    /**
     * Carries the students of last year's classes into their successors (lên lớp) and closes the
     * stays of those whose class had none (finished the school). Idempotent, so an interrupted
     * roll-over is finished by running it again.
     */
    public Mono<Long> carryOver(List<Schools.Promotion> promotions) {
        return Flux.fromIterable(promotions)
            .concatMap(promotion -> store.enrolmentsIn(promotion.from().id()).concatMap(enrolment -> promotion.to() == null
                ? store.save(enrolment.next(today(), Enrolment.Reason.GRADUATED, null, Enrolment.Reason.GRADUATED))
                : carry(enrolment, promotion.to())))
            .count();
    }

    private Mono<Enrolment> carry(Enrolment last, SchoolClass to) {
        return store.insert(Enrolment.start(last.studentId(), last.schoolId(), to.yearId(), to.id(), today(), Enrolment.Reason.PROMOTED, null))
            .onErrorResume(DuplicateKeyException.class, e -> store.enrolment(Enrolment.idOf(last.studentId(), to.yearId())));
    }

    /** Links a parent of the student's school to the student. Linking twice changes nothing. */
    public Mono<Void> linkGuardian(String parentId, String studentId) {
        return student(studentId).flatMap(student -> accounts.holds(parentId, Role.PARENT, student.schoolId())
            .flatMap(isParent -> isParent
                ? store.insert(new Guardianship(parentId + ">" + studentId, parentId, studentId, student.schoolId(), clock.instant()))
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()).then()
                : Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "not-a-parent-here"))));
    }

    /** The ids of a parent's children. */
    public Flux<String> childrenOf(String parentId) {
        return store.childrenOf(parentId).map(Guardianship::studentId);
    }

    /** The parents of each of the students (parent ids by student id; a student without one is not named). */
    public Mono<Map<String, Collection<String>>> guardiansOf(Collection<String> studentIds) {
        return studentIds.isEmpty() ? Mono.just(Map.of())
            : store.guardiansOf(studentIds).collectMultimap(Guardianship::studentId, Guardianship::parentId);
    }

    public Mono<Boolean> isGuardian(String parentId, String studentId) {
        return store.isGuardian(parentId, studentId);
    }

    /** Whether any of the students is in the class now. */
    public Mono<Boolean> anyIn(Collection<String> studentIds, String classId) {
        return studentIds.isEmpty() ? Mono.just(false) : store.enrolledIn(studentIds, classId);
    }

    /** Writes the records and enrolments of a class-list import, tagged with its id. */
    public Mono<Void> insertImported(List<Student> students, List<Enrolment> enrolments) {
        return (students.isEmpty() ? Mono.<Void>empty() : store.insertStudents(students))
            .then(enrolments.isEmpty() ? Mono.empty() : store.insertEnrolments(enrolments));
    }

    /** Removes every record and enrolment the import created. */
    public Mono<Long> deleteImported(String importId) {
        return store.deleteImported(importId);
    }

    private Mono<Enrolment> change(String enrolmentId, Function<Enrolment, Mono<Enrolment>> change) {
        return Mono.defer(() -> store.enrolment(enrolmentId).flatMap(change).flatMap(store::save))
            .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    /** A new student's record for an import. */
    public static Student importedStudent(String accountId, String schoolId, String identifier, LocalDate dateOfBirth,
            Student.Gender gender, String importId, java.time.Instant at) {
        return new Student(accountId, schoolId, identifier, dateOfBirth, gender, importId, at, null);
    }

    /** A new enrolment for an import. */
    public static Enrolment importedEnrolment(String studentId, String schoolId, String yearId, String classId, LocalDate day,
            String importId) {
        return Enrolment.start(studentId, schoolId, yearId, classId, day, Enrolment.Reason.IMPORTED, importId);
    }

}
