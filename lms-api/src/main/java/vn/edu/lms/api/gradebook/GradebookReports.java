package vn.edu.lms.api.gradebook;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.school.SchoolAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Rosters;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.platform.LmsProblem;

/** What the books add up to: one book as its teachers read it, a class's learning results, a student's own grades. */
@Service
public class GradebookReports {

    private final Gradebooks gradebooks;
    private final Schools schools;
    private final Students students;
    private final Rosters rosters;
    private final SubjectCatalogue subjects;
    private final ConductRatings conduct;
    private final PrimaryBooks primary;

    GradebookReports(Gradebooks gradebooks, Schools schools, Students students, Rosters rosters, SubjectCatalogue subjects,
            ConductRatings conduct, PrimaryBooks primary) {
        this.gradebooks = gradebooks;
        this.schools = schools;
        this.students = students;
        this.rosters = rosters;
        this.subjects = subjects;
        this.conduct = conduct;
        this.primary = primary;
    }

    /** The book of a class, subject and term with every student's row and what the rules make of it. */
    public Mono<BookView> book(CurrentUser user, String classId, String subjectCode, int term) {
        return gradebooks.book(user, classId, subjectCode, term).flatMap(this::view);
    }

    Mono<BookView> view(Gradebook book) {
        Mono<Gradebook> firstTerm = book.term() == 2 ? gradebooks.existing(book.classId(), book.subjectCode(), 1) : Mono.empty();
        return Mono.zip(schools.schoolClass(book.classId()), rosters.of(book.classId()),
                firstTerm.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
            .map(found -> BookView.of(book, found.getT1().name(), subjects.subject(book.subjectCode()).map(Subject::name).orElse(book.subjectCode()),
                found.getT2(), found.getT3().orElse(null)));
    }

    /** A class's results for the period, for its teachers and the school's admins. */
    public Mono<ClassResults> classResults(CurrentUser user, String classId, ClassResults.Period period) {
        return schools.schoolClass(classId).flatMap(schoolClass -> SchoolAccess.teachesOrAdministers(user, schoolClass)
            ? results(schoolClass, period) : Mono.error(Access.forbidden()));
    }

    private Mono<ClassResults> results(SchoolClass schoolClass, ClassResults.Period period) {
        if (schoolClass.grade() < 6) {
            return Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "gradebook-primary"));
        }
        return Mono.zip(rosters.of(schoolClass.id()), bySubject(schoolClass, 1), bySubject(schoolClass, 2),
                conduct.of(schoolClass.id(), period))
            .map(found -> ClassResults.of(schoolClass.id(), period, subjects.forGrade(schoolClass.grade()), found.getT1(), found.getT2(),
                found.getT3(), found.getT4()));
    }

    private Mono<Map<String, Gradebook>> bySubject(SchoolClass schoolClass, int term) {
        return gradebooks.booksOf(schoolClass, term).collectMap(Gradebook::subjectCode, Function.identity());
    }

    /** A student's own grades: their row of each subject's book and their learning result. */
    public record StudentGrades(String studentId, String classId, ClassResults.Period period, ClassResults.StudentResult result,
            List<SubjectCells> subjects) {
    }

    public record SubjectCells(String subjectCode, String subjectName, List<String> columns, Map<String, Gradebook.Cell> cells) {
    }

    /** For the student, their parents, the class's teachers and the school's admins: nobody else's. */
    public Mono<StudentGrades> studentGrades(CurrentUser user, String studentId, ClassResults.Period period) {
        return currentClass(studentId).flatMap(schoolClass -> mayRead(user, studentId, schoolClass).flatMap(may -> !may
            ? Mono.error(Access.forbidden())
            : results(schoolClass, period).flatMap(results -> {
                ClassResults.StudentResult mine = results.students().stream().filter(row -> row.studentId().equals(studentId)).findFirst()
                    .orElseThrow(() -> new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-student-not-in-class"));
                int term = period == ClassResults.Period.HK1 ? 1 : 2;
                return gradebooks.booksOf(schoolClass, term).map(book -> new SubjectCells(book.subjectCode(),
                        subjects.subject(book.subjectCode()).map(Subject::name).orElse(book.subjectCode()), book.columns(),
                        cellsOf(book, studentId)))
                    .collectSortedList(Comparator.comparing(SubjectCells::subjectCode))
                    .map(cells -> new StudentGrades(studentId, schoolClass.id(), period, mine, cells));
            })));
    }

    /** A primary student's own assessments: every subject's entries of the year, and the year's qualities and result. */
    public record PrimaryGrades(String studentId, String classId, List<SubjectEntries> subjects, PrimaryBooks.YearLine year) {
    }

    public record SubjectEntries(String subjectCode, String subjectName, Map<String, PrimaryBook.Entry> entries) {
    }

    /** For the student, their parents, the class's teachers and the school's admins: nobody else's. */
    public Mono<PrimaryGrades> primaryGrades(CurrentUser user, String studentId) {
        return currentClass(studentId).flatMap(schoolClass -> mayRead(user, studentId, schoolClass).flatMap(may -> !may
            ? Mono.error(Access.forbidden())
            : Mono.zip(primary.linesOf(schoolClass), primary.books(schoolClass)).map(found -> {
                PrimaryBooks.YearLine year = found.getT1().stream().filter(line -> line.studentId().equals(studentId)).findFirst()
                    .orElseThrow(() -> new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-student-not-in-class"));
                List<SubjectEntries> entries = subjects.forGrade(schoolClass.grade()).stream().map(subject -> {
                    PrimaryBook book = found.getT2().get(subject.code());
                    Map<String, PrimaryBook.Entry> mine = book == null ? Map.of()
                        : java.util.Objects.requireNonNull(book.entries()).getOrDefault(studentId, Map.of());
                    return new SubjectEntries(subject.code(), subject.name(), mine);
                }).toList();
                return new PrimaryGrades(studentId, schoolClass.id(), entries, year);
            })));
    }

    /** The student's report card for the period: the same reader rule as their grades. */
    public Mono<ReportCardPdf.Card> reportCard(CurrentUser user, String studentId, ClassResults.Period period) {
        return studentGrades(user, studentId, period).flatMap(grades -> schools.schoolClass(grades.classId()).flatMap(schoolClass -> Mono.zip(
                schools.school(schoolClass.schoolId()), schools.year(schoolClass.yearId()))
            .map(found -> new ReportCardPdf.Card(found.getT1().name(), found.getT2().label(), schoolClass.name(), grades.result().fullName(), period,
                ReportCardPdf.linesOf(grades, subjects.forGrade(schoolClass.grade())), grades.result().levelLabel()))));
    }

    private static Map<String, Gradebook.Cell> cellsOf(Gradebook book, String studentId) {
        Map<String, Gradebook.Cell> cells = new java.util.LinkedHashMap<>();
        for (String column : book.columns()) {
            Gradebook.Cell cell = book.cell(studentId, column);
            if (cell != null) {
                cells.put(column, cell);
            }
        }
        return cells;
    }

    private Mono<Boolean> mayRead(CurrentUser user, String studentId, SchoolClass schoolClass) {
        if (user.accountId().equals(studentId) || SchoolAccess.teachesOrAdministers(user, schoolClass)) {
            return Mono.just(true);
        }
        return user.has(Role.PARENT) ? students.isGuardian(user.accountId(), studentId) : Mono.just(false);
    }

    /** The class the student is in now (their newest enrolment with a class). */
    private Mono<SchoolClass> currentClass(String studentId) {
        return students.enrolmentsOf(List.of(studentId)).filter(enrolment -> enrolment.classId() != null)
            .sort(Comparator.comparing(Enrolment::yearId).reversed()).next()
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-student-not-in-class")))
            .flatMap(enrolment -> schools.schoolClass(java.util.Objects.requireNonNull(enrolment.classId())));
    }
}
