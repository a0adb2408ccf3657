package vn.edu.lms.web.page;

import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.account.AccountDirectory;

/**
 * Puts into every page's model the signed-in viewer (absent for a visitor) and the CSRF token,
 * which Thymeleaf then adds as a hidden field to every form it renders with {@code th:action}.
 */
@ControllerAdvice(basePackages = "vn.edu.lms.web")
class PageAdvice {

    private final AccountDirectory accounts;

    PageAdvice(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("viewer")
    Mono<Viewer> viewer() {
        return Viewer.signedIn().flatMap(user -> accounts.person(user.accountId()).map(person -> Viewer.of(user, person.fullName())));
    }

    /** The page's own path, for the navigation's current-page mark and the language switch's way back. */
    @ModelAttribute("path")
    String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value();
    }

    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty()
            : token.doOnSuccess(found -> exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, found));
    }
}
