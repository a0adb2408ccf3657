package vn.edu.lms.content.library.extraction;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slot of the {@link Extractor}'s pool: a child JVM, started when first needed and replaced
 * when it hangs or dies. Used by one thread at a time; {@link #close} may come from another.
 */
final class ExtractionWorker {

    private static final Logger log = LoggerFactory.getLogger(ExtractionWorker.class);
    /** The child's standard error, at DEBUG: parsers' warnings, never document text (we log none). */
    private static final Logger childLog = LoggerFactory.getLogger(ExtractionChild.class);

    /** Loading Tika's parsers takes 1–3 s; this only catches a child that will never be ready. */
    private static final Duration START_LIMIT = Duration.ofMinutes(2);
    /** How long a child whose output ended gets to finish exiting, so that its exit code tells why. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);
    /** The exit code of -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private final ChildCommand command;
    private final Duration timeout;
    private final int maxResultBytes;
    private final ScheduledExecutorService watchdog;

    private volatile @Nullable Child child;
    private volatile boolean closed;

    ExtractionWorker(ChildCommand command, ExtractionProperties properties, ScheduledExecutorService watchdog) {
        this.command = command;
        this.timeout = properties.timeout();
        this.maxResultBytes = Wire.maxResultBytes(properties.maxTextChars());
        this.watchdog = watchdog;
    }

    /** A running child and the ends of its pipes. */
    private record Child(Process process, Path temp, DataOutputStream requests, DataInputStream answers) {
    }

    Extraction extract(Path file) {
        Child current = running();
        var expired = new AtomicBoolean();
        // The reading thread cannot be interrupted out of a pipe read: killing the child ends the read.
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            expired.set(true);
            current.process().destroyForcibly();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            Extraction extraction;
            try {
                current.requests().writeUTF(file.toAbsolutePath().toString());
                current.requests().flush();
                Wire.Frame answer = Wire.read(current.answers(), maxResultBytes);
                if (answer.kind() == Wire.FAILURE) {
                    String reason = new String(answer.payload(), UTF_8);
                    if (!ExtractionFailure.REASONS.contains(reason)) {
                        throw new IOException("extraction child sent an unknown reason");
                    }
                    throw new ExtractionFailure(reason);
                }
                if (answer.kind() != Wire.RESULT) {
                    throw new IOException("extraction child sent frame " + answer.kind() + " instead of a result");
                }
                extraction = Wire.decode(answer.payload());
            } catch (IOException lost) {
                String reason = discard(current, expired.get());
                if (closed) {
                    // Killed by the shutdown, not by the file: not an ExtractionFailure, so a job tries the file again.
                    throw new IllegalStateException("the extractor shut down during the extraction");
                }
                throw new ExtractionFailure(reason);
            }
            try {
                Wire.Frame thumbnail = Wire.read(current.answers(), Wire.MAX_THUMBNAIL_BYTES);
                if (thumbnail.kind() != Wire.THUMBNAIL) {
                    throw new IOException("extraction child sent frame " + thumbnail.kind() + " instead of a thumbnail");
                }
                return thumbnail.payload().length == 0 ? extraction : extraction.withThumbnail(thumbnail.payload());
            } catch (IOException lost) {
                // The text had arrived: a child that hangs or dies drawing the picture costs the picture only.
                String reason = discard(current, expired.get());
                log.info("Extraction child lost while drawing a thumbnail ({}); the text is kept", reason);
                return extraction;
            }
        } finally {
            deadline.cancel(false);
        }
    }

    /** The process of the current child, if one runs (for tests). */
    Optional<ProcessHandle> process() {
        Child current = child;
        return current == null ? Optional.empty() : Optional.of(current.process().toHandle());
    }

    void close() {
        closed = true;
        Child current = child;
        if (current != null) {
            current.process().destroyForcibly();
            awaitExit(current.process(), EXIT_WAIT);
            deleteRecursively(current.temp());
            child = null;
        }
    }

    private Child running() {
        if (closed) {
            throw new IllegalStateException("the extractor is shut down");
        }
        Child current = child;
        if (current != null && current.process().isAlive()) {
            return current;
        }
        if (current != null) {
            discard(current, false); // died between files (e.g. killed from outside)
        }
        current = start();
        child = current;
        if (closed) {
            close(); // shut down while this child was starting
            throw new IllegalStateException("the extractor is shut down");
        }
        return current;
    }

    /**
     * Starts a child and waits until it has loaded Tika. A child that cannot start is a fault of the
     * installation, not of any file: it is an IllegalStateException, which a job retries.
     */
    private Child start() {
        Path temp = null;
        Process process = null;
        ErrorPump errors = null;
        try {
            // The child's own temporary directory and working directory: whatever a killed child leaves
            // behind goes with it.
            temp = Files.createTempDirectory(ChildCommand.TEMP_PREFIX);
            process = new ProcessBuilder(command.forTemporaryDirectory(temp)).directory(temp.toFile()).start();
            errors = new ErrorPump(process);
            errors.start();
            var started = new Child(process, temp,
                new DataOutputStream(new BufferedOutputStream(process.getOutputStream())),
                new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16)));
            Process starting = process;
            ScheduledFuture<?> limit = watchdog.schedule(starting::destroyForcibly, START_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
            try {
                if (Wire.read(started.answers(), 0).kind() != Wire.READY) {
                    throw new IOException("extraction child did not say it was ready");
                }
            } finally {
                limit.cancel(false);
            }
            log.debug("Extraction child {} ready", process.pid());
            return started;
        } catch (IOException e) {
            Integer exit = null;
            if (process != null) {
                process.destroyForcibly();
                exit = awaitExit(process, EXIT_WAIT);
            }
            if (temp != null) {
                deleteRecursively(temp);
            }
            // Printed before any document was read, so it holds no document text.
            throw new IllegalStateException("the extraction child did not start (exit " + exit + "): "
                + (errors == null ? "" : errors.lastLines()), e);
        }
    }

    /** Ends a child that was lost in the middle of a file and says why it was lost. */
    private String discard(Child lost, boolean timedOut) {
        if (child == lost) {
            child = null;
        }
        Process process = lost.process();
        // A child that exited by itself (OutOfMemoryError) is given a moment, so its own exit code is read, not our kill's.
        Integer exit = timedOut ? null : awaitExit(process, EXIT_WAIT);
        if (exit == null) {
            process.destroyForcibly();
            exit = awaitExit(process, EXIT_WAIT);
        }
        deleteRecursively(lost.temp());
        String reason = timedOut ? ExtractionFailure.TIMEOUT
            : exit != null && exit == OUT_OF_MEMORY_EXIT ? ExtractionFailure.OUT_OF_MEMORY
            : ExtractionFailure.CRASHED;
        if (!closed) {
            log.warn("Extraction child {} lost ({}, exit {}); a new one starts for the next file", process.pid(), reason, exit);
        }
        return reason;
    }

    private static @Nullable Integer awaitExit(Process process, Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Copies a child's standard error to the log, line by line, each line capped (a child may print
     * anything), and keeps the last few lines for the message when a child fails to start.
     */
    private static final class ErrorPump extends Thread {

        private static final int MAX_LINE = 1_000;
        private static final int KEPT_LINES = 20;

        private final Process process;
        private final Deque<String> last = new ArrayDeque<>();

        ErrorPump(Process process) {
            super("extraction-child-" + process.pid() + "-stderr");
            this.process = process;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (Reader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), UTF_8))) {
                var line = new StringBuilder();
                int c;
                while ((c = in.read()) != -1) {
                    if (c == '\n') {
                        emit(line);
                    } else if (line.length() < MAX_LINE) {
                        line.append((char) c);
                    }
                }
                if (!line.isEmpty()) {
                    emit(line);
                }
            } catch (IOException ended) {
                // the child is gone
            }
        }

        private void emit(StringBuilder line) {
            childLog.debug("[{}] {}", process.pid(), line);
            synchronized (last) {
                if (last.size() == KEPT_LINES) {
                    last.removeFirst();
                }
                last.addLast(line.toString());
            }
            line.setLength(0);
        }

        /** What the child last printed, once it has ended. */
        String lastLines() {
            try {
                join(EXIT_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (last) {
                return String.join(" | ", last);
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            log.debug("Could not remove {}: {}", directory, e.toString());
        }
    }
}
