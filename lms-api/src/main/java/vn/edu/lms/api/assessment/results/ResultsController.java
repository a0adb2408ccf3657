package vn.edu.lms.api.assessment.results;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.questionbank.Wording;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/**
 * Results: the teacher releases them, reads them per student and class with the item analysis, and
 * exports them; a student (or a parent) reads their own paper with the right answers once released.
 */
@RestController
class ResultsController {

    private final Results results;
    private final MessageSource messages;

    ResultsController(Results results, MessageSource messages) {
        this.results = results;
        this.messages = messages;
    }

    record Released(String sessionId, java.time.Instant releasedAt) {
    }

    @PostMapping("/api/v1/test-sessions/{id}/release")
    Mono<Released> release(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> results.release(user, id))
            .map(session -> new Released(session.id(), session.releasedAt()));
    }

    @GetMapping("/api/v1/test-sessions/{id}/results")
    Mono<Results.SessionResults> results(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> results.ofSession(user, id));
    }

    @GetMapping("/api/v1/test-sessions/{id}/item-analysis")
    Mono<List<ItemAnalysis.Item>> itemAnalysis(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> results.itemAnalysis(user, id));
    }

    @GetMapping("/api/v1/test-sessions/{id}/results/export")
    Mono<ResponseEntity<byte[]>> export(@PathVariable String id, @RequestParam(defaultValue = "XLSX") Results.Format format,
            ServerWebExchange exchange) {
        Locale locale = Wording.locale(exchange);
        ResultsSheet.Labels labels = new ResultsSheet.Labels(word("results.column.number", locale), word("results.column.full-name", locale),
            word("results.column.class", locale), word("results.column.identifier", locale), word("results.column.state", locale),
            word("results.column.paper-code", locale), word("results.column.score", locale));
        return Access.currentUser().flatMap(user -> results.export(user, id, format, labels, word("results.column.question", locale),
                standing -> word("results.standing." + standing.name(), locale)))
            .map(bytes -> ResponseEntity.ok()
                .contentType(format == Results.Format.XLSX
                    ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("ket-qua-" + id + (format == Results.Format.XLSX ? ".xlsx" : ".csv")).build().toString())
                .body(bytes));
    }

    @GetMapping("/api/v1/attempts/{attemptId}/result")
    Mono<Results.StudentResult> result(@PathVariable String attemptId) {
        return Access.currentUser().flatMap(user -> results.ofAttempt(user, attemptId));
    }

    private String word(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] proctors = TestSessions.proctorRoles();
            exchanges.pathMatchers(HttpMethod.POST, "/api/v1/test-sessions/*/release").hasAnyRole(proctors)
                .pathMatchers(HttpMethod.GET, "/api/v1/test-sessions/*/results", "/api/v1/test-sessions/*/item-analysis",
                    "/api/v1/test-sessions/*/results/export").hasAnyRole(proctors)
                .pathMatchers(HttpMethod.GET, "/api/v1/attempts/*/result").hasAnyRole(Role.STUDENT.name(), Role.PARENT.name());
        }
    }
}
