package vn.edu.lms.content.library.extraction;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The main class of an extraction child JVM, started by {@link Extractor}; not for people to run.
 * It loads Tika once, says READY, then extracts one file per path it reads from standard input and
 * answers on standard output (see {@link Wire}), until its input closes. It exits with the server:
 * a hung parse must not outlive a server killed with {@code kill -9}.
 */
public final class ExtractionChild {

    private ExtractionChild() {
    }

    public static void main(String[] args) throws IOException {
        // Standard output carries the protocol: whatever a library prints there goes to standard
        // error instead, which the server logs at DEBUG.
        var answers = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8));
        exitWithServer();

        ChildSettings settings = ChildSettings.parse(args);
        var parser = new DocumentParser(settings);
        var thumbnails = new Thumbnails(settings.thumbnailWidth());
        Wire.write(answers, Wire.READY, new byte[0]);

        var requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        while (true) {
            Path file;
            try {
                file = Path.of(requests.readUTF());
            } catch (EOFException serverClosedThePipe) {
                break;
            }
            Extraction extraction;
            try {
                extraction = parser.parse(file);
            } catch (ExtractionFailure failure) {
                Wire.write(answers, Wire.FAILURE, failure.reason().getBytes(UTF_8));
                continue;
            }
            Wire.write(answers, Wire.RESULT, Wire.encode(extraction));
            byte[] png = thumbnails.render(file, extraction.mediaType());
            Wire.write(answers, Wire.THUMBNAIL, png == null ? new byte[0] : png);
        }
        // Some libraries leave non-daemon threads behind.
        System.exit(0);
    }

    /**
     * The server normally kills its children and removes their temporary directories; this covers the
     * server itself being killed. The directory may hold spooled parts of a document, so it goes too.
     */
    private static void exitWithServer() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        boolean ownTemp = temp.getFileName() != null && temp.getFileName().toString().startsWith(ChildCommand.TEMP_PREFIX);
        ProcessHandle.current().parent().ifPresent(server -> server.onExit().thenRun(() -> {
            if (ownTemp) {
                deleteRecursively(temp);
            }
            Runtime.getRuntime().halt(2);
        }));
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort: the process is about to end
        }
    }
}
