package vn.edu.lms.content.library.media;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws.schild.jave.process.ProcessLocator;
import ws.schild.jave.process.ProcessWrapper;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

/**
 * The ffmpeg this instance runs, chosen once at start-up: the operating system's when there is a
 * usable one (Debian's is maintained; untrusted uploads deserve security fixes), else the FFmpeg
 * 4.4.1 that jave2 bundles, copied out of its jar into the temporary directory by jave.
 *
 * @param locator     where jave finds the binary
 * @param system      true for the operating system's
 * @param versionLine ffmpeg's first {@code -version} line
 */
record FfmpegBinary(ProcessLocator locator, boolean system, String versionLine) {

    private static final Logger log = LoggerFactory.getLogger(FfmpegBinary.class);
    private static final Pattern VERSION = Pattern.compile("^ffmpeg version (\\S+)");
    private static final Pattern NUMBER = Pattern.compile("^n?(\\d+(?:\\.\\d+)+)");

    /** jave's custom-locator hook: a binary at a path we chose. */
    record SystemLocator(String path) implements ProcessLocator {
        @Override
        public String getExecutablePath() {
            return path;
        }
    }

    String path() {
        return locator.getExecutablePath();
    }

    /** "system ffmpeg 5.1.9 at /usr/bin/ffmpeg" or "bundled ffmpeg 4.4.1 (jave2)". */
    String description() {
        Matcher full = VERSION.matcher(versionLine);
        String version = full.find() ? full.group(1) : "(unknown version)";
        Matcher number = NUMBER.matcher(version);
        version = number.find() ? number.group(1) : version;
        return system ? "system ffmpeg " + version + " at " + path() : "bundled ffmpeg " + version + " (jave2)";
    }

    static FfmpegBinary choose(MediaProperties properties) {
        if (properties.preferSystemFfmpeg()) {
            if (properties.ffmpegPath() != null) {
                // Configured on purpose: a wrong path is a mistake to report, not to work around.
                String problem = unusable(properties.ffmpegPath());
                if (problem != null) {
                    throw new IllegalStateException("lms.media.ffmpeg-path " + properties.ffmpegPath() + ": " + problem);
                }
                return found(new SystemLocator(properties.ffmpegPath()), true);
            }
            for (String candidate : candidates()) {
                String problem = unusable(candidate);
                if (problem == null) {
                    return found(new SystemLocator(candidate), true);
                }
                if (Files.exists(Path.of(candidate))) {
                    log.warn("Not using {}: {}", candidate, problem);
                }
            }
        }
        return found(new DefaultFFMPEGLocator(), false);
    }

    private static FfmpegBinary found(ProcessLocator locator, boolean system) {
        String versionLine;
        try {
            versionLine = run(locator.getExecutablePath(), "-version").get(0);
        } catch (IOException | RuntimeException e) {
            if (system) {
                throw new IllegalStateException("ffmpeg at " + locator.getExecutablePath() + " does not run", e);
            }
            // The rest of the application works without video: start, and let each transcoding fail visibly.
            log.error("No usable ffmpeg: the bundled one at {} does not run ({}); transcoding will fail",
                locator.getExecutablePath(), e.toString());
            return new FfmpegBinary(locator, false, "not runnable");
        }
        FfmpegBinary binary = new FfmpegBinary(locator, system, versionLine);
        log.info("Media transcoding uses {}: {}", binary.description(), versionLine);
        return binary;
    }

    /** /usr/bin/ffmpeg first (the distribution's package), then the PATH. */
    private static List<String> candidates() {
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/ffmpeg"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isBlank()) {
                    candidates.add(Path.of(directory, "ffmpeg").toString());
                }
            }
        }
        return candidates.stream().distinct().toList();
    }

    /** Why a binary cannot make our ladder, or null when it can. */
    private static @Nullable String unusable(String path) {
        if (!Files.isRegularFile(Path.of(path)) || !Files.isExecutable(Path.of(path))) {
            return "no executable file there";
        }
        try {
            // Some distributions build ffmpeg without x264 (a licence choice): then the bundled one is better.
            List<String> encoders = run(path, "-hide_banner", "-encoders");
            boolean x264 = encoders.stream().anyMatch(line -> line.matches("\\s*V\\S*\\s+libx264\\s.*"));
            boolean aac = encoders.stream().anyMatch(line -> line.matches("\\s*A\\S*\\s+aac\\s.*"));
            return x264 && aac ? null : "it has no libx264 or no aac encoder";
        } catch (IOException | RuntimeException e) {
            return "it does not run (" + e.getMessage() + ")";
        }
    }

    /** Runs a short informational command; its answer comes on stdout. */
    private static List<String> run(String executable, String... arguments) throws IOException {
        ProcessWrapper process = new ProcessWrapper(executable);
        for (String argument : arguments) {
            process.addArgument(argument);
        }
        try (process) {
            process.execute(false, true);
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.getErrorStream().readAllBytes();
            if (process.getProcessExitCode() != 0 || out.isBlank()) {
                throw new IOException("exit code " + process.getProcessExitCode());
            }
            return out.lines().toList();
        }
    }
}
