package vn.edu.lms.content.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/** The id that ties a request's response, its log lines and a user's report together. */
public final class RequestIds {

    /** The header a client or proxy may send, and the response always carries. */
    public static final String HEADER = "X-Request-Id";
    /** The key in the logging MDC (and in JSON log lines). */
    public static final String KEY = "requestId";

    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    /** Keeps a well-formed id from the caller (e.g. a proxy's), otherwise draws a new one. */
    static String choose(@Nullable String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : draw();
    }

    /** 128 random bits: unique enough to find a request, and drawn without touching /dev/urandom on an event loop. */
    private static String draw() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    static void set(ServerWebExchange exchange, String id) {
        exchange.getAttributes().put(ATTRIBUTE, id);
    }

    /** The id of this exchange, or "-" before the filter ran. */
    public static String of(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}
