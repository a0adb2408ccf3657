package vn.edu.lms.api.school;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/** Schools, their years, classes and teachers. */
@RestController
class SchoolController {

    private final Schools schools;
    private final SchoolAccess access;
    private final AccountDirectory accounts;

    SchoolController(Schools schools, SchoolAccess access, AccountDirectory accounts) {
        this.schools = schools;
        this.access = access;
        this.accounts = accounts;
    }

    record NewSchool(
        @NotBlank @Size(min = 2, max = 40) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{school.id.pattern}") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull School.Level level) {
    }

    record NewYear(@Min(2000) @Max(2100) int startYear, @Nullable List<SchoolYear.@Valid Term> terms) {
    }

    record NewClass(@NotBlank @Size(max = 10) String name) {
    }

    record TeacherChoice(@NotBlank String teacherId) {
    }

    record YearView(String id, String schoolId, int startYear, String label, List<SchoolYear.Term> terms, @Nullable String rolledOverTo) {
        static YearView of(SchoolYear year) {
            return new YearView(year.id(), year.schoolId(), year.startYear(), year.label(), year.terms(), year.rolledOverTo());
        }
    }

    record Teacher(String id, String fullName) {
        @Override
        public String toString() {
            return "Teacher[id=" + id + "]";
        }
    }

    record SubjectTeacherView(String subject, Teacher teacher) {
    }

    record ClassView(String id, String schoolId, String yearId, int grade, String name, @Nullable Teacher homeroomTeacher,
            List<SubjectTeacherView> subjectTeachers, @Nullable String promotedFrom, boolean closed) {
    }

    /** Opens a school in the district. */
    @PostMapping("/api/v1/schools")
    Mono<ResponseEntity<School>> create(@Valid @RequestBody NewSchool request) {
        return Access.require(user -> user.has(Role.DISTRICT_ADMIN))
            .then(schools.create(request.id(), request.name(), request.level()))
            .map(school -> ResponseEntity.created(URI.create("/api/v1/schools/" + school.id())).body(school));
    }

    /** The schools the caller belongs to; every school for a district admin. */
    @GetMapping("/api/v1/schools")
    Flux<School> list() {
        return Access.currentUser().flatMapMany(user -> schools.schools(user.has(Role.DISTRICT_ADMIN) ? null : user.schoolIds()));
    }

    @GetMapping("/api/v1/schools/{schoolId}")
    Mono<School> school(@PathVariable String schoolId) {
        return Access.require(user -> SchoolAccess.belongsTo(user, schoolId)).then(schools.school(schoolId));
    }

    /** Opens a school year (năm học); without terms, học kỳ I runs 5 Sep – 17 Jan and học kỳ II 18 Jan – 31 May. */
    @PostMapping("/api/v1/schools/{schoolId}/years")
    Mono<ResponseEntity<YearView>> openYear(@PathVariable String schoolId, @Valid @RequestBody NewYear request) {
        return Access.require(user -> user.administers(schoolId))
            .then(schools.openYear(schoolId, request.startYear(), request.terms()))
            .map(year -> ResponseEntity.created(URI.create("/api/v1/schools/" + schoolId + "/years/" + year.startYear()))
                .body(YearView.of(year)));
    }

    @GetMapping("/api/v1/schools/{schoolId}/years")
    Flux<YearView> years(@PathVariable String schoolId) {
        return Access.require(user -> SchoolAccess.belongsTo(user, schoolId)).thenMany(schools.years(schoolId)).map(YearView::of);
    }

    /** Opens a class ("5A", "7C3"); its grade is the number its name starts with. */
    @PostMapping("/api/v1/schools/{schoolId}/years/{startYear}/classes")
    Mono<ResponseEntity<ClassView>> openClass(@PathVariable String schoolId, @PathVariable int startYear,
            @Valid @RequestBody NewClass request) {
        return Access.require(user -> user.administers(schoolId))
            .then(schools.openClass(schoolId, startYear, request.name()))
            .flatMap(this::view)
            .map(view -> ResponseEntity.created(URI.create("/api/v1/classes/" + view.id())).body(view));
    }

    /** The year's classes the caller may see: all of them for the school's admins, one's own for others. */
    @GetMapping("/api/v1/schools/{schoolId}/years/{startYear}/classes")
    Flux<ClassView> classes(@PathVariable String schoolId, @PathVariable int startYear) {
        return Access.require(user -> SchoolAccess.belongsTo(user, schoolId))
            .flatMapMany(user -> schools.year(schoolId, startYear)
                .flatMapMany(year -> schools.classesOf(year.id()))
                .filterWhen(schoolClass -> access.maySee(user, schoolClass)))
            .concatMap(this::view);
    }

    @GetMapping("/api/v1/classes/{classId}")
    Mono<ClassView> schoolClass(@PathVariable String classId) {
        return access.visible(classId).flatMap(this::view);
    }

    @PutMapping("/api/v1/classes/{classId}/homeroom-teacher")
    Mono<ClassView> homeroom(@PathVariable String classId, @Valid @RequestBody TeacherChoice request) {
        return access.administered(classId).then(schools.assignHomeroomTeacher(classId, request.teacherId())).flatMap(this::view);
    }

    /** Who teaches a subject (by curriculum code, e.g. {@code toan}) in the class. */
    @PutMapping("/api/v1/classes/{classId}/subject-teachers/{subject}")
    Mono<ClassView> subjectTeacher(@PathVariable String classId, @PathVariable String subject,
            @Valid @RequestBody TeacherChoice request) {
        return access.administered(classId).then(schools.assignSubjectTeacher(classId, subject, request.teacherId())).flatMap(this::view);
    }

    @DeleteMapping("/api/v1/classes/{classId}/subject-teachers/{subject}")
    Mono<ClassView> removeSubjectTeacher(@PathVariable String classId, @PathVariable String subject) {
        return access.administered(classId).then(schools.removeSubjectTeacher(classId, subject)).flatMap(this::view);
    }

    private Mono<ClassView> view(SchoolClass c) {
        Set<String> teacherIds = Stream.concat(Stream.ofNullable(c.homeroomTeacherId()),
            c.subjectTeachers().stream().map(SchoolClass.SubjectTeacher::teacherId)).collect(Collectors.toSet());
        return accounts.people(teacherIds).collectMap(AccountDirectory.Person::id, person -> new Teacher(person.id(), person.fullName()))
            .map(teachers -> new ClassView(c.id(), c.schoolId(), c.yearId(), c.grade(), c.name(),
                c.homeroomTeacherId() == null ? null : teachers.get(c.homeroomTeacherId()),
                c.subjectTeachers().stream().filter(a -> teachers.containsKey(a.teacherId()))
                    .map(a -> new SubjectTeacherView(a.subject(), teachers.get(a.teacherId()))).toList(),
                c.promotedFrom(), c.closed()));
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] admins = { Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name() };
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/schools").hasRole(Role.DISTRICT_ADMIN.name())
                .pathMatchers(HttpMethod.POST, "/api/v1/schools/*/years", "/api/v1/schools/*/years/*/classes").hasAnyRole(admins)
                .pathMatchers(HttpMethod.PUT, "/api/v1/classes/*/homeroom-teacher", "/api/v1/classes/*/subject-teachers/*").hasAnyRole(admins)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/classes/*/subject-teachers/*").hasAnyRole(admins)
                .pathMatchers(HttpMethod.GET, "/api/v1/schools", "/api/v1/schools/*", "/api/v1/schools/*/years",
                    "/api/v1/schools/*/years/*/classes", "/api/v1/classes/*").authenticated();
        }
    }
}
