package vn.edu.lms.api.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/** The audit trail, for school admins (their school) and district admins (everything). */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Lists who read or changed personal data, newest first.
     *
     * @param schoolId one school's records; required for a school admin, optional for a district admin
     * @param limit    at most this many events (1–1000)
     */
    @GetMapping("/api/v1/audit-events")
    Flux<AuditEvent> events(@RequestParam(required = false) @Nullable String schoolId,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return Access.require(user -> user.has(Role.DISTRICT_ADMIN) || (schoolId != null && user.administers(schoolId)))
            .flatMapMany(user -> trail.events(schoolId, limit));
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/audit-events")
                .hasAnyRole(Role.SCHOOL_ADMIN.name(), Role.DISTRICT_ADMIN.name());
        }
    }
}
