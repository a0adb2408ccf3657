package vn.edu.lms.api.assessment.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.paper.ShownItem;
import vn.edu.lms.api.questionbank.Response;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.questionbank.QuestionAssets;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.content.platform.ClientAddresses;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Taking a test, for the student: start or resume ({@code POST /api/v1/test-sessions/{id}/attempt}),
 * read the attempt, save answers one by one or in a batch after an outage, ping the clock, report
 * page events and submit. Saves and the submission carry the device token the start handed out
 * ({@value #DEVICE}); see docs/test-taking-api.md for how a page keeps answering offline.
 */
@RestController
class TakingController {

    static final String DEVICE = "X-Attempt-Device";

    private final Attempts attempts;
    private final QuestionAssets assets;
    private final Clock clock;

    TakingController(Attempts attempts, QuestionAssets assets, Clock clock) {
        this.attempts = attempts;
        this.assets = assets;
        this.clock = clock;
    }

    record StartRequest(@Nullable @Size(max = 12) String accessCode) {
    }

    /** A response as a student gives it; keys are short, texts bounded (an essay up to 20,000 characters). */
    record ResponseRequest(@Nullable @Size(max = 20) List<@NotNull @Size(max = 20) String> selected,
            @Nullable @Size(max = 40) Map<@Pattern(regexp = "[A-Za-z0-9]{1,8}") String, @Size(max = 2_000) String> entries,
            @Nullable @Size(max = 20_000) String text) {

        Response response() {
            return new Response(selected, entries, text);
        }
    }

    record AnswerRequest(@Min(1) long seq, @NotNull @Valid ResponseRequest response) {
    }

    record NumberedAnswer(@Min(1) @Max(500) int number, @Min(1) long seq, @NotNull @Valid ResponseRequest response) {
    }

    record BatchRequest(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull NumberedAnswer> answers) {
    }

    record EventRequest(@NotNull AttemptEvent.Type type) {
    }

    /** The clock as the server keeps it; the page counts down from {@code remainingMs}, not from its own clock. */
    record ClockView(Instant serverNow, long remainingMs, boolean paused, Attempt.State state) {

        static ClockView of(Attempt attempt, long now) {
            return new ClockView(Instant.ofEpochMilli(now), attempt.state() == Attempt.State.SUBMITTED ? 0 : attempt.remainingMs(now),
                attempt.paused(), attempt.state());
        }
    }

    record SavedView(long seq, Response response, Instant at) {
    }

    /**
     * The attempt for its student: the paper as shown (never the key), the answers stored with their
     * sequence numbers, and the clock. {@code device} is only in the reply to a start or resume.
     */
    record AttemptView(String id, String sessionId, Attempt.State state, @Nullable String device, @Nullable String paperCode, ClockView clock,
            long maxSeq, int answered, int items, List<ShownItem> paper, Map<Integer, SavedView> answers, @Nullable Instant submittedAt,
            Attempt.@Nullable SubmitKind submitKind) {

        static AttemptView of(Attempt attempt, AttemptPaper paper, @Nullable String device, long now) {
            Map<Integer, SavedView> answers = new TreeMap<>();
            attempt.answers().forEach((number, saved) -> answers.put(Integer.valueOf(number), new SavedView(saved.seq(), saved.response(), saved.at())));
            return new AttemptView(attempt.id(), attempt.sessionId(), attempt.state(), device, attempt.paperCode(), ClockView.of(attempt, now),
                attempt.maxSeq(), attempt.answered(), attempt.itemCount(), paper.paper().items().stream().map(ShownItem::of).toList(), answers,
                attempt.submittedAt(), attempt.submitKind());
        }
    }

    record SavedReply(int number, long seq, boolean applied, long storedSeq, long remainingMs) {

        static SavedReply of(Attempts.Saved saved) {
            return new SavedReply(saved.number(), saved.seq(), saved.applied(), saved.storedSeq(), saved.remainingMs());
        }
    }

    /** A batch's outcome: the saves made in order, and the refusal (its problem type) that stopped the rest. */
    record BatchReply(List<SavedReply> saved, @Nullable String refused, int notSaved) {
    }

    @PostMapping("/api/v1/test-sessions/{sessionId}/attempt")
    Mono<ResponseEntity<AttemptView>> start(@PathVariable String sessionId, @Valid @RequestBody(required = false) @Nullable StartRequest request,
            ServerWebExchange exchange) {
        return Access.currentUser()
            .flatMap(user -> attempts.start(user, sessionId, request == null ? null : request.accessCode(), ClientAddresses.of(exchange)))
            .map(started -> ResponseEntity.status(started.resumed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(AttemptView.of(started.attempt(), started.paper(),
                    started.attempt().state() == Attempt.State.RUNNING ? started.attempt().device() : null, clock.millis())));
    }

    @GetMapping("/api/v1/attempts/{attemptId}")
    Mono<AttemptView> attempt(@PathVariable String attemptId) {
        return Access.currentUser().flatMap(user -> attempts.own(user, attemptId))
            .flatMap(attempt -> attempts.paper(attempt.id()).map(paper -> AttemptView.of(attempt, paper, null, clock.millis())));
    }

    @PutMapping("/api/v1/attempts/{attemptId}/answers/{number}")
    Mono<SavedReply> save(@PathVariable String attemptId, @PathVariable int number, @RequestHeader(value = DEVICE, required = false) @Nullable String device,
            @Valid @RequestBody AnswerRequest request, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> attempts.save(user, attemptId, device(device), ClientAddresses.of(exchange),
            new Attempts.Answer(number, request.seq(), request.response().response()))).map(SavedReply::of);
    }

    @PostMapping("/api/v1/attempts/{attemptId}/answers")
    Mono<BatchReply> saveAll(@PathVariable String attemptId, @RequestHeader(value = DEVICE, required = false) @Nullable String device,
            @Valid @RequestBody BatchRequest request, ServerWebExchange exchange) {
        List<Attempts.Answer> answers = request.answers().stream()
            .map(answer -> new Attempts.Answer(answer.number(), answer.seq(), answer.response().response())).toList();
        return Access.currentUser().flatMap(user -> attempts.saveAll(user, attemptId, device(device), ClientAddresses.of(exchange), answers))
            .map(batch -> new BatchReply(batch.saved().stream().map(SavedReply::of).toList(),
                batch.refusal() == null ? null : batch.refusal().slug(), answers.size() - batch.saved().size()));
    }

    @PostMapping("/api/v1/attempts/{attemptId}/submit")
    Mono<AttemptView> submit(@PathVariable String attemptId, @RequestHeader(value = DEVICE, required = false) @Nullable String device) {
        return Access.currentUser().flatMap(user -> attempts.submit(user, attemptId, device(device)))
            .flatMap(attempt -> attempts.paper(attempt.id()).map(paper -> AttemptView.of(attempt, paper, null, clock.millis())));
    }

    @PostMapping("/api/v1/attempts/{attemptId}/ping")
    Mono<ClockView> ping(@PathVariable String attemptId) {
        return Access.currentUser().flatMap(user -> attempts.ping(user, attemptId)).map(attempt -> ClockView.of(attempt, clock.millis()));
    }

    @PostMapping("/api/v1/attempts/{attemptId}/events")
    Mono<ResponseEntity<Void>> report(@PathVariable String attemptId, @Valid @RequestBody EventRequest request) {
        return Access.currentUser().flatMap(user -> attempts.report(user, attemptId, request.type()))
            .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * An image of the student's own paper ({@code asset:ID} in its rich text): students may not read
     * the question bank's images, only those their paper shows.
     */
    @GetMapping("/api/v1/attempts/{attemptId}/assets/{assetId}")
    Mono<ResponseEntity<byte[]>> asset(@PathVariable String attemptId, @PathVariable String assetId) {
        return Access.currentUser().flatMap(user -> attempts.own(user, attemptId))
            .flatMap(attempt -> attempts.paper(attempt.id()))
            .filter(paper -> paper.paper().items().stream().anyMatch(item -> QuestionAssets.idsIn(item.content()).contains(assetId)))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "question-asset-not-found")))
            .flatMap(paper -> assets.read(assetId))
            .map(asset -> ResponseEntity.ok().contentType(MediaType.parseMediaType(asset.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(asset.bytes()));
    }

    private static String device(@Nullable String device) {
        if (device == null || device.isBlank()) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "attempt-device-missing");
        }
        return device;
    }

    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String student = Role.STUDENT.name();
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/test-sessions/*/attempt").hasRole(student)
                .pathMatchers(HttpMethod.GET, "/api/v1/attempts/*", "/api/v1/attempts/*/assets/*").hasRole(student)
                .pathMatchers(HttpMethod.PUT, "/api/v1/attempts/*/answers/*").hasRole(student)
                .pathMatchers(HttpMethod.POST, "/api/v1/attempts/*/answers", "/api/v1/attempts/*/submit", "/api/v1/attempts/*/ping",
                    "/api/v1/attempts/*/events").hasRole(student);
        }
    }
}
