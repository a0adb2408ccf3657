package vn.edu.lms.content.library.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws.schild.jave.process.ProcessWrapper;

/**
 * One ffmpeg process, started through jave's {@link ProcessWrapper} (which also kills it if the JVM
 * exits first), read to the end on the calling thread. Its stderr carries both the log (errors
 * only) and {@code -progress pipe:2} blocks, so one blocking reader is all a run needs.
 */
final class FfmpegProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FfmpegProcess.class);

    /** jave keeps the Process private and its destroy() sends SIGTERM once; a stuck or timed-out ffmpeg needs SIGKILL. */
    private static final @Nullable Field PROCESS = processField();

    /** What a run printed (progress lines left out) and how it ended. */
    record Result(int exitCode, List<String> lines) {
    }

    /** util-linux's setpriv, on every Debian: sets the parent-death signal before it runs ffmpeg. */
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private final ProcessWrapper wrapper;
    private volatile @Nullable Process process;
    private volatile boolean started;
    private volatile boolean killed;

    FfmpegProcess(String executable, List<String> arguments) {
        if (Files.isExecutable(SETPRIV)) {
            // Killed with the thread that started (and waits for) it, so with the JVM: after a kill -9
            // no orphan ffmpeg (it ignores SIGPIPE) goes on encoding beside the job's retry.
            wrapper = new ProcessWrapper(SETPRIV.toString());
            List.of("--pdeathsig", "KILL", "--", executable).forEach(wrapper::addArgument);
        } else {
            wrapper = new ProcessWrapper(executable);
        }
        arguments.forEach(wrapper::addArgument);
    }

    void start() throws IOException {
        wrapper.execute(true, true);
        process = readProcess();
        started = true;
        wrapper.getOutputStream().close(); // ffmpeg reads no input from us (-nostdin)
        if (killed) {
            kill(); // killed while starting: the Process was not known yet
        }
    }

    /**
     * Reads stderr until ffmpeg exits.
     *
     * @param keep     how many of the last log lines to keep (the probe wants them all, a transcoding its last words)
     * @param progress told every {@code out_time_us} (microseconds of output written so far)
     */
    Result await(int keep, LongConsumer progress) throws IOException {
        ArrayDeque<String> lines = new ArrayDeque<>();
        try (BufferedReader stderr = new BufferedReader(new InputStreamReader(wrapper.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = stderr.readLine()) != null;) {
                // out_time_ms is microseconds too (an old misnomer); out_time_us says what it is.
                if (line.startsWith("out_time_us=")) {
                    progress.accept(micros(line.substring("out_time_us=".length())));
                } else if (!line.isBlank() && !isProgress(line)) {
                    if (lines.size() == keep) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            }
        }
        return new Result(exitCode(), List.copyOf(lines));
    }

    /** Called after stderr ended, so ffmpeg has exited or is about to. */
    private int exitCode() {
        Process running = process;
        if (running == null) {
            return wrapper.getProcessExitCode();
        }
        try {
            // Not jave's getProcessExitCode(): a cancelled run's thread is interrupted, which it logs as a warning.
            return running.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
            return -1;
        }
    }

    /** SIGKILL: output is thrown away anyway, so there is nothing to let ffmpeg finish. */
    void kill() {
        killed = true;
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        } else if (started) {
            wrapper.destroy(); // jave hid the process from us: SIGTERM is what is left
        }
    }

    @Override
    public void close() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
        }
        try {
            wrapper.close(); // closes the pipes, removes jave's shutdown hook
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting: the hook cannot be removed, and it will kill nothing that is still running.
        }
    }

    private static long micros(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notYet) {
            return 0; // "N/A" before the first frame
        }
    }

    /** The keys of a {@code -progress} block, as opposed to log lines. */
    private static boolean isProgress(String line) {
        int equals = line.indexOf('=');
        return equals > 0 && line.substring(0, equals).matches("[a-z_0-9]+") && !line.startsWith("[");
    }

    private @Nullable Process readProcess() {
        try {
            return PROCESS == null ? null : (Process) PROCESS.get(wrapper);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable Field processField() {
        try {
            Field field = ProcessWrapper.class.getDeclaredField("ffmpeg");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("This jave version hides ffmpeg's process differently; a timed-out or cancelled ffmpeg gets SIGTERM only");
            return null;
        }
    }
}
