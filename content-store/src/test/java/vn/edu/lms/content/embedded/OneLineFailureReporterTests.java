package vn.edu.lms.content.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class OneLineFailureReporterTests {

    @Test
    void aFailedStartIsReportedOnOnePlainLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OneLineFailureReporter(new PrintStream(out, true, StandardCharsets.UTF_8)).report(new FailureAnalysis(
            "Embedded MongoDB cannot start: port 27117 on 127.0.0.1 is already in use.\n\n  Stop what uses it.", "action", null));
        assertThat(out.toString(StandardCharsets.UTF_8))
            .isEqualTo("LMS cannot start: Embedded MongoDB cannot start: port 27117 on 127.0.0.1 is already in use. Stop what uses it."
                + System.lineSeparator());
    }
}
