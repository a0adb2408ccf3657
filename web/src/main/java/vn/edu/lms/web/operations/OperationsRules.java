package vn.edu.lms.web.operations;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Role;

/**
 * Who may reach what the application serves besides its features: health for orchestrators and
 * load balancers, API documentation for developers, metrics for the district's monitoring account.
 */
@Component
class OperationsRules implements EndpointRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .pathMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole(Role.DISTRICT_ADMIN.name())
            .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                "/webjars/**").permitAll();
    }
}
