package vn.edu.lms.api.assignment;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.questionbank.InvalidContent;
import vn.edu.lms.api.questionbank.Revisions;
import vn.edu.lms.api.questionbank.Wording;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/**
 * Assignments: {@code /api/v1/classes/{classId}/assignments} and {@code /api/v1/assignments/{id}},
 * with publishing. Times are instants (UTC on the wire); pages show them in Asia/Ho_Chi_Minh.
 */
@RestController
class AssignmentController {

    private final Assignments assignments;
    private final MessageSource messages;
    private final Clock clock;

    AssignmentController(Assignments assignments, MessageSource messages, Clock clock) {
        this.assignments = assignments;
        this.messages = messages;
        this.clock = clock;
    }

    record CriterionRequest(@NotBlank @Size(max = 200) String name, @NotNull BigDecimal maxPoints) {
    }

    record AssignmentRequest(@NotBlank @Size(max = 40) String subjectCode, @NotBlank @Size(max = 200) String title,
            @Nullable @Size(max = 100_000) String instructions, @Nullable @Size(max = 20) List<@NotBlank @Size(max = 64) String> attachmentIds,
            @Nullable @Size(max = 200) List<@NotBlank @Size(max = 64) String> studentIds, @NotNull Instant opensAt, @NotNull Instant dueAt,
            @Nullable Instant cutOffAt, @Nullable Integer latePenaltyPercent, Assignment.@Nullable Grading grading,
            @Nullable @Size(max = Assignments.MAX_CRITERIA) List<@Valid @NotNull CriterionRequest> rubric, @Nullable Integer maxFiles,
            @Nullable Integer maxFileMegabytes, @Nullable @Size(max = 30) List<@NotBlank @Size(max = 100) String> acceptedTypes) {

        AssignmentDraft draft() {
            return new AssignmentDraft(subjectCode, title.strip(), instructions == null ? "" : instructions,
                attachmentIds == null ? List.of() : attachmentIds, studentIds == null ? List.of() : studentIds, opensAt, dueAt, cutOffAt,
                latePenaltyPercent == null ? 0 : latePenaltyPercent, grading == null ? Assignment.Grading.SCORE : grading,
                rubric == null ? List.of() : rubric.stream().map(c -> new Assignment.Criterion(c.name().strip(), c.maxPoints())).toList(),
                maxFiles == null ? 5 : maxFiles, maxFileMegabytes == null ? 20 : maxFileMegabytes,
                acceptedTypes == null || acceptedTypes.isEmpty() ? HandInFileKind.ALL_TYPES : acceptedTypes);
        }
    }

    /** An assignment as shown; {@code studentIds} and the author for its teachers only. */
    record AssignmentView(String id, long version, String classId, String subjectCode, String title, String instructions,
            List<String> attachmentIds, @Nullable List<String> studentIds, Instant opensAt, Instant dueAt, @Nullable Instant cutOffAt,
            int latePenaltyPercent, Assignment.Grading grading, List<Assignment.Criterion> rubric, int maxFiles, int maxFileMegabytes,
            List<String> acceptedTypes, Assignment.Status status, LatePolicy.Window window) {

        static AssignmentView of(Assignment a, boolean teaches, Instant now) {
            return new AssignmentView(a.id(), a.version() == null ? 0 : a.version(), a.classId(), a.subjectCode(), a.title(), a.instructions(),
                a.attachmentIds(), teaches ? a.studentIds() : null, a.opensAt(), a.dueAt(), a.cutOffAt(), a.latePenaltyPercent(), a.grading(),
                a.rubric(), a.maxFiles(), a.maxFileMegabytes(), a.acceptedTypes(), a.status(), LatePolicy.window(a, now));
        }
    }

    @PostMapping("/api/v1/classes/{classId}/assignments")
    Mono<ResponseEntity<AssignmentView>> create(@PathVariable String classId, @Valid @RequestBody AssignmentRequest request,
            ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> assignments.create(user, classId, request.draft()))
            .map(created -> ResponseEntity.created(URI.create("/api/v1/assignments/" + created.id())).eTag(Revisions.etag(created.version()))
                .body(AssignmentView.of(created, true, clock.instant())))
            .onErrorMap(InvalidContent.class, invalid -> invalid.worded(messages, Wording.locale(exchange)));
    }

    @GetMapping("/api/v1/classes/{classId}/assignments")
    Flux<AssignmentView> ofClass(@PathVariable String classId) {
        return Access.currentUser().flatMapMany(user -> assignments.ofClass(user, classId))
            .map(read -> AssignmentView.of(read.assignment(), read.teaches(), clock.instant()));
    }

    @GetMapping("/api/v1/assignments/{id}")
    Mono<ResponseEntity<AssignmentView>> assignment(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> assignments.assignment(user, id))
            .map(read -> ResponseEntity.ok().eTag(Revisions.etag(read.assignment().version()))
                .body(AssignmentView.of(read.assignment(), read.teaches(), clock.instant())));
    }

    @PutMapping("/api/v1/assignments/{id}")
    Mono<ResponseEntity<AssignmentView>> edit(@PathVariable String id, @Valid @RequestBody AssignmentRequest request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch, ServerWebExchange exchange) {
        Long expected = Revisions.expected(ifMatch);
        return Access.currentUser().flatMap(user -> assignments.edit(user, id, expected, request.draft()))
            .map(edited -> ResponseEntity.ok().eTag(Revisions.etag(edited.version())).body(AssignmentView.of(edited, true, clock.instant())))
            .onErrorMap(InvalidContent.class, invalid -> invalid.worded(messages, Wording.locale(exchange)));
    }

    @PostMapping("/api/v1/assignments/{id}/publish")
    Mono<AssignmentView> publish(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> assignments.publish(user, id)).map(published -> AssignmentView.of(published, true, clock.instant()));
    }

    @DeleteMapping("/api/v1/assignments/{id}")
    Mono<ResponseEntity<Void>> archive(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> assignments.archive(user, id)).thenReturn(ResponseEntity.noContent().build());
    }

    /** Reading needs the class (checked per assignment); setting them is for its staff. */
    @Component
    static class Rules implements EndpointRules {

        static final String[] WRITERS = {Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/classes/*/assignments", "/api/v1/assignments/*").authenticated()
                .pathMatchers(HttpMethod.POST, "/api/v1/classes/*/assignments", "/api/v1/assignments/*/publish").hasAnyRole(WRITERS)
                .pathMatchers(HttpMethod.PUT, "/api/v1/assignments/*").hasAnyRole(WRITERS)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/assignments/*").hasAnyRole(WRITERS);
        }
    }
}
