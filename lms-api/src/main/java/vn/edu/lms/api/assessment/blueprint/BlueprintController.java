package vn.edu.lms.api.assessment.blueprint;

import java.math.BigDecimal;
import java.net.URI;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.InvalidContent;
import vn.edu.lms.api.questionbank.QuestionType;
import vn.edu.lms.api.questionbank.Revisions;
import vn.edu.lms.api.questionbank.Wording;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/**
 * Blueprints (ma trận đề): {@code /api/v1/schools/{schoolId}/blueprints} and
 * {@code /api/v1/blueprints/{id}}, with {@code …/coverage} saying whether the bank can fill each cell.
 */
@RestController
class BlueprintController {

    private final Blueprints blueprints;
    private final MessageSource messages;

    BlueprintController(Blueprints blueprints, MessageSource messages) {
        this.blueprints = blueprints;
        this.messages = messages;
    }

    record CellRequest(@NotBlank @Size(max = 200) String topic, @NotNull CognitiveLevel level, @NotNull QuestionType type, int count,
            @NotNull BigDecimal points) {
    }

    record BlueprintRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 40) String subjectCode, int grade,
            @NotNull @Size(max = 200) List<@Valid @NotNull CellRequest> cells) {

        Blueprint blueprint() {
            return new Blueprint(title.strip(), subjectCode, grade, cells.stream()
                .map(cell -> new Blueprint.Cell(cell.topic().strip(), cell.level(), cell.type(), cell.count(), cell.points())).toList());
        }
    }

    record BlueprintView(String id, long revision, String schoolId, String authorId, Blueprint blueprint, int questions, BigDecimal totalPoints) {

        static BlueprintView of(StoredBlueprint stored) {
            return new BlueprintView(stored.id(), stored.revision() == null ? 0 : stored.revision(), stored.schoolId(), stored.authorId(),
                stored.blueprint(), stored.blueprint().questionCount(), stored.blueprint().totalPoints());
        }
    }

    record CoverageView(boolean fillable, int missing, List<Coverage.CellCoverage> cells) {
    }

    @PostMapping("/api/v1/schools/{schoolId}/blueprints")
    Mono<ResponseEntity<BlueprintView>> create(@PathVariable String schoolId, @Valid @RequestBody BlueprintRequest request,
            ServerWebExchange exchange) {
        return Access.currentUser().flatMap(user -> blueprints.create(user, schoolId, request.blueprint()))
            .map(stored -> ResponseEntity.created(URI.create("/api/v1/blueprints/" + stored.id())).eTag(Revisions.etag(stored.revision())).body(BlueprintView.of(stored)))
            .onErrorMap(InvalidContent.class, invalid -> invalid.worded(messages, Wording.locale(exchange)));
    }

    @GetMapping("/api/v1/schools/{schoolId}/blueprints")
    Flux<BlueprintView> list(@PathVariable String schoolId, @RequestParam(required = false) @Nullable String subjectCode) {
        return Access.currentUser().flatMapMany(user -> blueprints.list(user, schoolId, subjectCode)).map(BlueprintView::of);
    }

    @GetMapping("/api/v1/blueprints/{id}")
    Mono<ResponseEntity<BlueprintView>> blueprint(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> blueprints.blueprint(user, id))
            .map(stored -> ResponseEntity.ok().eTag(Revisions.etag(stored.revision())).body(BlueprintView.of(stored)));
    }

    @PutMapping("/api/v1/blueprints/{id}")
    Mono<ResponseEntity<BlueprintView>> edit(@PathVariable String id, @Valid @RequestBody BlueprintRequest request,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch, ServerWebExchange exchange) {
        Long expected = Revisions.expected(ifMatch);
        return Access.currentUser().flatMap(user -> blueprints.edit(user, id, expected, request.blueprint()))
            .map(stored -> ResponseEntity.ok().eTag(Revisions.etag(stored.revision())).body(BlueprintView.of(stored)))
            .onErrorMap(InvalidContent.class, invalid -> invalid.worded(messages, Wording.locale(exchange)));
    }

    @DeleteMapping("/api/v1/blueprints/{id}")
    Mono<ResponseEntity<Void>> archive(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> blueprints.archive(user, id)).thenReturn(ResponseEntity.noContent().build());
    }

    /** Per cell: the questions asked for, those the bank (the school's and the district's) has, and how many are missing. */
    @GetMapping("/api/v1/blueprints/{id}/coverage")
    Mono<CoverageView> coverage(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> blueprints.coverage(user, id))
            .map(coverage -> new CoverageView(coverage.fillable(), coverage.missing(), coverage.cells()));
    }

    record DraftCoverageView(boolean fillable, int missing, List<Coverage.CellCoverage> cells, List<String> topics) {
    }

    /** The bank's coverage of a blueprint being drafted: nothing is stored (the blueprint builder page). */
    @PostMapping("/api/v1/schools/{schoolId}/blueprints/coverage")
    Mono<DraftCoverageView> draftCoverage(@PathVariable String schoolId, @Valid @RequestBody BlueprintRequest request) {
        return Access.currentUser().flatMap(user -> blueprints.coverageOfDraft(user, schoolId, request.blueprint()))
            .map(found -> new DraftCoverageView(found.coverage().fillable(), found.coverage().missing(), found.coverage().cells(), found.topics()));
    }

    @Component
    static class Rules implements EndpointRules {

        private static final String[] STAFF = {Role.TEACHER.name(), Role.REVIEWER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};
        private static final String[] WRITERS = {Role.TEACHER.name(), Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name()};

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/schools/*/blueprints").hasAnyRole(WRITERS)
                .pathMatchers(HttpMethod.POST, "/api/v1/schools/*/blueprints/coverage").hasAnyRole(STAFF)
                .pathMatchers(HttpMethod.GET, "/api/v1/schools/*/blueprints", "/api/v1/blueprints/*", "/api/v1/blueprints/*/coverage")
                .hasAnyRole(STAFF)
                .pathMatchers(HttpMethod.PUT, "/api/v1/blueprints/*").hasAnyRole(WRITERS)
                .pathMatchers(HttpMethod.DELETE, "/api/v1/blueprints/*").hasAnyRole(WRITERS);
        }
    }
}
