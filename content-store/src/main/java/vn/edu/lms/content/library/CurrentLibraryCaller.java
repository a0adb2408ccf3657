package vn.edu.lms.content.library;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The caller of the current request through the application's {@link LibraryCallers}; without
 * one (the content store running alone) nobody is signed in and every library call is a 401.
 */
@Component
public class CurrentLibraryCaller {

    private final ObjectProvider<LibraryCallers> callers;

    CurrentLibraryCaller(ObjectProvider<LibraryCallers> callers) {
        this.callers = callers;
    }

    public Mono<LibraryCaller> current() {
        LibraryCallers resolver = callers.getIfAvailable();
        return resolver == null ? Mono.error(new LmsProblem(HttpStatus.UNAUTHORIZED, "unauthenticated")) : resolver.current();
    }
}
