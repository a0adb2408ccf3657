package vn.edu.lms.web.teaching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.paper.ShownItem;
import vn.edu.lms.api.lesson.Lesson;
import vn.edu.lms.api.lesson.LessonBlock;
import vn.edu.lms.api.lesson.Lessons;
import vn.edu.lms.api.lesson.participation.ParticipationReports;
import vn.edu.lms.api.school.SchoolAccess;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.student.Rosters;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.web.library.Preview;

/**
 * A class and its lessons: the class page, the course (topics and lessons, by subject), the lesson
 * as its students follow it (text, library videos and documents, links, live classes, practice
 * quizzes), the lesson builder, and the participation record. Read through the lesson feature's
 * Java API; the builder and the student's progress reports go through its JSON API.
 */
@Controller
class TeachingPages {

    private final SchoolAccess schoolAccess;
    private final Lessons lessons;
    private final ParticipationReports participation;
    private final Rosters rosters;
    private final SubjectCatalogue subjects;

    TeachingPages(SchoolAccess schoolAccess, Lessons lessons, ParticipationReports participation, Rosters rosters, SubjectCatalogue subjects) {
        this.schoolAccess = schoolAccess;
        this.lessons = lessons;
        this.participation = participation;
        this.rosters = rosters;
        this.subjects = subjects;
    }

    /** A subject of the class, and whether the viewer teaches it here. */
    record ClassSubject(Subject subject, boolean teaches) {
    }

    @GetMapping("/classes/{classId}")
    Mono<String> schoolClass(@PathVariable String classId, Model model) {
        return Access.currentUser().flatMap(user -> schoolAccess.visible(classId).flatMap(found -> {
            model.addAttribute("schoolClass", found);
            model.addAttribute("subjects", subjectsOf(found, user));
            model.addAttribute("teaches", found.isTaughtBy(user.accountId()) || user.administers(found.schoolId()));
            if (!found.isTaughtBy(user.accountId()) && !user.administers(found.schoolId())) {
                model.addAttribute("roster", List.of());
                return Mono.just("teaching/class");
            }
            return rosters.of(classId).map(roster -> {
                model.addAttribute("roster", roster);
                return "teaching/class";
            });
        }));
    }

    @GetMapping("/classes/{classId}/lessons")
    Mono<String> course(@PathVariable String classId, @RequestParam(required = false) @Nullable String subject, Model model) {
        return Access.currentUser().flatMap(user -> schoolAccess.visible(classId).flatMap(found ->
            lessons.course(user, classId, subject).collectList().map(course -> {
                Map<String, List<Lesson>> topics = new LinkedHashMap<>();
                course.forEach(lesson -> topics.computeIfAbsent(lesson.topic(), topic -> new ArrayList<>()).add(lesson));
                model.addAttribute("schoolClass", found);
                model.addAttribute("subject", subject == null ? null : subjects.subject(subject).orElse(null));
                model.addAttribute("topics", topics);
                model.addAttribute("teaches", subject == null ? found.isTaughtBy(user.accountId())
                    : SchoolAccess.teachesSubject(user, found, subject));
                return "teaching/course";
            })));
    }

    @GetMapping("/lessons/{id}")
    Mono<String> lesson(@PathVariable String id, Model model) {
        return Access.currentUser().flatMap(user -> lessons.lesson(user, id)).flatMap(read -> lessons.items(read.lesson()).map(items -> {
            model.addAttribute("lesson", read.lesson());
            model.addAttribute("schoolClass", read.schoolClass());
            model.addAttribute("teaches", read.teaches());
            model.addAttribute("blocks", read.lesson().blocks().stream().map(block -> BlockView.of(block, items)).toList());
            return "teaching/lesson";
        }));
    }

    @GetMapping({"/lessons/new", "/lessons/{id}/edit"})
    Mono<String> builder(@PathVariable(required = false) @Nullable String id, @RequestParam(name = "class", required = false) @Nullable String classId,
            @RequestParam(required = false) @Nullable String subject, Model model) {
        Mono<SchoolClass> target = id == null
            ? Mono.justOrEmpty(classId).flatMap(schoolAccess::taughtOrAdministered)
            : Access.currentUser().flatMap(user -> lessons.taught(user, id)).map(Lessons.Taught::schoolClass);
        return target.switchIfEmpty(Mono.error(Access::forbidden)).map(found -> {
            model.addAttribute("schoolClass", found);
            model.addAttribute("lessonId", id == null ? "" : id);
            model.addAttribute("subject", subject == null ? "" : subject);
            model.addAttribute("subjects", subjects.forGrade(found.grade()));
            return "teaching/builder";
        });
    }

    @GetMapping("/lessons/{id}/participation")
    Mono<String> participation(@PathVariable String id, Model model) {
        return Access.currentUser().flatMap(user -> participation.report(user, id)).map(report -> {
            model.addAttribute("report", report);
            return "teaching/participation";
        });
    }

    private List<ClassSubject> subjectsOf(SchoolClass schoolClass, CurrentUser user) {
        return subjects.forGrade(schoolClass.grade()).stream()
            .map(subject -> new ClassSubject(subject, SchoolAccess.teachesSubject(user, schoolClass, subject.code()))).toList();
    }

    /**
     * A block as the lesson page draws it: a library item with what its player or preview needs,
     * a practice quiz with its questions as students see them (never the keys).
     */
    record BlockView(LessonBlock block, @Nullable LibraryItem item, @Nullable FileVersion file, @Nullable Preview media,
            List<ShownItem> questions) {

        static BlockView of(LessonBlock block, Map<String, LibraryItem> items) {
            LibraryItem item = block.itemId() == null ? null : items.get(block.itemId());
            FileVersion file = item == null || item.deleted() ? null : item.current();
            Preview media = file == null ? null : Preview.of(file);
            List<ShownItem> questions = block.quiz() == null ? List.of() : block.quiz().paper().items().stream().map(ShownItem::of).toList();
            return new BlockView(block, item, file, media, questions);
        }
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            // Who may see which class or lesson is the lesson and school features' own check.
            exchanges.pathMatchers(HttpMethod.GET, "/classes/*", "/classes/*/lessons", "/lessons/*", "/lessons/new", "/lessons/*/edit",
                "/lessons/*/participation").authenticated();
        }
    }
}
