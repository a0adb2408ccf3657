package vn.edu.lms.api.assessment.grading;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;

/** Grading by hand ({@code PUT /api/v1/attempts/{id}/items/{number}/grade}) and regrading after a key correction. */
@RestController
class GradingController {

    private final Grading grading;

    GradingController(Grading grading) {
        this.grading = grading;
    }

    record HandGradeRequest(@NotNull BigDecimal points, @Nullable @Size(max = 4_000) String comment) {
    }

    record RegradeRequest(@NotBlank @Size(max = 64) String questionId) {
    }

    @PutMapping("/api/v1/attempts/{attemptId}/items/{number}/grade")
    Mono<GradeRecord> gradeByHand(@PathVariable String attemptId, @PathVariable int number, @Valid @RequestBody HandGradeRequest request) {
        return Access.currentUser().flatMap(user -> grading.gradeByHand(user, attemptId, number, request.points(),
            request.comment() == null || request.comment().isBlank() ? null : request.comment().strip()));
    }

    @PostMapping("/api/v1/test-sessions/{id}/regrade")
    Mono<Grading.Regrade> regrade(@PathVariable String id, @Valid @RequestBody RegradeRequest request) {
        return Access.currentUser().flatMap(user -> grading.regrade(user, id, request.questionId()));
    }

    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            String[] proctors = TestSessions.proctorRoles();
            exchanges.pathMatchers(HttpMethod.PUT, "/api/v1/attempts/*/items/*/grade").hasAnyRole(proctors)
                .pathMatchers(HttpMethod.POST, "/api/v1/test-sessions/*/regrade").hasAnyRole(proctors);
        }
    }
}
