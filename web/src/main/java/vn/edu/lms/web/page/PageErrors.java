package vn.edu.lms.web.page;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.Pages;
import vn.edu.lms.content.platform.Languages;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.content.platform.RequestIds;

/**
 * A page that fails shows an error page in the viewer's language (what went wrong, in words, and a
 * way back), with the failure's status. A request that does not ask for HTML gets the usual
 * problem detail instead: the error goes on to the application's problem handler.
 */
@ControllerAdvice(basePackages = "vn.edu.lms.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Exception.class)
    Mono<Rendering> failed(Exception failure, ServerWebExchange exchange) {
        if (!Pages.isPageRequest(exchange)) {
            return Mono.error(failure);
        }
        Locale locale = exchange.getLocaleContext().getLocale() == null ? Languages.DEFAULT : exchange.getLocaleContext().getLocale();
        HttpStatusCode status = failure instanceof ErrorResponse response ? response.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.value() == 401) {
            return Mono.just(Rendering.redirectTo(Pages.SIGN_IN).build());
        }
        String title;
        String detail;
        if (failure instanceof LmsProblem problem) {
            ProblemDetail body = problem.updateAndGetBody(messages, locale);
            title = body.getTitle();
            detail = body.getDetail();
        } else {
            title = messages.getMessage("error.title." + status.value(), null, messages.getMessage("error.title", null, locale), locale);
            detail = messages.getMessage("error.detail." + status.value(), null, "", locale);
        }
        if (status.is5xxServerError()) {
            log.error("Page failed [{}] {}", RequestIds.of(exchange), exchange.getRequest().getPath().value(), failure);
            title = messages.getMessage("error.title.500", null, locale);
            detail = messages.getMessage("error.detail.500", null, locale);
        }
        return Mono.just(Rendering.view("error").status(status).modelAttribute("status", status.value())
            .modelAttribute("title", title == null ? "" : title).modelAttribute("detail", detail == null ? "" : detail).build());
    }
}
