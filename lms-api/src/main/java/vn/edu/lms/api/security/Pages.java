package vn.edu.lms.api.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

import reactor.core.publisher.Mono;

/**
 * What the security chain needs to know of the web pages: a browser asking for a page is sent to
 * the sign-in page (or the password change) instead of being answered with a problem detail.
 */
public final class Pages {

    public static final String SIGN_IN = "/sign-in";
    public static final String PASSWORD_CHANGE = "/account/password";
    /** Static files (style sheets, scripts, fonts, images): public, and needed by every page. */
    public static final List<String> STATIC = List.of("/css/**", "/js/**", "/img/**", "/vendor/**", "/webjars/**", "/favicon.ico");

    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/", "/webjars/", "/swagger-ui");

    private Pages() {
    }

    /** A browser navigating to a page: GET or HEAD, outside the API, accepting HTML. */
    public static boolean isPageRequest(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        String path = exchange.getRequest().getPath().value();
        if (NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        return exchange.getRequest().getHeaders().getAccept().stream()
            .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    /** Whether the path is one of the {@link #STATIC} files. */
    public static boolean isStatic(String path) {
        return STATIC.stream().anyMatch(pattern -> pattern.endsWith("/**")
            ? path.startsWith(pattern.substring(0, pattern.length() - 2)) : path.equals(pattern));
    }

    /** Whether a signed-in person who must change their password may still reach this path. */
    static boolean allowedBeforePasswordChange(String path) {
        return path.equals(SIGN_IN) || path.equals(PASSWORD_CHANGE) || path.equals("/language") || isStatic(path);
    }

    /** A 303 to {@code target}; for the sign-in page, with the page asked for as {@code next}. */
    static Mono<Void> redirect(ServerWebExchange exchange, String target) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SEE_OTHER);
        String location = target;
        if (SIGN_IN.equals(target)) {
            String asked = exchange.getRequest().getURI().getRawPath();
            String query = exchange.getRequest().getURI().getRawQuery();
            String next = query == null ? asked : asked + "?" + query;
            location = "/".equals(next) ? SIGN_IN : SIGN_IN + "?next=" + UriUtils.encode(next, StandardCharsets.UTF_8);
        }
        response.getHeaders().setLocation(URI.create(location));
        return response.setComplete();
    }
}
