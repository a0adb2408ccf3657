package vn.edu.lms.api.lesson.participation;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.assessment.grading.GradedItem;
import vn.edu.lms.api.assessment.grading.GradedPaper;
import vn.edu.lms.api.assessment.grading.Grader;
import vn.edu.lms.api.lesson.Lesson;
import vn.edu.lms.api.lesson.LessonBlock;
import vn.edu.lms.api.lesson.Lessons;
import vn.edu.lms.api.questionbank.Response;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Rosters;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.platform.BlockingSchedulers;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Following a lesson: the student's page reports progress ({@code …/progress}) and sends practice
 * quizzes ({@code …/quiz-attempts}); the teacher marks live-class attendance and reads the record
 * ({@code …/participation}, {@code …/participation.xlsx}).
 */
@RestController
class ParticipationController {

    /** Progress reports a student may send per lesson and minute: a player reports every 10–15 s, a page a few clicks. */
    static final int REPORTS_PER_MINUTE = 30;
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Lessons lessons;
    private final ParticipationRecords records;
    private final Rosters rosters;
    private final ParticipationReports reports;
    private final Scheduler files;
    private final Cache<String, Bucket> reportLimits = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(5))
        .build();

    ParticipationController(Lessons lessons, ParticipationRecords records, Rosters rosters, ParticipationReports reports,
            BlockingSchedulers schedulers) {
        this.lessons = lessons;
        this.records = records;
        this.rosters = rosters;
        this.reports = reports;
        this.files = schedulers.files();
    }

    enum ProgressType {
        OPENED, VIDEO, DOCUMENT
    }

    /** @param from,to  VIDEO: the span played, in seconds from the start of the video */
    record ProgressRequest(@NotNull ProgressType type, @Nullable @Size(max = 64) String blockId, @Nullable @Min(0) Double from,
            @Nullable @Min(0) Double to) {
    }

    record QuizAnswer(@Min(1) @Max(Lessons.MAX_QUIZ_QUESTIONS) int number, @NotNull Response response) {
    }

    record QuizRequest(@NotNull @Size(max = Lessons.MAX_QUIZ_QUESTIONS) List<@Valid @NotNull QuizAnswer> answers) {
    }

    record ItemOutcome(int number, BigDecimal earned, boolean correct) {
    }

    /** The graded attempt: its score on the 10-point scale, each item, and the quiz's record so far. */
    record QuizOutcome(BigDecimal score, BigDecimal earned, BigDecimal total, List<ItemOutcome> items, boolean counted, int attempts,
            BigDecimal best) {
    }

    record MarkRequest(@NotBlank @Size(max = 64) String studentId, @NotNull Boolean present) {
    }

    record AttendanceRequest(@NotNull @Size(min = 1, max = 200) List<@Valid @NotNull MarkRequest> marks) {
    }

    record ReportView(String lessonId, String lessonTitle, String className, int students, long started, List<String> notStarted,
            List<ParticipationReport.Column> columns, List<ParticipationReport.Line> lines) {
    }

    @PostMapping("/api/v1/lessons/{id}/progress")
    Mono<ResponseEntity<Void>> progress(@PathVariable String id, @Valid @RequestBody ProgressRequest request) {
        return Access.currentUser().flatMap(user -> allowReport(user, id).then(lessons.followed(user, id))
            .flatMap(lesson -> switch (request.type()) {
                case OPENED -> records.opened(lesson, user.accountId());
                case VIDEO -> video(lesson, user, request);
                case DOCUMENT -> document(lesson, user, request);
            }))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/v1/lessons/{id}/blocks/{blockId}/quiz-attempts")
    Mono<QuizOutcome> quiz(@PathVariable String id, @PathVariable String blockId, @Valid @RequestBody QuizRequest request) {
        return Access.currentUser().flatMap(user -> lessons.followed(user, id).flatMap(lesson -> {
            LessonBlock block = block(lesson, blockId, LessonBlock.Type.PRACTICE_QUIZ);
            LessonBlock.PracticeQuiz quiz = java.util.Objects.requireNonNull(block.quiz());
            Map<Integer, Response> responses = new HashMap<>();
            request.answers().forEach(answer -> responses.put(answer.number(), answer.response()));
            GradedPaper graded = Grader.grade(quiz.paper(), responses, Map.of(), lesson.grade());
            BigDecimal score = java.util.Objects.requireNonNull(graded.score());
            return records.quizDone(lesson, blockId, user.accountId(), score, quiz.counted())
                .map(result -> new QuizOutcome(score, graded.earned(), graded.total(), graded.items().stream()
                    .map(item -> new ItemOutcome(item.number(), item.earned() == null ? BigDecimal.ZERO : item.earned(), fullMarks(item)))
                    .toList(), quiz.counted(), result.attempts(), result.best()));
        }));
    }

    @PutMapping("/api/v1/lessons/{id}/blocks/{blockId}/attendance")
    Mono<ResponseEntity<Void>> attendance(@PathVariable String id, @PathVariable String blockId, @Valid @RequestBody AttendanceRequest request) {
        return Access.currentUser().flatMap(user -> lessons.taught(user, id).flatMap(taught -> {
            block(taught.lesson(), blockId, LessonBlock.Type.LIVE_CLASS);
            return rosters.of(taught.lesson().classId()).flatMap(roster -> {
                Set<String> inClass = new HashSet<>(roster.stream().map(Rosters.Entry::studentId).toList());
                List<String> strangers = request.marks().stream().map(MarkRequest::studentId).filter(student -> !inClass.contains(student)).toList();
                if (!strangers.isEmpty()) {
                    return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "attendance-not-in-class", strangers.size()));
                }
                return records.attendance(taught.lesson(), blockId, request.marks().stream()
                    .map(mark -> new ParticipationRecords.Mark(mark.studentId(), mark.present())).toList(), user.accountId());
            });
        })).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/lessons/{id}/participation")
    Mono<ReportView> participation(@PathVariable String id) {
        return report(id).map(report -> new ReportView(report.lessonId(), report.lessonTitle(), report.className(), report.lines().size(),
            report.started(), report.notStarted().stream().map(ParticipationReport.Line::studentId).toList(), report.columns(), report.lines()));
    }

    @GetMapping("/api/v1/lessons/{id}/participation.xlsx")
    Mono<ResponseEntity<byte[]>> participationSheet(@PathVariable String id) {
        return report(id).flatMap(report -> Mono.fromCallable(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ParticipationSheet.write(report, out);
            return out.toByteArray();
        }).subscribeOn(files).map(bytes -> ResponseEntity.ok().contentType(XLSX)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("tham-gia-hoc-lop-" + report.className() + ".xlsx", StandardCharsets.UTF_8).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store").body(bytes)));
    }

    private Mono<ParticipationReport> report(String id) {
        return Access.currentUser().flatMap(user -> reports.report(user, id));
    }

    private Mono<Void> video(Lesson lesson, CurrentUser user, ProgressRequest request) {
        LessonBlock block = block(lesson, request.blockId(), LessonBlock.Type.LIBRARY_ITEM);
        Double from = request.from();
        Double to = request.to();
        if (from == null || to == null || !(to > from) || to - from > WatchedVideo.MAX_SPAN_SECONDS) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "video-span-invalid", (int) WatchedVideo.MAX_SPAN_SECONDS));
        }
        return lessons.items(lesson).flatMap(items -> {
            LibraryItem item = items.get(block.itemId());
            Double duration = ParticipationReport.durationOf(item);
            if (duration == null) {
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "video-not-ready"));
            }
            return records.watched(lesson, block.id(), user.accountId(), from, to, duration);
        });
    }

    private Mono<Void> document(Lesson lesson, CurrentUser user, ProgressRequest request) {
        LessonBlock block = lesson.block(request.blockId() == null ? "" : request.blockId())
            .filter(found -> found.type() == LessonBlock.Type.LIBRARY_ITEM || found.type() == LessonBlock.Type.LINK)
            .orElseThrow(ParticipationController::blockNotFound);
        return records.documentOpened(lesson, block.id(), user.accountId());
    }

    /** Too many reports from one student for one lesson: 429 with the seconds to wait, and nothing recorded. */
    private Mono<Void> allowReport(CurrentUser user, String lessonId) {
        Bucket bucket = reportLimits.get(user.accountId() + "/" + lessonId, key -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(REPORTS_PER_MINUTE).refillGreedy(REPORTS_PER_MINUTE, Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Mono.empty();
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        LmsProblem problem = new LmsProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-progress-reports", seconds);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return Mono.error(problem);
    }

    private static LessonBlock block(Lesson lesson, @Nullable String blockId, LessonBlock.Type type) {
        return lesson.block(blockId == null ? "" : blockId).filter(found -> found.type() == type).orElseThrow(ParticipationController::blockNotFound);
    }

    private static LmsProblem blockNotFound() {
        return new LmsProblem(HttpStatus.NOT_FOUND, "lesson-block-not-found");
    }

    private static boolean fullMarks(GradedItem item) {
        return item.earned() != null && item.earned().compareTo(item.points()) == 0;
    }

    /** Students report their own progress; the lesson's staff mark attendance and read the record. */
    @Component
    static class Rules implements EndpointRules {

        private static final String[] STAFF = {Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/lessons/*/progress", "/api/v1/lessons/*/blocks/*/quiz-attempts")
                .hasRole(Role.STUDENT.name())
                .pathMatchers(HttpMethod.PUT, "/api/v1/lessons/*/blocks/*/attendance").hasAnyRole(STAFF)
                .pathMatchers(HttpMethod.GET, "/api/v1/lessons/*/participation", "/api/v1/lessons/*/participation.xlsx").hasAnyRole(STAFF);
        }
    }
}
