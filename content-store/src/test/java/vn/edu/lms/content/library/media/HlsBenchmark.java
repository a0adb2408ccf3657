package vn.edu.lms.content.library.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What {@link MediaTranscoder#toHls} costs over running its ffmpeg command by hand (goal: at most
 * 5 %). Not a test: a main class, run on a quiet machine.
 *
 * <p>Arguments: {@code [sample-file] [--rounds=3] [--bundled]}. Without a sample it makes a 60 s
 * 720p one with sound. Rounds alternate the order (hand, component; then component, hand) so that
 * a drift in the machine's speed falls on both.
 */
public final class HlsBenchmark {

    private HlsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean bundled = List.of(args).contains("--bundled");
        int rounds = Stream.of(args).filter(arg -> arg.startsWith("--rounds=")).map(arg -> Integer.parseInt(arg.substring(9)))
            .findFirst().orElse(3);
        List<String> positional = Stream.of(args).filter(arg -> !arg.startsWith("--")).toList();
        Path work = Files.createTempDirectory("hls-benchmark");
        MediaTranscoder transcoder = new MediaTranscoder(new MediaProperties(null, !bundled, null, 0, 0, null));
        try {
            Path sample = positional.isEmpty() ? makeSample(transcoder, work) : Path.of(positional.get(0));
            System.out.printf("ffmpeg: %s%nsample: %s%n", transcoder.ffmpegDescription(), sample);
            List<String> command = transcoder.hlsCommand(sample, work.resolve("print"));
            System.out.println("command: " + String.join(" ", command));
            // The component's own fixed cost before ffmpeg starts (probe, directories), free of the encoder's noise.
            long probing = System.nanoTime();
            transcoder.hlsCommand(sample, work.resolve("print"));
            System.out.printf(Locale.ROOT, "probe + prepare: %.0f ms%n", (System.nanoTime() - probing) / 1e6);

            long handTotal = 0;
            long componentTotal = 0;
            for (int round = 1; round <= rounds; round++) {
                Path byHand = work.resolve("hand-" + round);
                Path byComponent = work.resolve("component-" + round);
                long hand;
                long component;
                if (round % 2 == 1) {
                    hand = byHand(transcoder, sample, byHand);
                    component = byComponent(transcoder, sample, byComponent);
                } else {
                    component = byComponent(transcoder, sample, byComponent);
                    hand = byHand(transcoder, sample, byHand);
                }
                handTotal += hand;
                componentTotal += component;
                System.out.printf(Locale.ROOT, "round %d: by hand %.2f s, toHls %.2f s (%+.1f %%)%n", round, hand / 1e9, component / 1e9,
                    100.0 * (component - hand) / hand);
                delete(byHand);
                delete(byComponent);
            }
            System.out.printf(Locale.ROOT, "total: by hand %.2f s, toHls %.2f s, overhead %+.2f %% (goal ≤ 5 %%)%n", handTotal / 1e9,
                componentTotal / 1e9, 100.0 * (componentTotal - handTotal) / handTotal);
        } finally {
            transcoder.destroy();
            delete(work);
        }
    }

    /** The exact argument list toHls builds, through a plain ProcessBuilder; directories made beforehand, untimed. */
    private static long byHand(MediaTranscoder transcoder, Path sample, Path out) throws Exception {
        List<String> command = transcoder.hlsCommand(sample, out);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg exited with " + process.exitValue());
        }
        return System.nanoTime() - started;
    }

    /** Everything the job will pay: queueing on the media scheduler, the probe, ffmpeg, progress, the master playlist. */
    private static long byComponent(MediaTranscoder transcoder, Path sample, Path out) {
        long started = System.nanoTime();
        transcoder.toHls(sample, out, percent -> { }).block(Duration.ofHours(1));
        return System.nanoTime() - started;
    }

    private static Path makeSample(MediaTranscoder transcoder, Path work) throws Exception {
        Path sample = work.resolve("sample-720p-60s.mp4");
        List<String> command = new ArrayList<>(List.of(transcoder.ffmpegPath()));
        command.addAll(List.of("-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi",
            "-i", "sine=frequency=440", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", "-c:a", "aac", "-shortest",
            sample.toString()));
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("could not make the sample");
        }
        return sample;
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
