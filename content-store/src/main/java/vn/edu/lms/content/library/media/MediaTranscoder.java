package vn.edu.lms.content.library.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.edu.lms.content.library.media.HlsPlan.Variant;
import vn.edu.lms.content.library.media.HlsResult.Rendition;

/**
 * Turns an uploaded video or audio file into HLS renditions for slow links, with FFmpeg through
 * jave2. jave supplies the binary and the process handling; the arguments are ours, since jave's
 * Encoder writes one output and a ladder needs several from one decode.
 *
 * <p>ffmpeg runs on the bounded {@code media} scheduler ({@code lms.media.concurrency} threads, one
 * ffmpeg each), so further calls wait their turn rather than share two cores. Cancelling the Mono,
 * the timeout, or shutting down kills the ffmpeg of that run.
 */
@Component
public class MediaTranscoder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MediaTranscoder.class);
    private static final int QUEUED_TASKS = 1_000;
    /** Log lines kept from a transcoding, for the error summary. */
    private static final int LAST_LINES = 20;
    private static final int PROBE_LINES = 10_000;
    private static final Pattern DEMUXER_PREFIX = Pattern.compile("^\\[[^\\]]+ @ 0x[0-9a-f]+\\] ");
    private static final Pattern ANY_PATH = Pattern.compile("(?<![\\w.])/[^\\s'\":,]+");

    private enum Stop { CANCELLED, TIMEOUT, SHUTDOWN }

    private final MediaProperties properties;
    private final FfmpegBinary binary;
    private final Scheduler scheduler;
    private final Set<Transcoding> running = ConcurrentHashMap.newKeySet();

    public MediaTranscoder(MediaProperties properties) {
        this.properties = properties;
        this.binary = FfmpegBinary.choose(properties);
        this.scheduler = Schedulers.newBoundedElastic(properties.concurrency(), QUEUED_TASKS, "media", 60, true);
    }

    /** Probes then transcodes {@code source} into HLS files under {@code outputDirectory}; errors with MediaFailure. */
    public Mono<HlsResult> toHls(Path source, Path outputDirectory, IntConsumer percentDone) {
        return Mono.defer(() -> {
            Transcoding transcoding = new Transcoding(source, outputDirectory, percentDone);
            return Mono.fromCallable(transcoding::run)
                .subscribeOn(scheduler)
                .doOnCancel(() -> transcoding.stop(Stop.CANCELLED));
        });
    }

    /** Which ffmpeg runs, e.g. "system ffmpeg 5.1.9 at /usr/bin/ffmpeg" or "bundled ffmpeg 4.4.1 (jave2)". */
    public String ffmpegDescription() {
        return binary.description();
    }

    /** The binary's path, for tests and the benchmark that make inputs with the same ffmpeg. */
    String ffmpegPath() {
        return binary.path();
    }

    /**
     * The exact command {@link #toHls} runs for this source (probing it first, blocking), with the
     * directories ffmpeg writes into created: for the benchmark and for reading in a review.
     */
    List<String> hlsCommand(Path source, Path outputDirectory) throws IOException {
        Transcoding transcoding = new Transcoding(source, outputDirectory, percent -> { });
        HlsPlan plan = HlsPlan.of(transcoding.probe(), source, outputDirectory, properties);
        prepare(plan, outputDirectory);
        List<String> command = new ArrayList<>(List.of(binary.path()));
        command.addAll(plan.arguments());
        return command;
    }

    @Override
    public void destroy() {
        running.forEach(transcoding -> transcoding.stop(Stop.SHUTDOWN));
        scheduler.dispose();
    }

    /** One call of {@link #toHls}: the blocking work, and the ffmpeg of the moment so that it can be killed. */
    private final class Transcoding {

        private final Path source;
        private final Path outputDirectory;
        private final IntConsumer percentDone;
        private final AtomicReference<@Nullable Stop> stopped = new AtomicReference<>();
        private volatile @Nullable FfmpegProcess current;
        private int lastPercent = -1;

        Transcoding(Path source, Path outputDirectory, IntConsumer percentDone) {
            this.source = source;
            this.outputDirectory = outputDirectory;
            this.percentDone = percentDone;
        }

        /** On the media scheduler. Null when cancelled: nobody is listening any more. */
        @Nullable HlsResult run() {
            long started = System.nanoTime();
            running.add(this);
            // The clock starts when this run gets its thread, not while it waits in the queue.
            Disposable watchdog = Schedulers.parallel().schedule(() -> stop(Stop.TIMEOUT),
                properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                MediaProbe probe = probe();
                HlsPlan plan = HlsPlan.of(probe, source, outputDirectory, properties);
                prepare(plan, outputDirectory);
                report(0);
                FfmpegProcess.Result result = ffmpeg(plan.arguments(), LAST_LINES, micros -> progress(micros, probe));
                if (result.exitCode() != 0) {
                    throw crashed(result.exitCode()) ? crash(result.exitCode()) : failure(result.lines());
                }
                HlsResult hls = finish(probe, plan, result.lines());
                report(100);
                log.info("HLS written: {} renditions of {} s in {} ms ({})", hls.renditions().size(),
                    Math.round(hls.durationSeconds()), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), binary.description());
                return hls;
            } catch (MediaFailure e) {
                if (stopped.get() == Stop.CANCELLED) {
                    return null;
                }
                throw e;
            } catch (IOException e) {
                // Our side of the files (directories, playlists), not ffmpeg's: still a failure the job can retry.
                throw new MediaFailure(MediaFailure.FFMPEG_FAILED, "The renditions could not be written.");
            } finally {
                watchdog.dispose();
                running.remove(this);
            }
        }

        MediaProbe probe() throws IOException {
            // "ffmpeg -i file" with no output describes the input on stderr and exits 1.
            List<String> arguments = List.of("-nostdin", "-hide_banner", "-protocol_whitelist", "file",
                "-i", source.toAbsolutePath().toString());
            FfmpegProcess.Result result = ffmpeg(arguments, PROBE_LINES, micros -> { });
            if (crashed(result.exitCode())) {
                throw crash(result.exitCode());
            }
            return MediaProbe.parse(result.lines());
        }

        void stop(Stop why) {
            stopped.compareAndSet(null, why);
            FfmpegProcess process = current;
            if (process != null) {
                process.kill();
            }
        }

        private FfmpegProcess.Result ffmpeg(List<String> arguments, int keep, LongConsumer progress) throws IOException {
            try (FfmpegProcess process = new FfmpegProcess(binary.path(), arguments)) {
                current = process; // before the check, so that stop() either sees it or is seen
                throwIfStopped();
                process.start();
                if (stopped.get() != null) {
                    process.kill();
                }
                FfmpegProcess.Result result = process.await(keep, progress);
                throwIfStopped();
                return result;
            } catch (IOException e) {
                throwIfStopped();
                throw new MediaFailure(MediaFailure.FFMPEG_FAILED, "ffmpeg could not be run.");
            } finally {
                current = null;
            }
        }

        private void throwIfStopped() {
            Stop why = stopped.get();
            if (why == Stop.TIMEOUT) {
                throw new MediaFailure(MediaFailure.TIMEOUT, "Transcoding took longer than " + properties.timeout() + ".");
            } else if (why != null) {
                throw new MediaFailure(MediaFailure.FFMPEG_FAILED,
                    why == Stop.SHUTDOWN ? "Transcoding was stopped: the application is shutting down." : "Transcoding was cancelled.");
            }
        }

        private void progress(long micros, MediaProbe probe) {
            if (probe.durationSeconds() > 0) {
                // 100 only once the master playlist is written.
                report((int) Math.min(99, micros / (probe.durationSeconds() * 10_000)));
            }
        }

        private void report(int percent) {
            if (percent > lastPercent) {
                lastPercent = percent;
                percentDone.accept(percent);
            }
        }

        /** A non-zero exit: bad input, or ffmpeg's own trouble, summarised without anyone's paths. */
        private MediaFailure failure(List<String> lines) {
            boolean damaged = lines.stream().anyMatch(line -> line.contains("Invalid data found") || line.contains("partial file")
                || line.contains("corrupt") || line.contains("Error while decoding"));
            if (damaged) {
                return new MediaFailure(MediaFailure.CORRUPT, "The media file is damaged: " + summary(lines));
            }
            return new MediaFailure(MediaFailure.FFMPEG_FAILED, "ffmpeg failed: " + summary(lines));
        }

        private String summary(List<String> lines) {
            if (lines.isEmpty()) {
                return "no message";
            }
            String last = DEMUXER_PREFIX.matcher(lines.get(lines.size() - 1)).replaceFirst("");
            last = last.replace(source.toAbsolutePath().toString(), "input").replace(outputDirectory.toAbsolutePath().toString(), "output");
            last = ANY_PATH.matcher(last).replaceAll("…");
            return last.length() > 200 ? last.substring(0, 200) + "…" : last;
        }

        /** The master playlist, from what ffmpeg actually wrote (segment sizes give the real bandwidth). */
        private HlsResult finish(MediaProbe probe, HlsPlan plan, List<String> lines) throws IOException {
            List<MasterPlaylist.Entry> entries = new ArrayList<>();
            for (Variant variant : plan.variants()) {
                entries.add(MasterPlaylist.Entry.measure(variant, outputDirectory));
            }
            double duration = entries.get(0).durationSeconds();
            // ffmpeg stops without an error code at the end of a cut-off upload: a video that ends
            // well before its container said it would, with decoding errors on the way, is damaged.
            boolean cutShort = probe.durationSeconds() > 0
                && duration < probe.durationSeconds() - Math.max(1, probe.durationSeconds() * 0.05);
            if (cutShort && !lines.isEmpty()) {
                throw new MediaFailure(MediaFailure.CORRUPT, "The media file is damaged or incomplete: " + summary(lines));
            }
            MasterPlaylist.write(outputDirectory.resolve(HlsPlan.MASTER), entries);
            String poster = plan.poster() != null && Files.isRegularFile(outputDirectory.resolve(plan.poster())) ? plan.poster() : null;
            List<Rendition> renditions = plan.variants().stream().map(Variant::rendition).toList();
            return new HlsResult(duration, probe.audioOnly(), renditions, HlsPlan.MASTER, poster);
        }
    }

    /**
     * Killed by a signal we did not send (128 + signal; ffmpeg's own errors exit 1). Measured: the
     * bundled FFmpeg 4.4.1 dies of SIGSEGV on any MPEG-TS input on our machines; that is not the file's fault.
     */
    private static boolean crashed(int exitCode) {
        return exitCode > 128 && exitCode < 128 + 65;
    }

    private static MediaFailure crash(int exitCode) {
        return new MediaFailure(MediaFailure.FFMPEG_FAILED, "ffmpeg crashed (signal " + (exitCode - 128) + ") on this file.");
    }

    /** ffmpeg's HLS muxer does not create the rendition directories; a retry starts from clean ones. */
    private static void prepare(HlsPlan plan, Path outputDirectory) throws IOException {
        for (Variant variant : plan.variants()) {
            Path directory = outputDirectory.resolve(variant.rendition().name());
            Files.createDirectories(directory);
            try (Stream<Path> old = Files.list(directory)) {
                for (Path file : old.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Files.deleteIfExists(outputDirectory.resolve(HlsPlan.MASTER));
        Files.deleteIfExists(outputDirectory.resolve(HlsPlan.POSTER));
    }
}
