package vn.edu.lms.content.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;

/**
 * Turns every failure into an RFC 9457 problem detail: a stable {@code type}, a title and detail in
 * the caller's language (Vietnamese unless English is asked for), the request id, and for invalid
 * input the list of what was wrong. Nothing internal (class names, stack traces, parser messages)
 * ever reaches the response.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    /** The last resort: an unexpected failure is logged with its request id and answered as 500. */
    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        log.error("Unexpected failure [{}] {} {}", RequestIds.of(exchange), exchange.getRequest().getMethod(),
            exchange.getRequest().getPath().value(), ex);
        return handleExceptionInternal(ex, null, null, HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
            @Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Locale locale = locale(exchange);
        ProblemDetail problem = ex instanceof LmsProblem lms
            ? lms.updateAndGetBody(getMessageSource(), locale)
            : frameworkProblem(ex, status, locale);
        problem.setProperty("requestId", RequestIds.of(exchange));
        List<Map<String, String>> errors = invalidFields(ex, locale);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            responseHeaders.putAll(headers);
        }
        return Mono.just(ResponseEntity.status(status).headers(responseHeaders).body(problem));
    }

    /** Spring's own exceptions get our type, title and detail: their texts may name internals. */
    private ProblemDetail frameworkProblem(Exception ex, HttpStatusCode status, Locale locale) {
        String slug = ProblemTypes.forStatus(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ProblemTypes.uri(slug));
        problem.setTitle(message("problem." + slug + ".title", locale));
        String parameter = ex instanceof ServerWebInputException input && input.getMethodParameter() != null
            ? input.getMethodParameter().getParameterName() : null;
        problem.setDetail(parameter != null && !(ex instanceof WebExchangeBindException)
            ? message("problem.invalid-request.parameter", locale, parameter)
            : message("problem." + slug + ".detail", locale));
        return problem;
    }

    private List<Map<String, String>> invalidFields(Exception ex, Locale locale) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (ex instanceof WebExchangeBindException binding) {
            for (FieldError error : binding.getFieldErrors()) {
                errors.add(Map.of("field", error.getField(), "message", resolve(error, locale)));
            }
        } else if (ex instanceof HandlerMethodValidationException validation) {
            validation.getParameterValidationResults().forEach(result -> {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> errors.add(
                    Map.of("field", name == null ? "" : name, "message", resolve(error, locale))));
            });
        }
        return errors;
    }

    private String resolve(MessageSourceResolvable error, Locale locale) {
        MessageSource messages = getMessageSource();
        if (messages == null) {
            return String.valueOf(error.getDefaultMessage());
        }
        try {
            return messages.getMessage(error, locale);
        } catch (NoSuchMessageException e) {
            return String.valueOf(error.getDefaultMessage());
        }
    }

    private String message(String code, Locale locale, Object... arguments) {
        MessageSource messages = getMessageSource();
        return messages == null ? code : messages.getMessage(code, arguments, code, locale);
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Languages.DEFAULT : locale;
    }
}
