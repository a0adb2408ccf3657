package vn.edu.lms.web.home;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.assessment.session.TestSession;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.assignment.Assignment;
import vn.edu.lms.api.assignment.Assignments;
import vn.edu.lms.api.assignment.Submission;
import vn.edu.lms.api.assignment.Submissions;
import vn.edu.lms.api.lesson.Lesson;
import vn.edu.lms.api.lesson.Lessons;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.SchoolYear;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.web.page.Times;

/**
 * What each kind of person finds on their home page. A person with several roles (a teacher who is
 * also a parent) sees each part. Everything is read through the features' own access checks.
 */
@Component
class Homes {

    private static final int RECENT = 8;

    private final Schools schools;
    private final Students students;
    private final Lessons lessons;
    private final Assignments assignments;
    private final Submissions submissions;
    private final TestSessions sessions;
    private final AccountDirectory accounts;
    private final LibraryItems library;
    private final Clock clock;

    Homes(Schools schools, Students students, Lessons lessons, Assignments assignments, Submissions submissions, TestSessions sessions,
            AccountDirectory accounts, LibraryItems library, Clock clock) {
        this.schools = schools;
        this.students = students;
        this.lessons = lessons;
        this.assignments = assignments;
        this.submissions = submissions;
        this.sessions = sessions;
        this.accounts = accounts;
        this.library = library;
        this.clock = clock;
    }

    record LessonLine(Lesson lesson, boolean today) {
    }

    record AssignmentLine(Assignment assignment, boolean handedIn, boolean overdue) {
    }

    record StudentHome(List<SchoolClass> classes, List<LessonLine> lessons, List<AssignmentLine> assignments, List<TestSession> tests) {
    }

    record ClassLine(SchoolClass schoolClass, boolean homeroom, int toGrade) {
    }

    record TeacherHome(List<ClassLine> classes, List<TestSession> runningTests, List<TestSession> upcomingTests) {
    }

    /** A school, its current year's classes, and its library items waiting for the district's reviewers. */
    record SchoolLine(School school, @Nullable SchoolYear year, List<SchoolClass> classes, List<LibraryItem> awaitingAppraisal) {
    }

    record AdminHome(List<SchoolLine> schools) {
    }

    record Child(String id, String fullName, @Nullable SchoolClass schoolClass) {
    }

    record ParentHome(List<Child> children) {
    }

    Mono<StudentHome> student(CurrentUser user) {
        Instant now = clock.instant();
        LocalDate today = Times.day(now);
        Mono<List<SchoolClass>> classes = currentClasses(List.of(user.accountId()));
        return classes.flatMap(found -> {
            Mono<List<LessonLine>> opened = Flux.fromIterable(found)
                .flatMap(schoolClass -> lessons.course(user, schoolClass.id(), null))
                .filter(lesson -> lesson.openToLearners(now))
                .map(lesson -> new LessonLine(lesson, today.equals(Times.day(lesson.releaseAt() == null ? lesson.updatedAt() : lesson.releaseAt()))
                    || lesson.blocks().stream().anyMatch(block -> block.startsAt() != null && today.equals(Times.day(block.startsAt())))))
                .sort(Comparator.comparing((LessonLine line) -> line.today() ? 0 : 1)
                    .thenComparing(line -> line.lesson().releaseAt() == null ? line.lesson().updatedAt() : line.lesson().releaseAt(),
                        Comparator.reverseOrder()))
                .take(RECENT).collectList();
            Mono<List<AssignmentLine>> due = Flux.fromIterable(found)
                .flatMap(schoolClass -> assignments.ofClass(user, schoolClass.id()))
                .map(Assignments.Read::assignment)
                .filter(assignment -> assignment.cutOffAt() == null ? assignment.dueAt().isAfter(now.minusSeconds(7 * 86_400))
                    : assignment.cutOffAt().isAfter(now))
                .flatMap(assignment -> submissions.own(user, assignment.id()).map(submission -> submission.latest() != null)
                    .onErrorResume(missing -> Mono.just(false))
                    .map(handedIn -> new AssignmentLine(assignment, handedIn, !handedIn && assignment.dueAt().isBefore(now))))
                .sort(Comparator.comparing(line -> line.assignment().dueAt()))
                .take(RECENT).collectList();
            Mono<List<TestSession>> tests = sessions.assignedTo(user)
                .filter(session -> session.closesAt().isAfter(now))
                .sort(Comparator.comparing(TestSession::opensAt)).collectList();
            return Mono.zip(opened, due, tests).map(all -> new StudentHome(found, all.getT1(), all.getT2(), all.getT3()));
        });
    }

    Mono<TeacherHome> teacher(CurrentUser user) {
        Instant now = clock.instant();
        Mono<List<ClassLine>> classes = schools.classesTaughtBy(user.accountId()).filter(schoolClass -> !schoolClass.closed())
            .flatMapSequential(schoolClass -> toGrade(user, schoolClass)
                .map(count -> new ClassLine(schoolClass, schoolClass.hasHomeroomTeacher(user.accountId()), count)))
            .sort(Comparator.comparing((ClassLine line) -> line.schoolClass().grade()).thenComparing(line -> line.schoolClass().name()))
            .collectList();
        Mono<List<TestSession>> all = Flux.fromIterable(user.schoolIds())
            .filter(schoolId -> user.hasAt(Role.TEACHER, schoolId))
            .flatMap(schoolId -> sessions.list(user, schoolId).onErrorResume(denied -> Flux.empty()))
            .filter(session -> session.authorId().equals(user.accountId()) && session.closesAt().isAfter(now))
            .sort(Comparator.comparing(TestSession::opensAt)).collectList();
        return Mono.zip(classes, all).map(found -> new TeacherHome(found.getT1(),
            found.getT2().stream().filter(session -> !session.opensAt().isAfter(now)).toList(),
            found.getT2().stream().filter(session -> session.opensAt().isAfter(now)).limit(RECENT).toList()));
    }

    /** Hand-ins of the class's published assignments that the caller teaches and has not graded yet. */
    private Mono<Integer> toGrade(CurrentUser user, SchoolClass schoolClass) {
        return assignments.ofClass(user, schoolClass.id())
            .filter(read -> read.teaches() && read.assignment().status() == Assignment.Status.PUBLISHED)
            .flatMap(read -> submissions.ofAssignment(user, read.assignment().id()))
            .map(handedIn -> (int) handedIn.stream().filter(Homes::awaitsGrading).count())
            .reduce(0, Integer::sum);
    }

    private static boolean awaitsGrading(Submission submission) {
        return submission.latest() != null && (submission.grade() == null || submission.grade().version() < submission.versionCount());
    }

    Mono<AdminHome> admin(CurrentUser user) {
        Flux<School> visible = user.has(Role.DISTRICT_ADMIN) ? schools.schools(null)
            : schools.schools(user.schoolIds().stream().filter(user::administers).toList());
        // The appraisal queue of all the admin's schools in one query, then shared out by school.
        return visible.collectList().flatMap(found -> library.awaitingAppraisalAt(found.stream().map(School::id).toList())
            .collectMultimap(item -> String.valueOf(item.schoolId()))
            .flatMap(awaiting -> Flux.fromIterable(found).flatMapSequential(school -> schools.years(school.id())
                    .sort(Comparator.comparing(SchoolYear::startYear, Comparator.reverseOrder())).next()
                    .flatMap(year -> schools.classesOf(year.id()).filter(schoolClass -> !schoolClass.closed())
                        .sort(Comparator.comparing(SchoolClass::grade).thenComparing(SchoolClass::name)).collectList()
                        .map(classes -> new SchoolLine(school, year, classes, waiting(awaiting, school))))
                    .defaultIfEmpty(new SchoolLine(school, null, List.of(), waiting(awaiting, school))))
                .collectList()))
            .map(AdminHome::new);
    }

    private static List<LibraryItem> waiting(java.util.Map<String, java.util.Collection<LibraryItem>> awaiting, School school) {
        return List.copyOf(awaiting.getOrDefault(school.id(), List.of()));
    }

    Mono<ParentHome> parent(CurrentUser user) {
        return students.childrenOf(user.accountId()).collectList().flatMap(ids -> Mono.zip(
                accounts.people(ids).collectMap(AccountDirectory.Person::id, AccountDirectory.Person::fullName),
                classesByStudent(ids))
            .map(found -> new ParentHome(ids.stream()
                .map(id -> new Child(id, found.getT1().getOrDefault(id, ""), found.getT2().get(id)))
                .sorted(Comparator.comparing(Child::fullName)).toList())));
    }

    private Mono<List<SchoolClass>> currentClasses(List<String> studentIds) {
        return classesByStudent(studentIds).map(byStudent -> byStudent.values().stream().distinct().toList());
    }

    /** Each student's class this year (the newest enrolment with a class that is still open). */
    private Mono<java.util.Map<String, SchoolClass>> classesByStudent(List<String> studentIds) {
        if (studentIds.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return students.enrolmentsOf(studentIds).filter(enrolment -> enrolment.classId() != null).collectList()
            .flatMap(enrolments -> schools.classes(enrolments.stream().map(Enrolment::classId).toList())
                .filter(schoolClass -> !schoolClass.closed())
                .collectMap(SchoolClass::id)
                .map(classes -> {
                    java.util.Map<String, SchoolClass> byStudent = new java.util.HashMap<>();
                    enrolments.stream().filter(enrolment -> classes.containsKey(enrolment.classId()))
                        .forEach(enrolment -> byStudent.merge(enrolment.studentId(), classes.get(enrolment.classId()),
                            (one, other) -> one.createdAt().isAfter(other.createdAt()) ? one : other));
                    return byStudent;
                }));
    }
}
