package vn.edu.lms.api.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A feature's rules for its own endpoints, next to the feature, collected by the one security
 * chain. Rules say which roles may call an endpoint at all; which records a caller may see is the
 * feature's {@link Access} check. Anything no rule names is denied.
 */
public interface EndpointRules {

    void configure(AuthorizeExchangeSpec exchanges);
}
