package vn.edu.lms.content.library.media;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.content.library.media.HlsResult.Rendition;

/**
 * The ladder for one source and the single ffmpeg run that writes it: one decode, split into every
 * rendition (and the poster), because decoding once matters on two cores.
 *
 * @param variants  lowest first: the master playlist lists them in this order, and players start with the first
 * @param poster    {@code poster.jpg}, or null for audio
 * @param arguments ffmpeg's arguments, without the executable
 */
record HlsPlan(List<Variant> variants, @Nullable String poster, List<String> arguments) {

    /** A rendition with what the master playlist says of it besides bandwidth. */
    record Variant(Rendition rendition, String codecs, double frameRate) {
    }

    /** A rung of the ladder, named by the short side so that a portrait 240p is 240 pixels wide. */
    private record Rung(int shortSide, int videoKbps, int audioKbps) {
    }

    // Sized for slow rural links: the 240p rung fits a weak 3G connection with sound.
    private static final List<Rung> LADDER = List.of(new Rung(240, 300, 64), new Rung(360, 600, 64),
        new Rung(480, 1000, 96), new Rung(720, 2000, 128));
    private static final int AUDIO_ONLY_KBPS = 96;
    private static final int POSTER_MAX_WIDTH = 640;
    /** Above this the frame rate is halved (60 → 30, 50 → 25): at these bit rates smoothness costs sharpness. */
    private static final double MAX_FPS = 30.5;
    static final String MASTER = "master.m3u8";
    static final String POSTER = "poster.jpg";

    static HlsPlan of(MediaProbe probe, Path source, Path outputDirectory, MediaProperties properties) {
        List<String> args = new ArrayList<>(List.of("-nostdin", "-y", "-loglevel", "error", "-nostats",
            // Progress on stderr too: one stream to read, so one thread per run.
            "-progress", "pipe:2",
            // Local files only: a playlist posing as a video must not make ffmpeg fetch URLs.
            "-protocol_whitelist", "file",
            "-threads", String.valueOf(properties.threads()), "-i", source.toAbsolutePath().toString()));
        return probe.video() == null ? audioOnly(probe, outputDirectory, properties, args)
            : video(probe, probe.video(), outputDirectory, properties, args);
    }

    private static HlsPlan audioOnly(MediaProbe probe, Path out, MediaProperties properties, List<String> args) {
        MediaProbe.Audio audio = probe.audio();
        Rendition rendition = new Rendition("audio", 0, 0, 0, AUDIO_ONLY_KBPS, "audio/index.m3u8");
        args.addAll(List.of("-map", "0:" + audio.stream()));
        addAudio(args, audio, AUDIO_ONLY_KBPS);
        addHls(args, out, "audio", properties);
        return new HlsPlan(List.of(new Variant(rendition, "mp4a.40.2", 0)), null, List.copyOf(args));
    }

    private static HlsPlan video(MediaProbe probe, MediaProbe.Video video, Path out, MediaProperties properties, List<String> args) {
        double fps = video.fps() > MAX_FPS ? video.fps() / Math.ceil(video.fps() / 30) : video.fps();
        List<Variant> variants = new ArrayList<>();
        for (Rendition rendition : ladder(video.width(), video.height(), probe.audio() != null)) {
            String codecs = "avc1.4d40" + level(rendition.width(), rendition.height(), fps).hex
                + (probe.audio() != null ? ",mp4a.40.2" : "");
            variants.add(new Variant(rendition, codecs, fps));
        }

        // [0:v] → (fps) → split → scale each branch; the last branch is the poster.
        int branches = variants.size() + 1;
        StringBuilder graph = new StringBuilder("[0:" + video.stream() + "]");
        if (fps != video.fps()) {
            graph.append("fps=").append(decimal(fps)).append(',');
        }
        graph.append("split=").append(branches);
        for (int i = 0; i < branches; i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < variants.size(); i++) {
            Rendition r = variants.get(i).rendition();
            // 8-bit 4:2:0: what the Main profile (and every phone) decodes.
            graph.append(";[s").append(i).append("]scale=").append(r.width()).append(':').append(r.height())
                .append(",setsar=1,format=yuv420p[v").append(i).append(']');
        }
        int posterWidth = Math.min(POSTER_MAX_WIDTH, even(video.width()));
        int posterHeight = even((double) video.height() * posterWidth / video.width());
        graph.append(";[s").append(variants.size()).append("]scale=").append(posterWidth).append(':').append(posterHeight)
            .append(",setsar=1,format=yuvj420p[poster]"); // 4:2:0 JPEG: the smallest every browser shows
        args.addAll(List.of("-filter_complex", graph.toString()));

        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            Rendition r = variant.rendition();
            args.addAll(List.of("-map", "[v" + i + "]", "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main",
                "-level:v", level(r.width(), r.height(), fps).name, "-b:v", r.videoKbps() + "k",
                // A capped, buffered rate: a segment may not burst far above what the link was chosen for.
                "-maxrate", r.videoKbps() * 11 / 10 + "k", "-bufsize", r.videoKbps() * 2 + "k",
                // Keyframes by time (any frame rate, even variable) and no extra ones at scene cuts,
                // so every rendition's segments start at the same instants and players can switch.
                "-force_key_frames", "expr:gte(t,n_forced*" + decimal(seconds(properties)) + ")", "-sc_threshold", "0",
                "-threads", String.valueOf(properties.threads())));
            if (probe.audio() != null) {
                args.addAll(List.of("-map", "0:" + probe.audio().stream()));
                addAudio(args, probe.audio(), r.audioKbps());
            }
            addHls(args, out, r.name(), properties);
        }

        // A frame a tenth of the way in (past black openings), or at 1 s when the length is unknown.
        double at = probe.durationSeconds() > 0 ? probe.durationSeconds() / 10 : 1;
        args.addAll(List.of("-map", "[poster]", "-ss", decimal(at), "-frames:v", "1", "-update", "1", "-q:v", "3",
            "-map_metadata", "-1", out.resolve(POSTER).toAbsolutePath().toString()));
        return new HlsPlan(List.copyOf(variants), POSTER, List.copyOf(args));
    }

    /** The rungs up to the source's short side (never upscaled); a source below 240p keeps its own size. */
    static List<Rendition> ladder(int width, int height, boolean sound) {
        boolean portrait = height > width;
        int shortSide = Math.min(width, height);
        int longSide = Math.max(width, height);
        List<Rendition> renditions = new ArrayList<>();
        for (Rung rung : LADDER) {
            if (rung.shortSide() <= shortSide) {
                int longScaled = even((double) longSide * rung.shortSide() / shortSide);
                renditions.add(rendition(rung.shortSide() + "p", portrait, rung.shortSide(), longScaled, rung, sound));
            }
        }
        if (renditions.isEmpty()) {
            int own = Math.max(2, shortSide & ~1);
            renditions.add(rendition(own + "p", portrait, own, Math.max(2, longSide & ~1), LADDER.get(0), sound));
        }
        return renditions;
    }

    private static Rendition rendition(String name, boolean portrait, int shortSide, int longSide, Rung rung, boolean sound) {
        int width = portrait ? shortSide : longSide;
        int height = portrait ? longSide : shortSide;
        return new Rendition(name, width, height, rung.videoKbps(), sound ? rung.audioKbps() : 0, name + "/index.m3u8");
    }

    private static void addAudio(List<String> args, MediaProbe.Audio audio, int kbps) {
        args.addAll(List.of("-c:a", "aac", "-b:a", kbps + "k", "-ac", String.valueOf(Math.min(2, audio.channels()))));
    }

    private static void addHls(List<String> args, Path out, String name, MediaProperties properties) {
        Path directory = out.resolve(name).toAbsolutePath();
        // No metadata carried over: a phone video's tags can hold where it was filmed.
        args.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1",
            "-f", "hls", "-hls_time", decimal(seconds(properties)), "-hls_playlist_type", "vod",
            "-hls_flags", "independent_segments",
            "-hls_segment_filename", directory.resolve("seg_%05d.ts").toString(), directory.resolve("index.m3u8").toString()));
    }

    /** H.264 levels from 3.0 (every device plays it) up; the lowest whose frame size and macroblock rate fit. */
    private enum Level {
        L30("3.0", "1e", 1620, 40500), L31("3.1", "1f", 3600, 108000), L32("3.2", "20", 5120, 216000),
        L40("4.0", "28", 8192, 245760), L42("4.2", "2a", 8704, 522240), L51("5.1", "33", 36864, 983040);

        final String name;
        final String hex;
        final int maxFrameMacroblocks;
        final int maxMacroblocksPerSecond;

        Level(String name, String hex, int maxFrameMacroblocks, int maxMacroblocksPerSecond) {
            this.name = name;
            this.hex = hex;
            this.maxFrameMacroblocks = maxFrameMacroblocks;
            this.maxMacroblocksPerSecond = maxMacroblocksPerSecond;
        }
    }

    private static Level level(int width, int height, double fps) {
        long frame = (long) ((width + 15) / 16) * ((height + 15) / 16);
        double rate = frame * (fps > 0 ? fps : 30);
        for (Level level : Level.values()) {
            if (frame <= level.maxFrameMacroblocks && rate <= level.maxMacroblocksPerSecond) {
                return level;
            }
        }
        return Level.L51;
    }

    private static double seconds(MediaProperties properties) {
        return properties.segmentLength().toMillis() / 1000.0;
    }

    private static int even(double value) {
        return Math.max(2, (int) (2 * Math.round(value / 2)));
    }

    /** A number as ffmpeg reads it: no exponent, no locale's decimal comma. */
    static String decimal(double value) {
        return new BigDecimal(String.format(Locale.ROOT, "%.3f", value)).stripTrailingZeros().toPlainString();
    }
}
