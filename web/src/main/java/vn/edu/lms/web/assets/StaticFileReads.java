package vn.edu.lms.web.assets;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.security.Pages;
import vn.edu.lms.content.platform.BlockingSchedulers;

/**
 * Static files are read from the application's jar (and the WebJars in it) with a blocking
 * InputStream, as Spring serves any resource that is not a plain file: once to resolve it (the
 * content hash of its name, the links inside a style sheet), again for the response body. Both move
 * to the bounded file scheduler; the event loop only writes what was read. Resolutions are cached,
 * so a file is hashed once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class StaticFileReads implements WebFilter {

    private final Scheduler files;

    StaticFileReads(BlockingSchedulers schedulers) {
        this.files = schedulers.files();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!Pages.isStatic(path)) {
            return chain.filter(exchange);
        }
        ServerHttpResponseDecorator readOffLoop = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return super.writeWith(Flux.from(body).subscribeOn(files));
            }
        };
        return chain.filter(exchange.mutate().response(readOffLoop).build()).subscribeOn(files);
    }
}
