package vn.edu.lms.api.questionbank;

import java.net.URI;
import java.time.Instant;
import java.util.List;

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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/**
 * The question bank: {@code /api/v1/questions}. Edits answer with the question's revision as its
 * ETag and take it back in If-Match; an invalid question is a 400 whose {@code problems} say what
 * is wrong, one by one.
 */
@RestController
class QuestionController {

    private final QuestionBank bank;
    private final MessageSource messages;

    QuestionController(QuestionBank bank, MessageSource messages) {
        this.bank = bank;
        this.messages = messages;
    }

    /** A question as written in the editor; {@code schoolId} may be left out by someone of one school. */
    record QuestionRequest(@Nullable @Size(max = 40) String schoolId, @NotBlank @Size(max = 40) String subjectCode, @Min(1) @Max(9) int grade,
            @NotBlank @Size(max = 200) String topic, @NotNull CognitiveLevel level, @Nullable @Size(max = 20) List<@Size(max = 50) String> tags,
            @NotNull QuestionContent content) {

        QuestionDraft draft() {
            return new QuestionDraft(subjectCode, grade, topic, level, tags == null ? List.of() : tags, content);
        }
    }

    record Decision(@NotNull Verdict decision) {
        enum Verdict {
            APPROVE, REJECT
        }
    }

    record QuestionView(String id, long revision, int version, String schoolId, String authorId, String subjectCode, int grade, String topic,
            CognitiveLevel level, List<String> tags, QuestionType type, QuestionContent content, Question.Sharing sharing, boolean archived,
            Instant createdAt, Instant updatedAt) {

        static QuestionView of(Question q) {
            return new QuestionView(q.id(), q.revision() == null ? 0 : q.revision(), q.version(), q.schoolId(), q.authorId(), q.subjectCode(),
                q.grade(), q.topic(), q.level(), q.tags(), q.type(), q.content(), q.sharing(), q.archived(), q.createdAt(), q.updatedAt());
        }
    }

    record PageView(List<QuestionView> questions, long total, int page, int size) {
    }

    @PostMapping("/api/v1/questions")
    Mono<ResponseEntity<QuestionView>> create(@Valid @RequestBody QuestionRequest request, ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> {
            String schoolId = request.schoolId() != null ? request.schoolId() : QuestionAccess.onlySchool(user);
            return bank.create(user, schoolId, request.draft());
        }).map(question -> ResponseEntity.created(URI.create("/api/v1/questions/" + question.id())).eTag(Revisions.etag(question.revision()))
            .body(QuestionView.of(question))).onErrorMap(InvalidContent.class, invalid -> invalid.worded(messages, Wording.locale(exchange)));
    }

    @GetMapping("/api/v1/questions")
    Mono<PageView> list(@RequestParam(required = false) @Nullable String subjectCode, @RequestParam(required = false) @Nullable Integer grade,
            @RequestParam(required = false) @Nullable String topic, @RequestParam(required = false) @Nullable CognitiveLevel level,
            @RequestParam(required = false) @Nullable QuestionType type, @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) QuestionBank.@Nullable Scope scope, @RequestParam(required = false) @Nullable String schoolId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        QuestionBank.Filter filter = new QuestionBank.Filter(subjectCode, grade, topic, level, type, tag, scope, schoolId);
        return Access.require(QuestionAccess::usesTheBank).flatMap(user -> bank.list(user, filter, page, size))
            .map(found -> new PageView(found.questions().stream().map(QuestionView::of).toList(), found.total(), page, size));
    }

    @GetMapping("/api/v1/questions/{id}")
    Mono<ResponseEntity<QuestionView>> question(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> bank.question(user, id))
            .map(question -> ResponseEntity.ok().eTag(Revisions.etag(question.revision())).body(QuestionView.of(question)));
    }

    @GetMapping("/api/v1/questions/{id}/versions")
    Flux<QuestionVersion> versions(@PathVariable String id) {
        return Access.currentUser().flatMapMany(user -> bank.versions(user, id));
    }

    @GetMapping("/api/v1/questions/{id}/versions/{version}")
    Mono<QuestionVersion> version(@PathVariable String id, @PathVariable int version) {
        return Access.currentUser().flatMap(user -> bank.version(user, id, version));
    }

    /** Changes the question; new content is a new version. If-Match (the ETag read) refuses a stale edit with 412. */
    @PutMapping("/api/v1/questions/{id}")
    Mono<ResponseEntity<QuestionView>> edit(@PathVariable String id, @Valid @RequestBody QuestionRequest request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch, ServerWebExchange exchange) {
        Long expected = Revisions.expected(ifMatch);
        return Access.currentUser().flatMap(user -> bank.edit(user, id, expected, request.draft()))
            .map(question -> ResponseEntity.ok().eTag(Revisions.etag(question.revision())).body(QuestionView.of(question)))
            .onErrorMap(InvalidContent.class, invalid -> invalid.worded(messages, Wording.locale(exchange)));
    }

    @DeleteMapping("/api/v1/questions/{id}")
    Mono<ResponseEntity<Void>> archive(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> bank.archive(user, id)).thenReturn(ResponseEntity.noContent().build());
    }

    /** Offers the question to every school of the district, after a reviewer of its subject approves it. */
    @PostMapping("/api/v1/questions/{id}/district-offer")
    Mono<QuestionView> offer(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> bank.offerToDistrict(user, id)).map(QuestionView::of);
    }

    @PostMapping("/api/v1/questions/{id}/appraisal")
    Mono<QuestionView> appraise(@PathVariable String id, @Valid @RequestBody Decision decision) {
        return Access.currentUser().flatMap(user -> bank.appraise(user, id, decision.decision() == Decision.Verdict.APPROVE))
            .map(QuestionView::of);
    }

    @Component
    static class Rules implements EndpointRules {

        private static final String[] STAFF = {Role.TEACHER.name(), Role.REVIEWER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/questions").hasAnyRole(Role.TEACHER.name(), Role.SCHOOL_ADMIN.name())
                .pathMatchers(HttpMethod.GET, "/api/v1/questions", "/api/v1/questions/*", "/api/v1/questions/*/versions",
                    "/api/v1/questions/*/versions/*").hasAnyRole(STAFF)
                .pathMatchers(HttpMethod.PUT, "/api/v1/questions/*").hasAnyRole(Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(),
                    Role.DISTRICT_ADMIN.name())
                .pathMatchers(HttpMethod.DELETE, "/api/v1/questions/*").hasAnyRole(Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(),
                    Role.DISTRICT_ADMIN.name())
                .pathMatchers(HttpMethod.POST, "/api/v1/questions/*/district-offer").hasAnyRole(Role.TEACHER.name(),
                    Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name())
                .pathMatchers(HttpMethod.POST, "/api/v1/questions/*/appraisal").hasAnyRole(Role.REVIEWER.name(), Role.DISTRICT_ADMIN.name());
        }
    }
}
