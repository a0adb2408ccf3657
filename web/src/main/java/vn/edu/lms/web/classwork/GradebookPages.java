package vn.edu.lms.web.classwork;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.gradebook.ClassResults;
import vn.edu.lms.api.gradebook.GradebookReports;
import vn.edu.lms.api.gradebook.PrimaryBooks;
import vn.edu.lms.api.gradebook.PrimaryPeriod;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.curriculum.Subject;

/**
 * The gradebook of one class, subject and term, picked with a small form: the grid of Thông tư 22
 * (regular, mid-term and end-of-term assessments, the term and year averages the rules compute, each
 * student's learning result over every subject) for
 * lower secondary, the primary book of Thông tư 27 (rating, score and comment per periodic
 * assessment) for grades 1–5. Cells are edited in place by {@code gradebook.js} through the cell
 * and entry APIs; a locked term shows read-only.
 */
@Controller
class GradebookPages {

    private final GradebookReports reports;
    private final PrimaryBooks primaryBooks;
    private final Schools schools;
    private final SubjectNames subjects;

    GradebookPages(GradebookReports reports, PrimaryBooks primaryBooks, Schools schools, SubjectNames subjects) {
        this.reports = reports;
        this.primaryBooks = primaryBooks;
        this.schools = schools;
        this.subjects = subjects;
    }

    /** What the picker offers and what it chose. */
    record Choice(List<SchoolClass> classes, @Nullable SchoolClass schoolClass, List<Subject> subjects, @Nullable String subject, int term) {
    }

    @GetMapping("/gradebooks")
    Mono<String> gradebook(@RequestParam(name = "class", required = false) @Nullable String classId,
            @RequestParam(required = false) @Nullable String subject, @RequestParam(defaultValue = "1") String term, Model model) {
        int chosenTerm = "2".equals(term) ? 2 : 1;
        return Access.currentUser().flatMap(user -> {
            Mono<List<SchoolClass>> mine = schools.classesTaughtBy(user.accountId()).filter(schoolClass -> !schoolClass.closed())
                .sort(Comparator.comparing(SchoolClass::grade).thenComparing(SchoolClass::name)).collectList();
            if (classId == null || classId.isBlank()) {
                return mine.map(classes -> {
                    model.addAttribute("choice", new Choice(classes, null, List.of(), null, chosenTerm));
                    return "classwork/gradebook";
                });
            }
            return Mono.zip(mine, schools.schoolClass(classId)).flatMap(found -> {
                SchoolClass schoolClass = found.getT2();
                List<Subject> kept = subjects.kept(user, schoolClass);
                if (kept.isEmpty()) {
                    return Mono.error(Access.forbidden());
                }
                List<SchoolClass> classes = new ArrayList<>(found.getT1());
                if (classes.stream().noneMatch(c -> c.id().equals(schoolClass.id()))) {
                    classes.add(0, schoolClass);
                }
                String code = kept.stream().map(Subject::code).filter(c -> c.equals(subject)).findFirst().orElse(kept.get(0).code());
                model.addAttribute("choice", new Choice(classes, schoolClass, kept, code, chosenTerm));
                return schoolClass.grade() <= 5 ? primary(user, schoolClass, code, chosenTerm, model) : secondary(user, schoolClass, code, chosenTerm, model);
            });
        });
    }

    private Mono<String> secondary(CurrentUser user, SchoolClass schoolClass, String subject, int term, Model model) {
        ClassResults.Period period = term == 1 ? ClassResults.Period.HK1 : ClassResults.Period.HK2;
        // One after the other: a book made on first use maps the term lock's document on the fly (it is not
        // an entity the start-up scan finds), and a read of the results meanwhile would wait on that mapping.
        return reports.book(user, schoolClass.id(), subject, term).flatMap(book -> reports.classResults(user, schoolClass.id(), period)
            .map(results -> {
                model.addAttribute("book", book);
                model.addAttribute("levels", results.students().stream()
                    .collect(Collectors.toMap(ClassResults.StudentResult::studentId, Function.identity())));
                model.addAttribute("period", period);
                return "classwork/gradebook";
            }));
    }

    private Mono<String> primary(CurrentUser user, SchoolClass schoolClass, String subject, int term, Model model) {
        return primaryBooks.book(user, schoolClass.id(), subject).flatMap(primaryBooks::rows).map(rows -> {
            model.addAttribute("primary", rows);
            model.addAttribute("periods", term == 1 ? List.of(PrimaryPeriod.GK1, PrimaryPeriod.CK1) : List.of(PrimaryPeriod.GK2, PrimaryPeriod.CN));
            model.addAttribute("locked", rows.lockedTerms().contains(term));
            return "classwork/gradebook";
        });
    }

    /** The books are kept by the class's staff: the feature checks the class and subject. */
    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/gradebooks").hasAnyRole(Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name());
        }
    }
}
