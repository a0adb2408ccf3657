package vn.edu.lms.web.exam;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.blueprint.Blueprints;
import vn.edu.lms.api.assessment.results.Results;
import vn.edu.lms.api.assessment.session.TestSession;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionBank;
import vn.edu.lms.api.questionbank.QuestionType;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.SchoolYear;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The staff's pages of the question bank and of tests. Lists and reports are rendered here from
 * the features' Java API; the editors (question, blueprint) and the live proctor view are page
 * scripts over the JSON API, which keeps its checks, its audit and its problem details.
 */
@Controller
class AssessmentPages {

    private static final int PAGE_SIZE = 25;

    private final QuestionBank bank;
    private final Blueprints blueprints;
    private final TestSessions sessions;
    private final Results results;
    private final Schools schools;
    private final SubjectCatalogue subjects;

    AssessmentPages(QuestionBank bank, Blueprints blueprints, TestSessions sessions, Results results, Schools schools, SubjectCatalogue subjects) {
        this.bank = bank;
        this.blueprints = blueprints;
        this.sessions = sessions;
        this.results = results;
        this.schools = schools;
        this.subjects = subjects;
    }

    @GetMapping("/questions")
    Mono<String> questions(@RequestParam(required = false) @Nullable String school, @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable Integer grade, @RequestParam(required = false) @Nullable String topic,
            @RequestParam(required = false) @Nullable QuestionType type, @RequestParam(required = false) @Nullable CognitiveLevel level,
            @RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.max(0, page);
        return workplace(school).flatMap(place -> bank.list(place.user(), new QuestionBank.Filter(blank(subject), grade, blank(topic), level, type,
                null, null, place.school().id()), shown, PAGE_SIZE)
            .map(found -> {
                common(model, place);
                model.addAttribute("questions", found.questions());
                model.addAttribute("total", found.total());
                model.addAttribute("page", shown);
                model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
                model.addAttribute("filter", new QuestionFilter(blank(subject), grade, blank(topic), type, level));
                return "assessment/questions";
            }));
    }

    record QuestionFilter(@Nullable String subject, @Nullable Integer grade, @Nullable String topic, @Nullable QuestionType type,
            @Nullable CognitiveLevel level) {
    }

    @GetMapping("/questions/import")
    Mono<String> importQuestions(@RequestParam(required = false) @Nullable String school, Model model) {
        return workplace(school).map(place -> {
            common(model, place);
            return "assessment/question-import";
        });
    }

    @GetMapping({"/questions/new", "/questions/{id}"})
    Mono<String> editQuestion(@PathVariable(required = false) @Nullable String id, @RequestParam(required = false) @Nullable String school,
            Model model) {
        Mono<String> schoolOfQuestion = id == null ? Mono.justOrEmpty(school)
            : Access.currentUser().flatMap(user -> bank.question(user, id)).map(question -> question.schoolId());
        return schoolOfQuestion.map(found -> (String) found).defaultIfEmpty("").flatMap(found -> workplace(found.isEmpty() ? null : found))
            .map(place -> {
                common(model, place);
                model.addAttribute("questionId", id == null ? "" : id);
                return "assessment/question-editor";
            });
    }

    @GetMapping("/tests")
    Mono<String> tests(@RequestParam(required = false) @Nullable String school, Model model) {
        return workplace(school).flatMap(place -> Mono.zip(
                sessions.list(place.user(), place.school().id()).collectList(),
                blueprints.list(place.user(), place.school().id(), null).collectList())
            .map(found -> {
                common(model, place);
                model.addAttribute("sessions", found.getT1());
                model.addAttribute("blueprints", found.getT2());
                return "assessment/tests";
            }));
    }

    @GetMapping({"/tests/blueprints/new", "/tests/blueprints/{id}"})
    Mono<String> blueprint(@PathVariable(required = false) @Nullable String id, @RequestParam(required = false) @Nullable String school,
            Model model) {
        Mono<String> schoolOfBlueprint = id == null ? Mono.justOrEmpty(school)
            : Access.currentUser().flatMap(user -> blueprints.blueprint(user, id)).map(found -> found.schoolId());
        return schoolOfBlueprint.map(found -> (String) found).defaultIfEmpty("").flatMap(found -> workplace(found.isEmpty() ? null : found))
            .map(place -> {
                common(model, place);
                model.addAttribute("blueprintId", id == null ? "" : id);
                return "assessment/blueprint";
            });
    }

    @GetMapping("/tests/new")
    Mono<String> schedule(@RequestParam(required = false) @Nullable String school, @RequestParam(required = false) @Nullable String blueprint,
            Model model) {
        return workplace(school).flatMap(place -> Mono.zip(
                blueprints.list(place.user(), place.school().id(), null).collectList(),
                currentClasses(place.school().id()))
            .map(found -> {
                common(model, place);
                model.addAttribute("blueprints", found.getT1());
                model.addAttribute("classes", found.getT2());
                model.addAttribute("chosenBlueprint", blueprint == null ? "" : blueprint);
                return "assessment/schedule";
            }));
    }

    @GetMapping("/tests/{id}")
    Mono<String> session(@PathVariable String id, Model model) {
        return Access.currentUser().flatMap(user -> sessions.session(user, id)).map(session -> {
            model.addAttribute("testSession", session);
            model.addAttribute("kinds", TestSession.Kind.values());
            return "assessment/session";
        });
    }

    @GetMapping("/tests/{id}/proctor")
    Mono<String> proctor(@PathVariable String id, Model model) {
        return Access.currentUser().flatMap(user -> sessions.session(user, id)).map(session -> {
            model.addAttribute("testSession", session);
            return "assessment/proctor";
        });
    }

    @GetMapping("/tests/{id}/results")
    Mono<String> results(@PathVariable String id, Model model) {
        return Access.currentUser().flatMap(user -> Mono.zip(sessions.session(user, id), results.ofSession(user, id),
                results.itemAnalysis(user, id)))
            .map(found -> {
                model.addAttribute("testSession", found.getT1());
                model.addAttribute("results", found.getT2());
                model.addAttribute("items", found.getT3());
                return "assessment/results";
            });
    }

    /** Where the caller works with the bank: the school asked for, or their first. */
    record Workplace(CurrentUser user, School school, List<School> choices) {
    }

    private Mono<Workplace> workplace(@Nullable String requested) {
        return Access.currentUser().flatMap(user -> {
            Mono<List<School>> mine = (user.has(Role.DISTRICT_ADMIN) ? schools.schools(null)
                : schools.schools(user.schoolIds().stream().filter(id -> works(user, id)).toList()))
                .sort(Comparator.comparing(School::name)).collectList();
            return mine.flatMap(choices -> {
                School chosen = choices.stream().filter(school -> requested == null || school.id().equals(requested)).findFirst().orElse(null);
                return chosen == null ? Mono.error(requested == null ? new LmsProblem(HttpStatus.NOT_FOUND, "not-found") : Access.forbidden())
                    : Mono.just(new Workplace(user, chosen, choices));
            });
        });
    }

    private static boolean works(CurrentUser user, String schoolId) {
        return user.administers(schoolId) || user.hasAt(Role.TEACHER, schoolId) || user.hasAt(Role.REVIEWER, schoolId);
    }

    private void common(Model model, Workplace place) {
        model.addAttribute("school", place.school());
        model.addAttribute("schools", place.choices());
        model.addAttribute("subjects", subjects.all());
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("levels", CognitiveLevel.values());
    }

    private Mono<List<SchoolClass>> currentClasses(String schoolId) {
        return schools.years(schoolId).sort(Comparator.comparing(SchoolYear::startYear, Comparator.reverseOrder())).next()
            .flatMap(year -> schools.classesOf(year.id()).filter(c -> !c.closed())
                .sort(Comparator.comparing(SchoolClass::grade).thenComparing(SchoolClass::name)).collectList())
            .defaultIfEmpty(List.of());
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Component
    static class Rules implements EndpointRules {

        private static final String[] STAFF = {Role.TEACHER.name(), Role.REVIEWER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};
        private static final String[] PROCTORS = {Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            // Reviewers appraise the bank and its blueprints; they do not run tests.
            exchanges.pathMatchers(HttpMethod.GET, "/questions", "/questions/*", "/tests/blueprints/*").hasAnyRole(STAFF)
                .pathMatchers(HttpMethod.GET, "/tests", "/tests/*", "/tests/*/proctor", "/tests/*/results").hasAnyRole(PROCTORS);
        }
    }
}
