package vn.edu.lms.api.student;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.audit.AuditTrail;
import vn.edu.lms.api.school.SchoolAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/** Class lists, students' records and enrolment, parents' links, the year's roll-over. */
@RestController
class StudentController {

    private final Students students;
    private final Rosters rosters;
    private final Schools schools;
    private final StudentAccess studentAccess;
    private final SchoolAccess schoolAccess;
    private final AccountDirectory accounts;
    private final AuditTrail audit;

    StudentController(Students students, Rosters rosters, Schools schools, StudentAccess studentAccess, SchoolAccess schoolAccess,
            AccountDirectory accounts, AuditTrail audit) {
        this.schoolAccess = schoolAccess;
        this.students = students;
        this.rosters = rosters;
        this.schools = schools;
        this.studentAccess = studentAccess;
        this.accounts = accounts;
        this.audit = audit;
    }

    record StudentChoice(@NotBlank String studentId) {
    }

    record ClassChoice(@NotBlank String classId) {
    }

    record ParentChoice(@NotBlank String parentId) {
    }

    record StayView(String classId, String className, LocalDate from, @Nullable LocalDate until, Enrolment.Reason joined,
            Enrolment.@Nullable Reason left) {
    }

    record YearView(String yearId, @Nullable String classId, List<StayView> history) {
    }

    record StudentView(String id, String fullName, LocalDate dateOfBirth, Student.Gender gender, String identifier, String schoolId,
            List<YearView> years) {
        @Override
        public String toString() {
            return "StudentView[id=" + id + "]";
        }
    }

    record RollOver(int promotedClasses, int closedClasses, long students) {
    }

    /** The class list, sorted by given name the Vietnamese way; for the class's teachers and the school's admins. */
    @GetMapping("/api/v1/classes/{classId}/students")
    Mono<List<Rosters.Entry>> roster(@PathVariable String classId, ServerWebExchange exchange) {
        return schoolAccess.taughtOrAdministered(classId).flatMap(c -> Access.currentUser()
            .flatMap(user -> audit.record(user.accountId(), "READ", "class-list", c.id(), c.schoolId(), exchange))
            .then(rosters.of(c.id())));
    }

    /** Puts a student of the school in the class (a student who has no class this year, or came back). */
    @PostMapping("/api/v1/classes/{classId}/students")
    Mono<YearView> enrol(@PathVariable String classId, @Valid @RequestBody StudentChoice request, ServerWebExchange exchange) {
        return schoolAccess.administered(classId).flatMap(c -> students.enrol(request.studentId(), classId)
            .flatMap(enrolment -> changed(c.schoolId(), "ENROL", enrolment, exchange)));
    }

    /** A student's record and every class they were in; for them, their parents, their teachers, their school's admins. */
    @GetMapping("/api/v1/students/{studentId}")
    Mono<StudentView> student(@PathVariable String studentId, ServerWebExchange exchange) {
        return studentAccess.requireVisible(studentId).flatMap(student -> Access.currentUser()
            .flatMap(user -> audit.record(user.accountId(), "READ", "student", student.id(), student.schoolId(), exchange))
            .then(view(student)));
    }

    /** Moves the student to another class of the same year; the old stay is kept in the history. */
    @PostMapping("/api/v1/students/{studentId}/move")
    Mono<YearView> move(@PathVariable String studentId, @Valid @RequestBody ClassChoice request, ServerWebExchange exchange) {
        return administeredStudent(studentId).flatMap(student -> students.move(studentId, request.classId())
            .flatMap(enrolment -> changed(student.schoolId(), "MOVE", enrolment, exchange)));
    }

    /** The student leaves the school in the class's year (chuyển trường, thôi học). */
    @PostMapping("/api/v1/students/{studentId}/leave")
    Mono<YearView> leave(@PathVariable String studentId, @Valid @RequestBody ClassChoice request, ServerWebExchange exchange) {
        return administeredStudent(studentId).flatMap(student -> schools.schoolClass(request.classId())
            .flatMap(c -> students.leave(studentId, c.yearId()))
            .flatMap(enrolment -> changed(student.schoolId(), "LEAVE", enrolment, exchange)));
    }

    /** Links a parent account of the school to the student. */
    @PostMapping("/api/v1/students/{studentId}/guardians")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> linkGuardian(@PathVariable String studentId, @Valid @RequestBody ParentChoice request, ServerWebExchange exchange) {
        return administeredStudent(studentId).flatMap(student -> students.linkGuardian(request.parentId(), studentId)
            .then(Access.currentUser())
            .flatMap(user -> audit.record(user.accountId(), "LINK_GUARDIAN", "student", studentId, student.schoolId(), exchange)));
    }

    /** A parent's children, with every class they were in. */
    @GetMapping("/api/v1/children")
    Flux<StudentView> children() {
        return Access.require(user -> user.has(Role.PARENT))
            .flatMapMany(user -> students.childrenOf(user.accountId()).collectList().flatMapMany(students::students))
            .concatMap(this::view);
    }

    /**
     * Opens the next school year from this one: classes promoted one grade with their students,
     * the final grade's classes closed. Running it again finishes an interrupted roll-over.
     */
    @PostMapping("/api/v1/schools/{schoolId}/years/{startYear}/rollover")
    Mono<RollOver> rollOver(@PathVariable String schoolId, @PathVariable int startYear, ServerWebExchange exchange) {
        return Access.require(user -> user.administers(schoolId))
            .flatMap(user -> schools.promoteClasses(schoolId, startYear).collectList()
                .flatMap(promotions -> students.carryOver(promotions).map(count -> new RollOver(
                    (int) promotions.stream().filter(p -> p.to() != null).count(),
                    (int) promotions.stream().filter(p -> p.to() == null).count(), count)))
                .flatMap(result -> audit.record(user.accountId(), "ROLL_OVER", "school-year", schoolId + ":" + startYear, schoolId,
                    exchange).thenReturn(result)));
    }

    private Mono<Student> administeredStudent(String studentId) {
        return Access.currentUser().flatMap(user -> students.student(studentId)
            .flatMap(s -> user.administers(s.schoolId()) ? Mono.just(s) : Mono.error(Access.forbidden())));
    }

    private Mono<YearView> changed(String schoolId, String action, Enrolment enrolment, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> audit.record(user.accountId(), action, "student", enrolment.studentId(), schoolId,
            exchange)).then(yearViews(List.of(enrolment))).map(views -> views.get(0));
    }

    private Mono<StudentView> view(Student student) {
        return Mono.zip(accounts.person(student.id()), students.enrolmentsOf(List.of(student.id())).collectList().flatMap(this::yearViews))
            .map(both -> new StudentView(student.id(), both.getT1().fullName(), student.dateOfBirth(), student.gender(),
                student.identifier(), student.schoolId(), both.getT2()));
    }

    private Mono<List<YearView>> yearViews(List<Enrolment> enrolments) {
        List<String> classIds = enrolments.stream().flatMap(e -> e.history().stream()).map(Enrolment.Stay::classId).distinct().toList();
        return schools.classes(classIds).collectMap(SchoolClass::id, Function.identity()).map(classes -> enrolments.stream()
            .map(e -> new YearView(e.yearId(), e.classId(), e.history().stream().map(stay -> new StayView(stay.classId(),
                name(classes, stay.classId()), stay.from(), stay.until(), stay.joined(), stay.left())).toList()))
            .toList());
    }

    private static String name(Map<String, SchoolClass> classes, String classId) {
        SchoolClass c = classes.get(classId);
        return c == null ? "" : c.name();
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] admins = { Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name() };
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/classes/*/students").hasAnyRole(Role.TEACHER.name(), Role.REVIEWER.name(),
                    Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name())
                .pathMatchers(HttpMethod.POST, "/api/v1/classes/*/students", "/api/v1/students/*/move", "/api/v1/students/*/leave",
                    "/api/v1/students/*/guardians", "/api/v1/schools/*/years/*/rollover").hasAnyRole(admins)
                .pathMatchers(HttpMethod.GET, "/api/v1/students/*").authenticated()
                .pathMatchers(HttpMethod.GET, "/api/v1/children").hasRole(Role.PARENT.name());
        }
    }
}
