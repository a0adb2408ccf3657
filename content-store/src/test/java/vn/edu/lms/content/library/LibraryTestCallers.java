package vn.edu.lms.content.library;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Callers for the library's tests in this module, which has no accounts: a test registers a
 * {@link LibraryCaller} and gets a bearer token for it. The real resolver (lms-api) is tested with
 * real sign-in in the authorization matrix.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LibraryTestCallers implements LibraryCallers {

    private final Map<String, LibraryCaller> byToken = new ConcurrentHashMap<>();

    /** A token for a teacher of {@code schoolId} who teaches {@code classIds}. */
    public String teacher(String schoolId, String... classIds) {
        return register(new LibraryCaller("teacher-" + Ids.newId(), Set.of(schoolId), Set.of(classIds), Set.of(schoolId), Set.of(), false,
            Set.of()));
    }

    public String student(String schoolId, String... classIds) {
        return register(new LibraryCaller("student-" + Ids.newId(), Set.of(schoolId), Set.of(classIds), Set.of(), Set.of(), false, Set.of()));
    }

    public String reviewer(String schoolId, String subjectCode) {
        return register(new LibraryCaller("reviewer-" + Ids.newId(), Set.of(schoolId), Set.of(), Set.of(schoolId), Set.of(), false,
            Set.of(subjectCode)));
    }

    public String register(LibraryCaller caller) {
        String token = Ids.newId();
        byToken.put(token, caller);
        return token;
    }

    public LibraryCaller caller(String token) {
        return byToken.get(token);
    }

    @Override
    public Mono<LibraryCaller> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.<LibraryCaller>getOrEmpty(LibraryCaller.class)))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.UNAUTHORIZED, "unauthenticated")));
    }

    @Bean
    @Order(-100)
    WebFilter libraryTestCallerFilter() {
        return (exchange, chain) -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            LibraryCaller caller = header == null ? null : byToken.get(header.replace("Bearer ", ""));
            return caller == null ? chain.filter(exchange) : chain.filter(exchange).contextWrite(context -> context.put(LibraryCaller.class, caller));
        };
    }
}
