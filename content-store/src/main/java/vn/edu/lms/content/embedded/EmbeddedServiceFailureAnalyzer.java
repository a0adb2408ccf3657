package vn.edu.lms.content.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an embedded service that could not start as its one-line message, not a stack trace. */
class EmbeddedServiceFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedServiceException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedServiceException cause) {
        return new FailureAnalysis(cause.getMessage(),
            "Fix the cause above, or point the application at external services "
                + "(lms.database.uri, lms.storage.endpoint, lms.search.url).", cause);
    }
}
