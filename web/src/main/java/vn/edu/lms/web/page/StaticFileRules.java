package vn.edu.lms.web.page;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.api.security.Pages;

/** Style sheets, scripts, fonts and browser libraries are public: the sign-in page needs them. */
@Component
class StaticFileRules implements EndpointRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, Pages.STATIC.toArray(String[]::new)).permitAll();
        exchanges.pathMatchers(HttpMethod.HEAD, Pages.STATIC.toArray(String[]::new)).permitAll();
    }
}
