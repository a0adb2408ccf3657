package vn.edu.lms.content.embedded;

import java.io.PrintStream;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Repeats why the application could not start as one plain line on standard error, beside Spring
 * Boot's report: with JSON console logs that report is an escaped string an operator would have to
 * dig out.
 */
class OneLineFailureReporter implements FailureAnalysisReporter {

    private final PrintStream err;

    OneLineFailureReporter() {
        this(System.err);
    }

    OneLineFailureReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void report(FailureAnalysis analysis) {
        err.println("LMS cannot start: " + analysis.getDescription().strip().replaceAll("\\s*\\R\\s*", " "));
        err.flush();
    }
}
