package vn.edu.lms.api.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.content.platform.ProblemWebExceptionHandler;

/**
 * The one place where requests are authenticated and authorized. A request carries either a
 * session cookie (browsers) or a bearer token (API clients), both opaque and looked up by their
 * hash; the features' {@link EndpointRules} say who may call what, and anything unnamed is denied.
 * Cookie-authenticated changes need the CSRF token; bearer requests do not (no ambient credential).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityChain(ServerHttpSecurity http, List<EndpointRules> rules,
            ReactiveAuthenticationManager authentication, ServerAuthenticationConverter credentials,
            ProblemWebExceptionHandler problems) {
        AuthenticationWebFilter authenticate = new AuthenticationWebFilter(authentication);
        authenticate.setServerAuthenticationConverter(credentials);
        authenticate.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        // A session that has ended (signed out elsewhere, password changed) leaves its cookie behind:
        // the browser goes on as a visitor, with the cookie cleared, so that public pages and
        // their style sheets still load and pages send it to the sign-in page. A bad bearer token is a 401.
        authenticate.setAuthenticationFailureHandler((filterExchange, failure) -> {
            var exchange = filterExchange.getExchange();
            if (exchange.getRequest().getHeaders().getFirst("Authorization") == null) {
                exchange.getResponse().addCookie(ResponseCookie.from(Credentials.SESSION_COOKIE, "").httpOnly(true).sameSite("Lax")
                    .path("/").maxAge(0).build());
                String otherCookies = exchange.getRequest().getCookies().values().stream().flatMap(List::stream)
                    .filter(cookie -> !Credentials.SESSION_COOKIE.equals(cookie.getName()))
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(java.util.stream.Collectors.joining("; "));
                return filterExchange.getChain().filter(exchange.mutate()
                    .request(request -> request.headers(headers -> headers.set(org.springframework.http.HttpHeaders.COOKIE, otherCookies)))
                    .build());
            }
            return problems.handle(exchange, new LmsProblem(HttpStatus.UNAUTHORIZED, "unauthenticated"));
        });
        authenticate.setAuthenticationSuccessHandler((filterExchange, success) -> filterExchange.getChain().filter(filterExchange.getExchange()));

        ServerCsrfTokenRequestAttributeHandler csrfHandler = new ServerCsrfTokenRequestAttributeHandler();
        return http
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(cache -> cache.requestCache(org.springframework.security.web.server.savedrequest.NoOpServerRequestCache.getInstance()))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .addFilterAt(authenticate, SecurityWebFiltersOrder.AUTHENTICATION)
            .addFilterAfter(new PasswordChangeRequiredFilter(problems), SecurityWebFiltersOrder.AUTHENTICATION)
            .csrf(csrf -> csrf
                .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(csrfHandler)
                .requireCsrfProtectionMatcher(SecurityConfiguration::cookieAuthenticatedChange)
                .accessDeniedHandler((exchange, denied) -> problems.handle(exchange, new LmsProblem(HttpStatus.FORBIDDEN, "csrf"))))
            .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
            .authorizeExchange(exchanges -> {
                rules.forEach(rule -> rule.configure(exchanges));
                exchanges.anyExchange().denyAll();
            })
            .exceptionHandling(handling -> handling
                .authenticationEntryPoint((exchange, failure) -> Pages.isPageRequest(exchange)
                    ? Pages.redirect(exchange, Pages.SIGN_IN)
                    : problems.handle(exchange, new LmsProblem(HttpStatus.UNAUTHORIZED, "unauthenticated")))
                .accessDeniedHandler((exchange, denied) -> problems.handle(exchange, Access.forbidden())))
            .build();
    }

    /** A change (not GET/HEAD/OPTIONS) sent with the session cookie and no bearer token. */
    private static Mono<MatchResult> cookieAuthenticatedChange(org.springframework.web.server.ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
        boolean cookie = exchange.getRequest().getCookies().containsKey(Credentials.SESSION_COOKIE);
        boolean bearer = exchange.getRequest().getHeaders().getFirst("Authorization") != null;
        return !safe && cookie && !bearer ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /** Makes the CSRF token exist on every response, so pages can read it from the XSRF-TOKEN cookie. */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }
}
