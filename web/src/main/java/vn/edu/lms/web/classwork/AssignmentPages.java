package vn.edu.lms.web.classwork;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.springframework.web.util.HtmlUtils;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assignment.Assignment;
import vn.edu.lms.api.assignment.Assignments;
import vn.edu.lms.api.assignment.HandInFileKind;
import vn.edu.lms.api.assignment.LatePolicy;
import vn.edu.lms.api.assignment.Submission;
import vn.edu.lms.api.assignment.Submissions;
import vn.edu.lms.api.libraryaccess.ClassLibrary;
import vn.edu.lms.api.school.SchoolAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Rosters;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The pages of assignments: a class's list, the form that sets or edits one, and one assignment as
 * its reader sees it (a student hands in and reads the returned grade; its teachers grade every
 * student's work; a parent follows their child's). Reading goes through the features' Java API
 * and its checks; writing is the page scripts' calls to the JSON API.
 */
@Controller
class AssignmentPages {

    private final Assignments assignments;
    private final Submissions submissions;
    private final Schools schools;
    private final SchoolAccess schoolAccess;
    private final Rosters rosters;
    private final Students students;
    private final ClassLibrary library;
    private final SubjectNames subjects;
    private final Clock clock;

    AssignmentPages(Assignments assignments, Submissions submissions, Schools schools, SchoolAccess schoolAccess, Rosters rosters,
            Students students, ClassLibrary library, SubjectNames subjects, Clock clock) {
        this.assignments = assignments;
        this.submissions = submissions;
        this.schools = schools;
        this.schoolAccess = schoolAccess;
        this.rosters = rosters;
        this.students = students;
        this.library = library;
        this.subjects = subjects;
        this.clock = clock;
    }


    record CheckedGroup(String key, String types, boolean checked) {
    }

    /** A teacher's line of the class's list: how many it is for, handed in, waiting to be graded. */
    record TaughtLine(Assignment assignment, LatePolicy.Window window, int students, int handedIn, int toGrade) {
    }

    /** A learner's line: a student's own work (its grade only once returned), or none yet; nothing for a parent. */
    record LearnerLine(Assignment assignment, LatePolicy.Window window, @Nullable Submission work) {
    }

    /** One student of the class in the teacher's view of an assignment, with their work when there is some. */
    record WorkLine(Rosters.Entry student, @Nullable Submission work) {

        public String standing() {
            if (work == null || work.latest() == null) {
                return "NOT_SUBMITTED";
            }
            Submission.Grade grade = work.grade();
            return grade == null ? "SUBMITTED" : grade.returned() ? "RETURNED" : "GRADED";
        }

        /** Handed in and not graded, or handed in again since it was graded. */
        public boolean awaitsGrading() {
            return work != null && work.latest() != null && (work.grade() == null || work.grade().version() < work.versionCount());
        }

        public boolean late() {
            return work != null && work.latest() != null && work.latest().late();
        }
    }

    record Attachment(String id, String title) {
    }

    @GetMapping("/classes/{classId}/assignments")
    Mono<String> ofClass(@PathVariable String classId, Model model) {
        return Access.currentUser().flatMap(user -> schoolAccess.visible(classId).flatMap(schoolClass -> assignments.ofClass(user, classId)
            .collectList().flatMap(reads -> {
                Instant now = clock.instant();
                Mono<List<TaughtLine>> taught = reads.stream().noneMatch(Assignments.Read::teaches) ? Mono.just(List.of())
                    : rosters.of(classId).flatMap(roster -> Flux.fromIterable(reads).filter(Assignments.Read::teaches)
                        .concatMap(read -> submissions.ofAssignment(user, read.assignment().id())
                            .map(work -> taughtLine(read.assignment(), roster, work, now)))
                        .collectList());
                Flux<LearnerLine> learned = Flux.fromIterable(reads).filter(read -> !read.teaches()).concatMap(read -> {
                    Assignment assignment = read.assignment();
                    Mono<Optional<Submission>> own = user.has(Role.STUDENT) && assignment.isFor(user.accountId())
                        ? ifFound(submissions.own(user, assignment.id())) : Mono.just(Optional.empty());
                    return own.map(work -> new LearnerLine(assignment, LatePolicy.window(assignment, now), work.orElse(null)));
                });
                return Mono.zip(taught, learned.collectList()).map(found -> {
                    model.addAttribute("schoolClass", schoolClass);
                    model.addAttribute("taught", found.getT1());
                    model.addAttribute("learned", found.getT2());
                    model.addAttribute("student", user.has(Role.STUDENT));
                    model.addAttribute("maySet", !subjects.kept(user, schoolClass).isEmpty());
                    return "classwork/assignments";
                });
            })));
    }

    private static TaughtLine taughtLine(Assignment assignment, List<Rosters.Entry> roster, List<Submission> work, Instant now) {
        Map<String, Submission> byStudent = work.stream().collect(Collectors.toMap(Submission::studentId, Function.identity()));
        List<WorkLine> lines = roster.stream().filter(entry -> assignment.isFor(entry.studentId()))
            .map(entry -> new WorkLine(entry, byStudent.get(entry.studentId()))).toList();
        return new TaughtLine(assignment, LatePolicy.window(assignment, now), lines.size(),
            (int) lines.stream().filter(line -> !"NOT_SUBMITTED".equals(line.standing())).count(),
            (int) lines.stream().filter(WorkLine::awaitsGrading).count());
    }

    @GetMapping("/assignments/new")
    Mono<String> create(@RequestParam("class") String classId, Model model) {
        return Access.currentUser().flatMap(user -> schools.schoolClass(classId).flatMap(schoolClass -> {
            if (subjects.kept(user, schoolClass).isEmpty()) {
                return Mono.error(Access.forbidden());
            }
            return rosters.of(classId).map(roster -> form(model, user, schoolClass, roster, null));
        }));
    }

    @GetMapping("/assignments/{id}/edit")
    Mono<String> edit(@PathVariable String id, Model model) {
        return Access.currentUser().flatMap(user -> assignments.taught(user, id).flatMap(read -> rosters.of(read.schoolClass().id())
            .map(roster -> form(model, user, read.schoolClass(), roster, read.assignment()))));
    }

    private String form(Model model, CurrentUser user, SchoolClass schoolClass, List<Rosters.Entry> roster, @Nullable Assignment assignment) {
        Set<String> accepted = assignment == null ? Set.of() : new HashSet<>(assignment.acceptedTypes());
        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("subjects", subjects.kept(user, schoolClass));
        model.addAttribute("roster", roster);
        model.addAttribute("assignment", assignment);
        model.addAttribute("instructionsText", assignment == null ? "" : textOf(assignment.instructions()));
        model.addAttribute("attachmentsText", assignment == null ? "" : String.join("\n", assignment.attachmentIds()));
        model.addAttribute("fileGroups", java.util.Arrays.stream(HandInFileKind.values())
            .map(kind -> new CheckedGroup(kind.name().toLowerCase(java.util.Locale.ROOT), String.join(" ", kind.mediaTypes()),
                accepted.isEmpty() || accepted.containsAll(kind.mediaTypes()))).toList());
        model.addAttribute("grading", assignment == null ? "SCORE" : assignment.grading() == Assignment.Grading.COMMENT ? "COMMENT"
            : assignment.rubric().isEmpty() ? "SCORE" : "RUBRIC");
        return "classwork/assignment-form";
    }

    /** Instructions as the form's plain text: paragraphs by blank lines, line breaks kept (the page script writes them back as HTML). */
    static String textOf(String html) {
        String text = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</(p|li|h[1-6]|tr)>", "\n\n").replaceAll("<[^>]*>", "");
        return HtmlUtils.htmlUnescape(text).replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    @GetMapping("/assignments/{id}")
    Mono<String> assignment(@PathVariable String id, Model model) {
        return Access.currentUser().flatMap(user -> assignments.assignment(user, id).flatMap(read -> {
            Assignment assignment = read.assignment();
            Instant now = clock.instant();
            model.addAttribute("assignment", assignment);
            model.addAttribute("schoolClass", read.schoolClass());
            model.addAttribute("window", LatePolicy.window(assignment, now));
            Mono<List<Attachment>> attachments = assignment.attachmentIds().isEmpty() ? Mono.just(List.of())
                : library.items(assignment.attachmentIds()).map(items -> assignment.attachmentIds().stream()
                    .map(itemId -> new Attachment(itemId, items.containsKey(itemId) ? items.get(itemId).metadata().title() : itemId)).toList());
            Mono<String> view;
            if (read.teaches()) {
                view = teacherView(user, assignment, model);
            } else if (user.has(Role.STUDENT) && assignment.isFor(user.accountId())) {
                view = studentView(user, assignment, now, model);
            } else {
                view = parentView(user, assignment, model);
            }
            return attachments.doOnNext(found -> model.addAttribute("attachments", found)).then(view);
        }));
    }

    private Mono<String> teacherView(CurrentUser user, Assignment assignment, Model model) {
        return Mono.zip(submissions.ofAssignment(user, assignment.id()), rosters.of(assignment.classId())).map(found -> {
            Map<String, Submission> byStudent = found.getT1().stream().collect(Collectors.toMap(Submission::studentId, Function.identity()));
            List<WorkLine> lines = found.getT2().stream().filter(entry -> assignment.isFor(entry.studentId()))
                .map(entry -> new WorkLine(entry, byStudent.get(entry.studentId()))).toList();
            model.addAttribute("lines", lines);
            model.addAttribute("handedIn", lines.stream().filter(line -> !"NOT_SUBMITTED".equals(line.standing())).count());
            model.addAttribute("toGrade", lines.stream().filter(WorkLine::awaitsGrading).count());
            model.addAttribute("toReturn", lines.stream().filter(line -> "GRADED".equals(line.standing())).count());
            return "classwork/assignment-teacher";
        });
    }

    private Mono<String> studentView(CurrentUser user, Assignment assignment, Instant now, Model model) {
        return ifFound(submissions.own(user, assignment.id())).map(found -> {
            Submission work = found.orElse(null);
            model.addAttribute("work", work);
            model.addAttribute("refusal", LatePolicy.refusal(assignment, work, now));
            model.addAttribute("accept", String.join(",", assignment.acceptedTypes()));
            return "classwork/assignment-student";
        });
    }

    /** A parent's children of the class whom it is for, each with their work as a learner sees it. */
    private Mono<String> parentView(CurrentUser user, Assignment assignment, Model model) {
        return Mono.zip(students.childrenOf(user.accountId()).collect(Collectors.toSet()), rosters.of(assignment.classId()))
            .flatMap(found -> Flux.fromIterable(found.getT2())
                .filter(entry -> found.getT1().contains(entry.studentId()) && assignment.isFor(entry.studentId()))
                .concatMap(entry -> ifFound(submissions.of(user, assignment.id(), entry.studentId()))
                    .map(work -> new WorkLine(entry, work.orElse(null))))
                .collectList())
            .map(children -> {
                model.addAttribute("children", children);
                return "classwork/assignment-parent";
            });
    }

    /** A missing thing as the empty optional: a 404 problem of a feature means "none yet" to a page. */
    private static <T> Mono<Optional<T>> ifFound(Mono<T> found) {
        return found.map(Optional::of).defaultIfEmpty(Optional.empty())
            .onErrorResume(LmsProblem.class, problem -> problem.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                ? Mono.just(Optional.empty()) : Mono.error(problem));
    }

    /** A class's list and an assignment are read per record by the feature; the form is for those who set work. */
    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/assignments/new", "/assignments/*/edit")
                .hasAnyRole(Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name())
                .pathMatchers(HttpMethod.GET, "/classes/*/assignments", "/assignments/*").authenticated();
        }
    }
}
