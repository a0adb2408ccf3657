package vn.edu.lms.content.library;

import reactor.core.publisher.Mono;

/**
 * Resolves the caller of the current request (a 401 problem when nobody is signed in). The
 * application provides it from its accounts and classes; the library only consumes it.
 */
public interface LibraryCallers {

    Mono<LibraryCaller> current();
}
