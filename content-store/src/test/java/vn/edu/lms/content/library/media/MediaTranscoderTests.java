package vn.edu.lms.content.library.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.Disposable;
import vn.edu.lms.content.library.media.HlsResult.Rendition;

/**
 * Real transcodings of tiny generated files (2–4 s) with the system ffmpeg when there is one and
 * with the binary jave2 bundles. Without a system ffmpeg, the inputs are made with the bundled one
 * and only the checks that need ffprobe are skipped.
 */
class MediaTranscoderTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SYSTEM_FFPROBE = Path.of("/usr/bin/ffprobe");

    @TempDir
    static Path inputs;

    @TempDir
    Path out;

    static MediaTranscoder preferred;
    static MediaTranscoder bundled;
    static String maker;

    static Path landscape720;
    static Path medium360;
    static Path portraitPhone;
    static Path tiny;
    static Path longer;
    static Path mp3;
    static Path m4a;

    @BeforeAll
    static void makeInputs() throws Exception {
        preferred = new MediaTranscoder(properties(true, Duration.ofMinutes(5)));
        bundled = new MediaTranscoder(properties(false, Duration.ofMinutes(5)));
        maker = preferred.ffmpegPath();

        landscape720 = make("landscape720.mp4", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25", "-f", "lavfi", "-i",
            "sine=frequency=440", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        medium360 = make("medium360.mp4", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i",
            "sine", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        tiny = make("tiny.mp4", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=25", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast");
        // A phone held upright stores landscape pixels and a rotation; -c copy keeps the tag (FFmpeg 5.1 has no -display_rotation).
        Path landscape = make("phone-sensor.mp4", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i", "sine",
            "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        portraitPhone = make("portrait.mp4", "-i", landscape.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90");
        longer = make("longer.mp4", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=25", "-t", "8", "-c:v", "libx264",
            "-preset", "ultrafast");
        mp3 = make("voice.mp3", "-f", "lavfi", "-i", "sine=frequency=300:duration=3", "-c:a", "libmp3lame", "-b:a", "64k");
        m4a = make("voice.m4a", "-f", "lavfi", "-i", "sine=frequency=300:duration=3", "-c:a", "aac");
    }

    @AfterAll
    static void stop() {
        preferred.destroy();
        bundled.destroy();
    }

    @Test
    void aLandscape720pVideoGetsA240pTo720pLadderThatFfprobeReads() throws Exception {
        List<Integer> progress = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();

        HlsResult result = preferred.toHls(landscape720, out, percent -> {
            progress.add(percent);
            threads.add(Thread.currentThread().getName());
        }).block(WAIT);

        assertThat(result.audioOnly()).isFalse();
        assertThat(result.renditions()).containsExactly(
            new Rendition("240p", 426, 240, 300, 64, "240p/index.m3u8"),
            new Rendition("360p", 640, 360, 600, 64, "360p/index.m3u8"),
            new Rendition("480p", 854, 480, 1000, 96, "480p/index.m3u8"),
            new Rendition("720p", 1280, 720, 2000, 128, "720p/index.m3u8"));
        assertThat(result.masterPlaylist()).isEqualTo("master.m3u8");
        assertThat(result.durationSeconds()).isCloseTo(3.0, within(0.3));
        assertThat(Files.readString(out.resolve("master.m3u8")))
            .contains("RESOLUTION=426x240", "CODECS=\"avc1.4d401e,mp4a.40.2\"", "RESOLUTION=1280x720", "CODECS=\"avc1.4d401f,mp4a.40.2\"");
        // Segments are named relative to their playlist, so the tree can be served from anywhere.
        assertThat(Files.readString(out.resolve("240p/index.m3u8"))).contains("\nseg_00000.ts\n").doesNotContain(out.toString());
        assertThat(result.poster()).isEqualTo("poster.jpg");
        assertThat(pictureSize(out.resolve("poster.jpg"))).isEqualTo("640x360");
        assertThat(progress).isSorted().doesNotHaveDuplicates().startsWith(0).endsWith(100);
        assertThat(threads).allMatch(thread -> thread.startsWith("media-"));
        assertThat(ffprobeVideoSizes(out.resolve("master.m3u8"))).containsExactlyInAnyOrder("426x240", "640x360", "854x480", "1280x720");
    }

    @Test
    void aSmallerSourceIsNeverUpscaled() {
        HlsResult result = preferred.toHls(medium360, out, percent -> { }).block(WAIT);

        assertThat(result.renditions()).extracting(Rendition::name).containsExactly("240p", "360p");
        assertThat(ffprobeVideoSizes(out.resolve("master.m3u8"))).containsExactlyInAnyOrder("426x240", "640x360");
    }

    @Test
    void aSourceBelow240pKeepsItsOwnSize() {
        HlsResult result = preferred.toHls(tiny, out, percent -> { }).block(WAIT);

        assertThat(result.renditions()).containsExactly(new Rendition("180p", 320, 180, 300, 0, "180p/index.m3u8"));
        assertThat(ffprobeVideoSizes(out.resolve("180p/index.m3u8"))).containsExactly("320x180");
    }

    @Test
    void aPortraitPhoneVideoComesOutPortrait() throws IOException {
        HlsResult result = preferred.toHls(portraitPhone, out, percent -> { }).block(WAIT);

        assertThat(result.renditions()).extracting(Rendition::name, Rendition::width, Rendition::height)
            .containsExactly(tuple("240p", 240, 426), tuple("360p", 360, 640));
        assertThat(pictureSize(out.resolve("poster.jpg"))).isEqualTo("360x640");
        assertThat(ffprobeVideoSizes(out.resolve("master.m3u8"))).containsExactlyInAnyOrder("240x426", "360x640");
    }

    @Test
    void anAudioFileGetsOneAacRenditionAndNoPoster() throws IOException {
        for (Path audio : List.of(mp3, m4a)) {
            Path into = Files.createDirectories(out.resolve(audio.getFileName().toString()));
            List<Integer> progress = new CopyOnWriteArrayList<>();

            HlsResult result = preferred.toHls(audio, into, progress::add).block(WAIT);

            assertThat(result.audioOnly()).isTrue();
            assertThat(result.renditions()).containsExactly(new Rendition("audio", 0, 0, 0, 96, "audio/index.m3u8"));
            assertThat(result.poster()).isNull();
            assertThat(into.resolve("poster.jpg")).doesNotExist();
            assertThat(result.durationSeconds()).isCloseTo(3.0, within(0.3));
            assertThat(Files.readString(into.resolve("master.m3u8"))).contains("CODECS=\"mp4a.40.2\"").doesNotContain("RESOLUTION");
            assertThat(progress).isSorted().endsWith(100);
            if (Files.isExecutable(SYSTEM_FFPROBE)) {
                assertThat(run(SYSTEM_FFPROBE.toString(), "-v", "error", "-select_streams", "a", "-show_entries", "stream=codec_name",
                    "-of", "csv=p=0", into.resolve("master.m3u8").toString())).contains("aac");
            }
        }
    }

    @Test
    void randomBytesAreNotMedia() throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(42).nextBytes(bytes);
        Path noise = Files.write(out.resolve("noise.mp4"), bytes);

        assertThatThrownBy(() -> preferred.toHls(noise, out.resolve("hls"), percent -> { }).block(WAIT))
            .isInstanceOfSatisfying(MediaFailure.class, failure -> assertThat(failure.reason()).isEqualTo("not-media"));
    }

    @Test
    void aTruncatedVideoIsCorrupt() throws IOException {
        byte[] whole = Files.readAllBytes(landscape720);
        // Cut before the index at the end (a usual phone MP4), and, with the index first, halfway through the frames.
        Path noIndex = Files.write(out.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));
        Path indexFirst = make("faststart.mp4", "-i", landscape720.toString(), "-c", "copy", "-movflags", "+faststart");
        byte[] fast = Files.readAllBytes(indexFirst);
        Path halfFrames = Files.write(out.resolve("cut-faststart.mp4"), Arrays.copyOf(fast, fast.length / 2));

        for (Path cut : List.of(noIndex, halfFrames)) {
            assertThatThrownBy(() -> preferred.toHls(cut, out.resolve("hls"), percent -> { }).block(WAIT))
                .as(cut.getFileName().toString())
                .isInstanceOfSatisfying(MediaFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo("corrupt");
                    assertThat(failure.getMessage()).doesNotContain(out.toString()).doesNotContain("/tmp");
                });
        }
    }

    @Test
    void cancellingKillsFfmpeg() throws Exception {
        CountDownLatch encoding = new CountDownLatch(1);
        Disposable subscription = preferred.toHls(longer, out, percent -> {
            if (percent > 0) {
                encoding.countDown();
            }
        }).subscribe(result -> { }, error -> { });
        assertThat(encoding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        List<ProcessHandle> running = ffmpegChildren();
        assertThat(running).isNotEmpty();

        subscription.dispose();

        await().atMost(Duration.ofSeconds(5)).until(() -> ffmpegChildren().isEmpty());
        assertThat(running).noneMatch(ProcessHandle::isAlive);
        assertThat(out.resolve("master.m3u8")).doesNotExist();
    }

    @Test
    void shuttingDownKillsTheTranscodingsInFlight() throws Exception {
        MediaTranscoder stopping = new MediaTranscoder(properties(true, Duration.ofMinutes(5)));
        CountDownLatch encoding = new CountDownLatch(1);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        stopping.toHls(longer, out, percent -> {
            if (percent > 0) {
                encoding.countDown();
            }
        }).subscribe(result -> { }, errors::add);
        assertThat(encoding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        stopping.destroy();

        await().atMost(Duration.ofSeconds(5)).until(() -> ffmpegChildren().isEmpty() && !errors.isEmpty());
        assertThat(errors).singleElement().isInstanceOfSatisfying(MediaFailure.class,
            failure -> assertThat(failure.reason()).isEqualTo("ffmpeg-failed"));
    }

    @Test
    void aTranscodingStuckPastItsTimeoutIsKilled() throws Exception {
        // A named pipe nobody writes to: ffmpeg waits on it for ever, as it may on a hostile file. A real encoding
        // of a short clip could finish inside any timeout short enough for a test on a fast machine.
        Path stalled = out.resolve("stalled.mp4");
        run("mkfifo", stalled.toString());
        MediaTranscoder impatient = new MediaTranscoder(properties(true, Duration.ofMillis(700)));
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> impatient.toHls(stalled, out.resolve("hls"), percent -> { }).block(WAIT))
                .isInstanceOfSatisfying(MediaFailure.class, failure -> assertThat(failure.reason()).isEqualTo("timeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(ffmpegChildren()).isEmpty();
        } finally {
            impatient.destroy();
        }
    }

    @Test
    void theFfmpegThatJave2BundlesMakesTheLadderToo() throws IOException {
        assertThat(bundled.ffmpegDescription()).isEqualTo("bundled ffmpeg 4.4.1 (jave2)");
        List<Integer> progress = new CopyOnWriteArrayList<>();

        HlsResult result = bundled.toHls(portraitPhone, out, progress::add).block(WAIT);

        assertThat(result.renditions()).extracting(Rendition::width, Rendition::height)
            .containsExactly(tuple(240, 426), tuple(360, 640));
        assertThat(result.durationSeconds()).isCloseTo(2.0, within(0.3));
        assertThat(pictureSize(out.resolve("poster.jpg"))).isEqualTo("360x640");
        assertThat(progress).isSorted().endsWith(100);
        assertThat(ffprobeVideoSizes(out.resolve("master.m3u8"))).containsExactlyInAnyOrder("240x426", "360x640");
    }

    @Test
    void aCrashingFfmpegIsNotBlamedOnTheFile() throws IOException {
        // Answers the start-up checks like an ffmpeg with x264, then dies of SIGSEGV on real work.
        Path fake = inputs.resolve("crashing-ffmpeg");
        Files.writeString(fake, """
            #!/bin/sh
            case "$*" in
              *-version*) echo "ffmpeg version 9.9 fake" ;;
              *-encoders*) printf ' V....D libx264              H.264\n A....D aac                  AAC\n' ;;
              *) kill -SEGV $$ ;;
            esac
            """);
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        MediaTranscoder crashing = new MediaTranscoder(new MediaProperties(fake.toString(), true, null, 2, 1, null));
        try {
            assertThat(crashing.ffmpegDescription()).isEqualTo("system ffmpeg 9.9 at " + fake);
            assertThatThrownBy(() -> crashing.toHls(landscape720, out, percent -> { }).block(WAIT))
                .isInstanceOfSatisfying(MediaFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo("ffmpeg-failed");
                    assertThat(failure.getMessage()).contains("crashed (signal 11)");
                });
        } finally {
            crashing.destroy();
        }
    }

    @Test
    void theSystemFfmpegIsPreferredWhenThereIsOne() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "no system ffmpeg here");

        assertThat(preferred.ffmpegDescription()).matches("system ffmpeg \\d+\\.\\d+(\\.\\d+)? at /usr/bin/ffmpeg");
    }

    private static MediaProperties properties(boolean preferSystem, Duration timeout) {
        return new MediaProperties(null, preferSystem, timeout, 2, 1, Duration.ofSeconds(6));
    }

    /**
     * "WxH" of every video stream, as ffprobe decodes them. The last check of a test: without a
     * system ffprobe it skips the rest (the bundled FFmpeg 4.4.1 crashes reading MPEG-TS here).
     */
    private static List<String> ffprobeVideoSizes(Path file) {
        assumeTrue(Files.isExecutable(SYSTEM_FFPROBE), "no ffprobe here: decoding the renditions is not checked");
        return run(SYSTEM_FFPROBE.toString(), "-v", "error", "-select_streams", "v", "-show_entries", "stream=width,height",
            "-of", "csv=p=0:s=x", file.toString()).lines().map(String::strip).filter(line -> !line.isEmpty())
            .distinct() // each stream is listed again under its program
            .toList();
    }

    private static String pictureSize(Path jpeg) throws IOException {
        BufferedImage picture = ImageIO.read(jpeg.toFile());
        return picture.getWidth() + "x" + picture.getHeight();
    }

    private static List<ProcessHandle> ffmpegChildren() {
        return ProcessHandle.current().descendants()
            .filter(process -> process.info().command().map(command -> command.contains("ffmpeg")).orElse(false))
            .toList();
    }

    private static Path make(String name, String... arguments) throws IOException {
        Path file = inputs.resolve(name);
        List<String> command = new ArrayList<>(List.of(maker, "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        command.add(file.toString());
        run(command.toArray(String[]::new));
        assertThat(file).isNotEmptyFile();
        return file;
    }

    /** Runs a command to its end; its stdout and stderr together. */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
