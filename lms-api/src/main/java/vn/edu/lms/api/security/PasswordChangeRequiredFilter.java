package vn.edu.lms.api.security;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.content.platform.ProblemWebExceptionHandler;

/**
 * After an admin reset the account may only change its password, sign out, or see who it is; a
 * browser asking for any other page is sent to the password change page.
 */
final class PasswordChangeRequiredFilter implements WebFilter {

    private static final Set<String> ALLOWED = Set.of("/api/v1/auth/password", "/api/v1/auth/session", "/api/v1/auth/me");

    private final ProblemWebExceptionHandler problems;

    PasswordChangeRequiredFilter(ProblemWebExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
            .map(context -> context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof CurrentUser user
                && user.mustChangePassword()
                && !ALLOWED.contains(exchange.getRequest().getPath().value())
                && !Pages.allowedBeforePasswordChange(exchange.getRequest().getPath().value()))
            .defaultIfEmpty(false)
            .flatMap(blocked -> !blocked ? chain.filter(exchange)
                : Pages.isPageRequest(exchange) ? Pages.redirect(exchange, Pages.PASSWORD_CHANGE)
                : problems.handle(exchange, new LmsProblem(HttpStatus.FORBIDDEN, "password-change-required")));
    }
}
