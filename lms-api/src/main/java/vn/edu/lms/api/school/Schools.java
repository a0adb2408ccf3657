package vn.edu.lms.api.school;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.edu.lms.content.platform.Ids;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.platform.LmsProblem;

/** The organisation of the district: schools, their years and terms, classes and who teaches them. */
@Service
public class Schools {

    /** "5A", "7C3", "6/1": the grade first, then the school's own letters and digits. */
    static final Pattern CLASS_NAME = Pattern.compile("([1-9])([A-Z0-9/._-]{0,7})");

    private final SchoolStore store;
    private final AccountDirectory accounts;
    private final SubjectCatalogue subjects;
    private final Clock clock;

    Schools(SchoolStore store, AccountDirectory accounts, SubjectCatalogue subjects, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.subjects = subjects;
        this.clock = clock;
    }

    public Mono<School> create(String id, String name, School.Level level) {
        return store.insert(new School(id, name.strip(), level, clock.instant(), null))
            .onErrorMap(DuplicateKeyException.class, e -> new LmsProblem(HttpStatus.CONFLICT, "school-exists", id));
    }

    /** The school; a 404 problem when there is none. */
    public Mono<School> school(String id) {
        return store.school(id).switchIfEmpty(Mono.error(() -> notFound()));
    }

    public Flux<School> schools(@Nullable Collection<String> ids) {
        return ids == null ? store.allSchools() : store.schools(ids);
    }

    /** Opens a school year with its two terms, or the usual terms when none are given. */
    public Mono<SchoolYear> openYear(String schoolId, int startYear, @Nullable List<SchoolYear.Term> terms) {
        List<SchoolYear.Term> chosen = terms == null || terms.isEmpty() ? usualTerms(startYear) : terms;
        checkTerms(startYear, chosen);
        return school(schoolId).flatMap(school -> store.insert(new SchoolYear(SchoolYear.idOf(schoolId, startYear), schoolId,
                startYear, chosen, null, clock.instant(), null)))
            .onErrorMap(DuplicateKeyException.class, e -> new LmsProblem(HttpStatus.CONFLICT, "year-exists", startYear));
    }

    /** Học kỳ I from early September to mid-January, học kỳ II to the end of May. */
    static List<SchoolYear.Term> usualTerms(int startYear) {
        return List.of(new SchoolYear.Term(1, LocalDate.of(startYear, Month.SEPTEMBER, 5), LocalDate.of(startYear + 1, Month.JANUARY, 17)),
            new SchoolYear.Term(2, LocalDate.of(startYear + 1, Month.JANUARY, 18), LocalDate.of(startYear + 1, Month.MAY, 31)));
    }

    /** Two terms, in order, not overlapping, between August of the start year and June of the next. */
    static void checkTerms(int startYear, List<SchoolYear.Term> terms) {
        boolean valid = terms.size() == 2 && terms.get(0).number() == 1 && terms.get(1).number() == 2
            && terms.stream().allMatch(term -> !term.ends().isBefore(term.starts()))
            && terms.get(0).ends().isBefore(terms.get(1).starts())
            && !terms.get(0).starts().isBefore(LocalDate.of(startYear, Month.AUGUST, 1))
            && !terms.get(1).ends().isAfter(LocalDate.of(startYear + 1, Month.JUNE, 30));
        if (!valid) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "invalid-terms", startYear, startYear + 1);
        }
    }

    public Flux<SchoolYear> years(String schoolId) {
        return store.years(schoolId);
    }

    /** The year; a 404 problem when the school has not opened it. */
    public Mono<SchoolYear> year(String schoolId, int startYear) {
        return store.year(SchoolYear.idOf(schoolId, startYear)).switchIfEmpty(Mono.error(() -> notFound()));
    }

    public Mono<SchoolYear> year(String yearId) {
        return store.year(yearId).switchIfEmpty(Mono.error(() -> notFound()));
    }

    /** Opens a class in a year; its grade is the number its name starts with and must be taught at the school. */
    public Mono<SchoolClass> openClass(String schoolId, int startYear, String name) {
        String normalised = name.strip().toUpperCase(java.util.Locale.ROOT);
        Matcher matcher = CLASS_NAME.matcher(normalised);
        if (!matcher.matches()) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "invalid-class-name", name));
        }
        int grade = Integer.parseInt(matcher.group(1));
        return school(schoolId).flatMap(school -> school.level().teaches(grade)
                ? year(schoolId, startYear).flatMap(year -> store.insert(new SchoolClass(Ids.newId(), schoolId,
                    year.id(), grade, normalised, null, List.of(), null, false, clock.instant(), null)))
                : Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "grade-not-taught", grade)))
            .onErrorMap(DuplicateKeyException.class, e -> new LmsProblem(HttpStatus.CONFLICT, "class-exists", normalised));
    }

    /** The class; a 404 problem when there is none. */
    public Mono<SchoolClass> schoolClass(String id) {
        return store.schoolClass(id).switchIfEmpty(Mono.error(() -> notFound()));
    }

    public Flux<SchoolClass> classes(Collection<String> ids) {
        return store.classes(ids);
    }

    /** Open classes where the teacher is homeroom or subject teacher. */
    public Flux<SchoolClass> classesTaughtBy(String teacherId) {
        return store.taughtBy(teacherId);
    }

    public Flux<SchoolClass> classesOf(String yearId) {
        return store.classesOf(yearId);
    }

    /** Makes a teacher of the class's school its homeroom teacher (giáo viên chủ nhiệm). */
    public Mono<SchoolClass> assignHomeroomTeacher(String classId, String teacherId) {
        return change(classId, schoolClass -> requireTeacher(schoolClass, teacherId)
            .thenReturn(withTeachers(schoolClass, teacherId, schoolClass.subjectTeachers())));
    }

    /** Makes a teacher of the school teach a subject of the class's grade; replaces the subject's previous teacher. */
    public Mono<SchoolClass> assignSubjectTeacher(String classId, String subject, String teacherId) {
        return change(classId, schoolClass -> requireSubject(schoolClass, subject).then(requireTeacher(schoolClass, teacherId))
            .then(Mono.fromSupplier(() -> {
                List<SchoolClass.SubjectTeacher> assignments = new ArrayList<>(schoolClass.subjectTeachers());
                assignments.removeIf(assignment -> assignment.subject().equals(subject));
                assignments.add(new SchoolClass.SubjectTeacher(subject, teacherId));
                return withTeachers(schoolClass, schoolClass.homeroomTeacherId(), assignments);
            })));
    }

    public Mono<SchoolClass> removeSubjectTeacher(String classId, String subject) {
        return change(classId, schoolClass -> Mono.just(withTeachers(schoolClass, schoolClass.homeroomTeacherId(),
            schoolClass.subjectTeachers().stream().filter(assignment -> !assignment.subject().equals(subject)).toList())));
    }

    /**
     * Promotes a year's classes into the next year (opened with the usual terms if not yet open):
     * each class not in the school's final grade gets a successor one grade up ("5A" → "6A"), the
     * final grade's classes are closed. Re-running it finishes a roll-over that was interrupted:
     * successors already made are found again, not made twice.
     *
     * @return each promoted class with its successor, and the closed ones with none
     */
    public Flux<Promotion> promoteClasses(String schoolId, int startYear) {
        return school(schoolId).flatMapMany(school -> year(schoolId, startYear).flatMapMany(year -> store.year(SchoolYear.idOf(schoolId, startYear + 1))
            .switchIfEmpty(Mono.defer(() -> openYear(schoolId, startYear + 1, null)))
            .flatMapMany(next -> store.classesOf(year.id())
                .concatMap(schoolClass -> promote(school, schoolClass, next))
                .concatWith(Mono.defer(() -> store.save(new SchoolYear(year.id(), year.schoolId(), year.startYear(), year.terms(),
                    next.id(), year.createdAt(), year.version()))).then(Mono.empty())))));
    }

    /** A class of last year and its successor, or none when its students left the school. */
    public record Promotion(SchoolClass from, @Nullable SchoolClass to) {
    }

    private Mono<Promotion> promote(School school, SchoolClass schoolClass, SchoolYear next) {
        if (schoolClass.grade() >= school.level().highestGrade() || schoolClass.closed()) {
            Mono<SchoolClass> closed = schoolClass.closed() ? Mono.just(schoolClass) : store.save(closed(schoolClass));
            return closed.map(done -> new Promotion(done, null));
        }
        int grade = schoolClass.grade() + 1;
        String name = grade + schoolClass.name().substring(1);
        return store.promotedFrom(schoolClass.id())
            .switchIfEmpty(Mono.defer(() -> store.insert(new SchoolClass(Ids.newId(), schoolClass.schoolId(),
                next.id(), grade, name, null, List.of(), schoolClass.id(), false, clock.instant(), null))))
            .map(successor -> new Promotion(schoolClass, successor));
    }

    private static SchoolClass closed(SchoolClass c) {
        return new SchoolClass(c.id(), c.schoolId(), c.yearId(), c.grade(), c.name(), c.homeroomTeacherId(), c.subjectTeachers(),
            c.promotedFrom(), true, c.createdAt(), c.version());
    }

    private static SchoolClass withTeachers(SchoolClass c, @Nullable String homeroom, List<SchoolClass.SubjectTeacher> subjectTeachers) {
        return new SchoolClass(c.id(), c.schoolId(), c.yearId(), c.grade(), c.name(), homeroom, subjectTeachers, c.promotedFrom(),
            c.closed(), c.createdAt(), c.version());
    }

    /** Read, change, save under the version read; retried when someone else changed the class meanwhile. */
    private Mono<SchoolClass> change(String classId, java.util.function.Function<SchoolClass, Mono<SchoolClass>> change) {
        return Mono.defer(() -> schoolClass(classId).flatMap(change).flatMap(store::save))
            .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance));
    }

    private Mono<Void> requireTeacher(SchoolClass schoolClass, String teacherId) {
        return accounts.holds(teacherId, Role.TEACHER, schoolClass.schoolId())
            .flatMap(holds -> holds ? Mono.<Void>empty() : Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "not-a-teacher-here")));
    }

    private Mono<Void> requireSubject(SchoolClass schoolClass, String subject) {
        boolean taught = subjects.forGrade(schoolClass.grade()).stream().anyMatch(s -> s.code().equals(subject));
        return taught ? Mono.empty() : Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "subject-not-taught", subject, schoolClass.grade()));
    }

    private static LmsProblem notFound() {
        return new LmsProblem(HttpStatus.NOT_FOUND, "not-found");
    }
}
