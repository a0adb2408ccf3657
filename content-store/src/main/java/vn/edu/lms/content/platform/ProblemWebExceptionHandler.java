package vn.edu.lms.content.platform;

import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import java.util.Collections;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Failures that never reach a controller (unknown paths, errors in filters) get the same problem
 * details as the others, instead of Spring Boot's default error body.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private final ProblemDetailsHandler problems;
    private final List<HttpMessageWriter<?>> writers;

    public ProblemWebExceptionHandler(ProblemDetailsHandler problems, ServerCodecConfigurer codecs) {
        this.problems = problems;
        this.writers = codecs.getWriters();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        Exception ex = failure instanceof Exception e ? e : new IllegalStateException(failure);
        return problems.handleException(ex, exchange)
            .onErrorResume(unhandled -> problems.handleUnexpected(ex, exchange))
            .flatMap(entity -> write(entity, exchange));
    }

    private Mono<Void> write(ResponseEntity<Object> entity, ServerWebExchange exchange) {
        ServerResponse.BodyBuilder response = ServerResponse.status(entity.getStatusCode())
            .headers(headers -> headers.addAll(entity.getHeaders()))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Object body = entity.getBody();
        Mono<ServerResponse> built = body == null ? response.build() : response.bodyValue(body);
        return built.flatMap(r -> r.writeTo(exchange, new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return Collections.emptyList();
            }
        }));
    }
}
