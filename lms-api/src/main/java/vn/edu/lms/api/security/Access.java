package vn.edu.lms.api.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The record-level half of authorization: features ask for the current user and demand that a
 * rule holds, and a broken rule is the same 403 problem everywhere.
 */
public final class Access {

    private Access() {
    }

    /** The signed-in user; a 401 problem when there is none. */
    public static Mono<CurrentUser> currentUser() {
        return ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .filter(Authentication::isAuthenticated)
            .map(Authentication::getPrincipal)
            .ofType(CurrentUser.class)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.UNAUTHORIZED, "unauthenticated")));
    }

    /** The current user, if the rule holds for them; a 403 problem otherwise. */
    public static Mono<CurrentUser> require(java.util.function.Predicate<CurrentUser> rule) {
        return currentUser().flatMap(user -> rule.test(user) ? Mono.just(user) : Mono.error(forbidden()));
    }

    public static LmsProblem forbidden() {
        return new LmsProblem(HttpStatus.FORBIDDEN, "forbidden");
    }
}
