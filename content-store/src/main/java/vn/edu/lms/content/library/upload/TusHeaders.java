package vn.edu.lms.content.library.upload;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * tus requires {@code Tus-Resumable} on every response but OPTIONS, errors included; clients read
 * the offset and location headers across origins, so they are exposed to CORS too. Clients that
 * cannot send PATCH or DELETE (Java's HttpURLConnection, some proxies) send POST with
 * {@code X-HTTP-Method-Override}, which tus says the server must honour: that is done here, before
 * security sees the request, so the rules of the real method apply.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TusHeaders implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange received, WebFilterChain chain) {
        ServerWebExchange exchange = received;
        if (exchange.getRequest().getPath().value().startsWith(TusController.PATH)) {
            String override = exchange.getRequest().getHeaders().getFirst("X-HTTP-Method-Override");
            if (override != null && exchange.getRequest().getMethod() == HttpMethod.POST
                && ("PATCH".equalsIgnoreCase(override) || "DELETE".equalsIgnoreCase(override) || "HEAD".equalsIgnoreCase(override))) {
                HttpMethod method = HttpMethod.valueOf(override.toUpperCase(java.util.Locale.ROOT));
                exchange = exchange.mutate().request(request -> request.method(method)).build();
            }
            var response = exchange.getResponse();
            response.beforeCommit(() -> {
                var headers = response.getHeaders();
                headers.set("Tus-Resumable", TusController.TUS_VERSION);
                headers.set("Access-Control-Expose-Headers",
                    "Location, Upload-Offset, Upload-Length, Upload-Expires, Tus-Resumable, Tus-Version, Tus-Extension, Tus-Max-Size");
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
