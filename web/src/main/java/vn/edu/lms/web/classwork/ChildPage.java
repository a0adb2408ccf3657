package vn.edu.lms.web.classwork;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.results.PeriodicAssessment;
import vn.edu.lms.api.assessment.results.PeriodicAssessments;
import vn.edu.lms.api.gradebook.ClassResults;
import vn.edu.lms.api.gradebook.GradebookReports;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.student.Enrolment;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * One child's results, for their parents, the student themself, their teachers and the school's
 * admins (the gradebook's own reader rule): each subject's assessments and averages by term and for
 * the year, the learning result and conduct, the released periodic tests, and the report cards as
 * PDF. A primary pupil gets the Thông tư 27 view: ratings, comments and test scores per periodic
 * assessment, the qualities and the year result.
 */
@Controller
class ChildPage {

    private final GradebookReports reports;
    private final Students students;
    private final Schools schools;
    private final SubjectNames subjects;
    private final PeriodicAssessments periodic;

    ChildPage(GradebookReports reports, Students students, Schools schools, SubjectNames subjects, PeriodicAssessments periodic) {
        this.reports = reports;
        this.students = students;
        this.schools = schools;
        this.subjects = subjects;
        this.periodic = periodic;
    }

    @GetMapping("/children/{studentId}")
    Mono<String> child(@PathVariable String studentId, Model model) {
        return Access.currentUser().flatMap(user -> currentClass(studentId).flatMap(schoolClass -> {
            model.addAttribute("schoolClass", schoolClass);
            model.addAttribute("studentId", studentId);
            model.addAttribute("gradeSubjects", subjects.forGrade(schoolClass.grade()));
            Mono<String> view = schoolClass.grade() <= 5 ? primary(user, studentId, model) : secondary(user, studentId, model);
            // The tests only after the reader rule let the caller in.
            return view.flatMap(template -> tests(schoolClass, studentId).map(tests -> {
                model.addAttribute("tests", tests);
                return template;
            }));
        }));
    }

    private Mono<String> secondary(CurrentUser user, String studentId, Model model) {
        return reports.studentGrades(user, studentId, ClassResults.Period.HK1).flatMap(first -> Mono.zip(
                reports.studentGrades(user, studentId, ClassResults.Period.HK2), reports.studentGrades(user, studentId, ClassResults.Period.CN))
            .map(found -> {
                model.addAttribute("fullName", first.result().fullName());
                model.addAttribute("first", first);
                model.addAttribute("second", found.getT1());
                model.addAttribute("year", found.getT2());
                model.addAttribute("firstCells", bySubject(first));
                model.addAttribute("secondCells", bySubject(found.getT1()));
                return "classwork/child";
            }));
    }

    private static Map<String, GradebookReports.SubjectCells> bySubject(GradebookReports.StudentGrades grades) {
        return grades.subjects().stream().collect(Collectors.toMap(GradebookReports.SubjectCells::subjectCode, Function.identity()));
    }

    private Mono<String> primary(CurrentUser user, String studentId, Model model) {
        return reports.primaryGrades(user, studentId).map(grades -> {
            model.addAttribute("fullName", grades.year().fullName());
            model.addAttribute("primaryGrades", grades);
            return "classwork/child";
        });
    }

    /** The released giữa kỳ and cuối kỳ tests of the child's class in every subject of both terms, with the child's score. */
    private Mono<List<PeriodicAssessment>> tests(SchoolClass schoolClass, String studentId) {
        return periodic.ofStudent(schoolClass.id(), studentId, schoolClass.yearId())
            .sort(Comparator.comparing(PeriodicAssessment::releasedAt).reversed())
            .collectList();
    }

    /** The class the student is in now (their newest enrolment with a class), as the gradebook finds it. */
    private Mono<SchoolClass> currentClass(String studentId) {
        return students.enrolmentsOf(List.of(studentId)).filter(enrolment -> enrolment.classId() != null)
            .sort(Comparator.comparing(Enrolment::yearId).reversed()).next()
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "gradebook-student-not-in-class")))
            .flatMap(enrolment -> schools.schoolClass(java.util.Objects.requireNonNull(enrolment.classId())));
    }

    /** Anyone signed in may ask; the gradebook answers only the student, their parents, teachers and admins. */
    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/children/*").authenticated();
        }
    }
}
