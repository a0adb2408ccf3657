package vn.edu.lms.api.lesson;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.paper.ShownItem;
import vn.edu.lms.api.libraryaccess.ClassLibrary;
import vn.edu.lms.api.questionbank.InvalidContent;
import vn.edu.lms.api.questionbank.Revisions;
import vn.edu.lms.api.questionbank.Wording;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryAccess;
import vn.edu.lms.content.library.item.LibraryItem;

/**
 * Lessons: a class's course ({@code /api/v1/classes/{classId}/lessons}) and each lesson
 * ({@code /api/v1/lessons/{id}}), with publishing, unpublishing and copying to another class.
 */
@RestController
class LessonController {

    private final Lessons lessons;
    private final MessageSource messages;

    LessonController(Lessons lessons, MessageSource messages) {
        this.lessons = lessons;
        this.messages = messages;
    }

    record BlockRequest(@Nullable @Size(max = 64) String id, @NotNull LessonBlock.Type type, @Nullable @Size(max = 100_000) String text,
            @Nullable @Size(max = 64) String itemId, @Nullable @Size(max = 2000) String url, @Nullable @Size(max = 200) String label,
            @Nullable Instant startsAt, @Nullable Integer durationMinutes,
            @Nullable @Size(max = Lessons.MAX_QUIZ_QUESTIONS) List<@NotBlank @Size(max = 64) String> questionIds, @Nullable Boolean counted) {
    }

    record LessonRequest(@NotBlank @Size(max = 40) String subjectCode, @NotBlank @Size(max = 200) String topic,
            @NotBlank @Size(max = 200) String title, @Nullable @Min(0) @Max(100_000) Integer position,
            @NotNull @Size(max = Lessons.MAX_BLOCKS) List<@Valid @NotNull BlockRequest> blocks) {

        LessonDraft draft() {
            return new LessonDraft(subjectCode, topic.strip(), title.strip(), position == null ? 0 : position, blocks.stream()
                .map(b -> new LessonDraft.Block(b.id(), b.type(), b.text(), b.itemId(), b.url() == null ? null : b.url().strip(), b.label(),
                    b.startsAt(), b.durationMinutes(), b.questionIds(), Boolean.TRUE.equals(b.counted())))
                .toList());
        }
    }

    record PublishRequest(@Nullable Instant releaseAt) {
    }

    record CopyRequest(@NotBlank @Size(max = 64) String classId) {
    }

    /**
     * A library item as the lesson shows it: enough to draw it and to know whether it can be opened.
     *
     * @param available        whether the caller may open it (an item withdrawn or no longer shared is not)
     * @param sharedWithClass  for its teachers: whether the class's students may open it
     */
    record ItemView(String id, String title, String kind, String state, @Nullable Integer version, @Nullable String mediaType,
            @Nullable Double durationSeconds, @Nullable Integer pages, boolean available, @Nullable Boolean sharedWithClass) {

        /** @param classOf  for its teachers, the lesson whose class's students are asked about; null for a learner */
        static ItemView of(LibraryItem item, LibraryCaller caller, @Nullable Lesson classOf) {
            FileVersion current = item.current();
            FileVersion.Extracted extracted = current == null ? null : current.extracted();
            return new ItemView(item.id(), item.metadata().title(), item.metadata().kind().name(), item.state().name(),
                current == null ? null : current.number(), current == null ? null : current.mediaType(),
                extracted == null ? null : extracted.durationSeconds(), extracted == null ? null : extracted.pages(),
                !item.deleted() && LibraryAccess.maySee(caller, item),
                classOf == null ? null : ClassLibrary.openToClass(classOf.schoolId(), classOf.classId(), item));
        }

        static ItemView missing(String id) {
            return new ItemView(id, "", "", LibraryItem.State.DELETED.name(), null, null, null, null, false, false);
        }
    }

    /** A practice quiz as shown: its questions without their keys; the question ids for its teachers only. */
    record QuizView(boolean counted, int questionCount, List<ShownItem> questions, @Nullable List<String> questionIds) {
    }

    record BlockView(String id, LessonBlock.Type type, @Nullable String text, @Nullable String url, @Nullable String label,
            @Nullable Instant startsAt, @Nullable Integer durationMinutes, @Nullable ItemView item, @Nullable QuizView quiz) {
    }

    record LessonView(String id, long version, String classId, String subjectCode, String topic, String title, int position,
            Lesson.Status status, @Nullable Instant releaseAt, @Nullable String copiedFrom, Instant updatedAt, List<BlockView> blocks) {
    }

    record LessonSummary(String id, String title, int position, Lesson.Status status, @Nullable Instant releaseAt, int blocks) {
    }

    record Topic(String topic, List<LessonSummary> lessons) {
    }

    record CourseView(String classId, @Nullable String subjectCode, List<Topic> topics) {
    }

    @PostMapping("/api/v1/classes/{classId}/lessons")
    Mono<ResponseEntity<LessonView>> create(@PathVariable String classId, @Valid @RequestBody LessonRequest request, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> lessons.create(user, classId, request.draft()))
            .flatMap(lesson -> view(lesson, true))
            .map(view -> ResponseEntity.created(URI.create("/api/v1/lessons/" + view.id())).eTag(Revisions.etag(view.version())).body(view))
            .onErrorMap(InvalidContent.class, invalid -> invalid.worded(messages, Wording.locale(exchange)));
    }

    /** The course: topics in order, each with its lessons in order. */
    @GetMapping("/api/v1/classes/{classId}/lessons")
    Mono<CourseView> course(@PathVariable String classId, @RequestParam(required = false) @Nullable String subjectCode) {
        return Access.currentUser().flatMapMany(user -> lessons.course(user, classId, subjectCode)).collectList().map(found -> {
            Map<String, List<LessonSummary>> topics = new LinkedHashMap<>();
            found.forEach(lesson -> topics.computeIfAbsent(lesson.topic(), topic -> new ArrayList<>()).add(new LessonSummary(lesson.id(),
                lesson.title(), lesson.position(), lesson.status(), lesson.releaseAt(), lesson.blocks().size())));
            return new CourseView(classId, subjectCode, topics.entrySet().stream().map(entry -> new Topic(entry.getKey(), entry.getValue())).toList());
        });
    }

    @GetMapping("/api/v1/lessons/{id}")
    Mono<ResponseEntity<LessonView>> lesson(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> lessons.lesson(user, id))
            .flatMap(read -> view(read.lesson(), read.teaches()))
            .map(view -> ResponseEntity.ok().eTag(Revisions.etag(view.version())).body(view));
    }

    @PutMapping("/api/v1/lessons/{id}")
    Mono<ResponseEntity<LessonView>> edit(@PathVariable String id, @Valid @RequestBody LessonRequest request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch, ServerWebExchange exchange) {
        Long expected = Revisions.expected(ifMatch);
        return Access.currentUser().flatMap(user -> lessons.edit(user, id, expected, request.draft()))
            .flatMap(lesson -> view(lesson, true))
            .map(view -> ResponseEntity.ok().eTag(Revisions.etag(view.version())).body(view))
            .onErrorMap(InvalidContent.class, invalid -> invalid.worded(messages, Wording.locale(exchange)));
    }

    @DeleteMapping("/api/v1/lessons/{id}")
    Mono<ResponseEntity<Void>> archive(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> lessons.archive(user, id)).thenReturn(ResponseEntity.noContent().build());
    }

    /** Publishes the lesson; with {@code releaseAt} it opens to students then (scheduled release). */
    @PostMapping("/api/v1/lessons/{id}/publish")
    Mono<LessonView> publish(@PathVariable String id, @RequestBody(required = false) @Nullable PublishRequest request) {
        return Access.currentUser().flatMap(user -> lessons.publish(user, id, request == null ? null : request.releaseAt()))
            .flatMap(lesson -> view(lesson, true));
    }

    @PostMapping("/api/v1/lessons/{id}/unpublish")
    Mono<LessonView> unpublish(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> lessons.unpublish(user, id)).flatMap(lesson -> view(lesson, true));
    }

    /** A draft copy in another class the caller teaches (this year's or next year's). */
    @PostMapping("/api/v1/lessons/{id}/copies")
    Mono<ResponseEntity<LessonView>> copy(@PathVariable String id, @Valid @RequestBody CopyRequest request) {
        return Access.currentUser().flatMap(user -> lessons.copy(user, id, request.classId()))
            .flatMap(lesson -> view(lesson, true))
            .map(view -> ResponseEntity.created(URI.create("/api/v1/lessons/" + view.id())).eTag(Revisions.etag(view.version())).body(view));
    }

    private Mono<LessonView> view(Lesson lesson, boolean teaches) {
        return Mono.zip(lessons.items(lesson), lessons.libraryCaller()).map(found -> {
            List<BlockView> blocks = lesson.blocks().stream().map(block -> {
                ItemView item = null;
                if (block.itemId() != null) {
                    LibraryItem stored = found.getT1().get(block.itemId());
                    item = stored == null ? ItemView.missing(block.itemId()) : ItemView.of(stored, found.getT2(), teaches ? lesson : null);
                }
                QuizView quiz = block.quiz() == null ? null : new QuizView(block.quiz().counted(), block.quiz().paper().items().size(),
                    block.quiz().paper().items().stream().map(ShownItem::of).toList(), teaches ? block.quiz().questionIds() : null);
                return new BlockView(block.id(), block.type(), block.text(), block.url(), block.label(), block.startsAt(), block.durationMinutes(),
                    item, quiz);
            }).toList();
            return new LessonView(lesson.id(), lesson.version() == null ? 0 : lesson.version(), lesson.classId(), lesson.subjectCode(),
                lesson.topic(), lesson.title(), lesson.position(), lesson.status(), lesson.releaseAt(), lesson.copiedFrom(), lesson.updatedAt(),
                blocks);
        });
    }

    /** Reading needs a class's membership (checked per lesson); writing is for its staff. */
    @Component
    static class Rules implements EndpointRules {

        private static final String[] WRITERS = {Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/classes/*/lessons", "/api/v1/lessons/*").authenticated()
                .pathMatchers(HttpMethod.POST, "/api/v1/classes/*/lessons", "/api/v1/lessons/*/publish", "/api/v1/lessons/*/unpublish",
                    "/api/v1/lessons/*/copies").hasAnyRole(WRITERS)
                .pathMatchers(HttpMethod.PUT, "/api/v1/lessons/*").hasAnyRole(WRITERS)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/lessons/*").hasAnyRole(WRITERS);
        }
    }
}
