package vn.edu.lms.content.platform;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every request an id, returns it in {@code X-Request-Id}, puts it in the logging MDC of
 * everything done for the request, and writes one access-log line when the response is sent.
 * The line holds the method, the path, the status and the time taken: never the query string,
 * headers or bodies, where personal data lives.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    private static final Logger access = LoggerFactory.getLogger("vn.edu.lms.access");

    static {
        // Reactor copies the MDC entries kept in the context into the MDC of every thread that works for the request.
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIds.KEY));
        Hooks.enableAutomaticContextPropagation();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String id = RequestIds.choose(request.getHeaders().getFirst(RequestIds.HEADER));
        RequestIds.set(exchange, id);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
        long started = System.nanoTime();
        return chain.filter(exchange)
            .doFinally(signal -> {
                Integer status = exchange.getResponse().getStatusCode() == null
                    ? null : exchange.getResponse().getStatusCode().value();
                access.info("{} {} {} {}ms", request.getMethod(), request.getPath().value(), status,
                    (System.nanoTime() - started) / 1_000_000);
            })
            .contextWrite(Context.of(Slf4jThreadLocalAccessor.KEY, Map.of(RequestIds.KEY, id)));
    }
}
