package vn.edu.lms.content.library.extraction;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's side of the protocol against stand-in children that misbehave on purpose, where a
 * real document could not make the child fail at exactly that moment.
 */
class ExtractionWorkerTests {

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private final ExtractionProperties properties = ExtractionProperties.defaults();

    @TempDir
    Path files;

    @AfterEach
    void stop() {
        watchdog.shutdownNow();
    }

    @Test
    void aChildThatDiesDrawingTheThumbnailStillDeliversTheText() throws IOException {
        ExtractionWorker worker = worker(DiesDrawingTheThumbnail.class);
        try {
            Extraction extraction = worker.extract(Files.writeString(files.resolve("a.txt"), "x"));

            assertThat(extraction.text()).isEqualTo(Fixtures.ADDITION);
            assertThat(extraction.thumbnailPng()).isNull();
            assertThat(worker.process()).as("the dead child is let go").isEmpty();
        } finally {
            worker.close();
        }
    }

    @Test
    void aChildThatAnswersOutOfStepIsReplacedAndTheFileFailsAsCrashed() throws IOException {
        ExtractionWorker worker = worker(AnswersOutOfStep.class);
        try {
            ExtractionFailure failure = catchThrowableOfType(ExtractionFailure.class,
                () -> worker.extract(Files.writeString(files.resolve("a.txt"), "x")));

            assertThat(failure.reason()).isEqualTo(ExtractionFailure.CRASHED);
            assertThat(worker.process()).isEmpty();
        } finally {
            worker.close();
        }
    }

    @Test
    void aChildThatCannotStartIsAFaultOfTheInstallationNotOfTheFile() throws IOException {
        var worker = new ExtractionWorker(ChildCommand.of(properties, System.getProperty("java.class.path"), "no.such.Child"),
            properties, watchdog);
        Path file = Files.writeString(files.resolve("a.txt"), "x");

        IllegalStateException failure = catchThrowableOfType(IllegalStateException.class, () -> worker.extract(file));

        assertThat(failure).hasMessageContaining("exit 1").hasMessageContaining("no.such.Child");
        worker.close();
    }

    private ExtractionWorker worker(Class<?> child) {
        return new ExtractionWorker(ChildCommand.of(properties, System.getProperty("java.class.path"), child.getName()),
            properties, watchdog);
    }

    /** Answers with a result, then exits as an OutOfMemoryError would make it (code 3). */
    static final class DiesDrawingTheThumbnail {
        public static void main(String[] args) throws IOException {
            var out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
            Wire.write(out, Wire.READY, new byte[0]);
            new DataInputStream(new FileInputStream(FileDescriptor.in)).readUTF();
            Wire.write(out, Wire.RESULT, Wire.encode(
                new Extraction("text/plain", Fixtures.ADDITION, false, null, null, null, null, null, null)));
            Runtime.getRuntime().halt(3);
        }
    }

    /** Says it is ready, then writes what a native library might print to file descriptor 1. */
    static final class AnswersOutOfStep {
        public static void main(String[] args) throws IOException {
            var out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
            Wire.write(out, Wire.READY, new byte[0]);
            new DataInputStream(new FileInputStream(FileDescriptor.in)).readUTF();
            out.write("libpng warning: iCCP: known incorrect sRGB profile\n".getBytes(UTF_8));
            out.flush();
            new DataInputStream(new FileInputStream(FileDescriptor.in)).readUTF(); // waits to be killed
        }
    }
}
