package vn.edu.lms.web.assets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The Content-Security-Policy of every response: scripts, styles, fonts and media from this origin
 * only, no inline script or style, no plug-ins, no framing, forms posting only here. A page's
 * scripts are files; KaTeX builds its formulas through the DOM, which the policy allows. A response
 * that sets its own, stricter policy (the import preview, a served file) keeps it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class SecurityHeaders implements WebFilter {

    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        + "media-src 'self' blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
        + "frame-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (!headers.containsHeader("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", POLICY);
            }
            headers.set("Referrer-Policy", "same-origin");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
