package vn.edu.lms.content.library.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What {@code ffmpeg -hide_banner -i file} says about a file (no ffprobe: jave2's bundled build has
 * none). Only what the ladder needs: duration, the first real video stream as displayed, the first
 * audio stream.
 *
 * @param format          the demuxer, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param durationSeconds 0 when the container does not say (WebM from a browser's MediaRecorder)
 * @param video           null for audio (a cover picture in an MP3 is not video)
 * @param audio           null for a silent video
 */
record MediaProbe(String format, double durationSeconds, @Nullable Video video, @Nullable Audio audio) {

    /**
     * @param stream the input stream index, for {@code -map 0:N}
     * @param width  as displayed: after rotation and non-square pixels
     * @param fps    0 when unknown
     */
    record Video(int stream, int width, int height, double fps) {
    }

    record Audio(int stream, int channels) {
    }

    private static final Pattern INPUT = Pattern.compile("^Input #0, (\\S+), from ");
    private static final Pattern DURATION = Pattern.compile("^\\s*Duration: (?:(\\d+):(\\d\\d):(\\d\\d(?:\\.\\d+)?)|N/A)");
    private static final Pattern STREAM = Pattern.compile("^\\s*Stream #0:(\\d+)\\S*: (\\w+): (.*)$");
    // After the pixel format: ", 640x360 [SAR 1:1 DAR 16:9]" (not the codec tag "0x31637661").
    private static final Pattern SIZE = Pattern.compile("[ ,](\\d+)x(\\d+)(?=[ ,\\[]|$)");
    private static final Pattern SAR = Pattern.compile("\\[SAR (\\d+):(\\d+) ");
    private static final Pattern FPS = Pattern.compile(", (\\d+(?:\\.\\d+)?) fps");
    private static final Pattern TBR = Pattern.compile(", (\\d+(?:\\.\\d+)?) tbr");
    // FFmpeg 5+ prints the display matrix; 4.x also prints the older "rotate : 90" tag.
    private static final Pattern ROTATION = Pattern.compile("displaymatrix: rotation of (-?\\d+(?:\\.\\d+)?) degrees|^\\s*rotate\\s*: (-?\\d+)");
    /**
     * Demuxers that follow names inside the file to other files (a playlist posing as a video could
     * pull another upload into its output), and the one that renders text files as video.
     */
    private static final Set<String> REFUSED_FORMATS = Set.of("hls", "applehttp", "concat", "dash", "imf", "tty");
    private static final Pattern DEMUXER_ERROR = Pattern.compile("^\\[(\\S+) @ 0x[0-9a-f]+\\]");

    boolean audioOnly() {
        return video == null;
    }

    /** Reads ffmpeg's description of its input; a file it cannot use as media fails with {@link MediaFailure}. */
    static MediaProbe parse(List<String> stderr) {
        String format = null;
        double duration = 0;
        Video video = null;
        Audio audio = null;
        for (int i = 0; i < stderr.size(); i++) {
            String line = stderr.get(i);
            Matcher m;
            if ((m = INPUT.matcher(line)).find()) {
                format = m.group(1);
            } else if ((m = DURATION.matcher(line)).find() && m.group(1) != null) {
                duration = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
            } else if ((m = STREAM.matcher(line)).find()) {
                int stream = Integer.parseInt(m.group(1));
                String details = m.group(3);
                // The stream's metadata and side data (rotation) follow, indented deeper than the stream line.
                List<String> more = new ArrayList<>();
                while (i + 1 < stderr.size() && stderr.get(i + 1).startsWith("    ")) {
                    more.add(stderr.get(++i));
                }
                if (m.group(2).equals("Video") && video == null && !details.contains("(attached pic)")) {
                    video = video(stream, details, more);
                } else if (m.group(2).equals("Audio") && audio == null) {
                    audio = new Audio(stream, details.contains(" mono,") || details.endsWith(" mono") ? 1 : 2);
                }
            }
        }
        if (format == null) {
            throw unusable(stderr);
        }
        // Still pictures have their own pipeline; to ffmpeg a picture is a video of one frame.
        boolean picture = format.equals("image2") || format.endsWith("_pipe") || duration > 0 && duration < 0.1;
        boolean refused = Stream.of(format.split(",")).anyMatch(REFUSED_FORMATS::contains);
        if (picture || refused || video == null && audio == null) {
            throw new MediaFailure(MediaFailure.NOT_MEDIA, "The file is not audio or video.");
        }
        return new MediaProbe(format, duration, video, audio);
    }

    private static @Nullable Video video(int stream, String details, List<String> more) {
        Matcher size = SIZE.matcher(details);
        if (!size.find()) {
            return null;
        }
        int width = Integer.parseInt(size.group(1));
        int height = Integer.parseInt(size.group(2));
        Matcher sar = SAR.matcher(details);
        if (sar.find() && Integer.parseInt(sar.group(1)) > 0 && Integer.parseInt(sar.group(2)) > 0) {
            width = (int) Math.round(width * Double.parseDouble(sar.group(1)) / Double.parseDouble(sar.group(2)));
        }
        // FFmpeg rotates while decoding (autorotate), so a portrait phone video arrives portrait.
        boolean sideways = more.stream().map(ROTATION::matcher).filter(Matcher::find)
            .mapToDouble(r -> Double.parseDouble(r.group(1) != null ? r.group(1) : r.group(2)))
            .anyMatch(degrees -> Math.round(Math.abs(degrees) / 90) % 2 == 1);
        return sideways ? new Video(stream, height, width, rate(details)) : new Video(stream, width, height, rate(details));
    }

    /** No container recognised: not media, or media a demuxer recognised and then gave up on. */
    private static MediaFailure unusable(List<String> stderr) {
        if (stderr.stream().anyMatch(line -> line.endsWith("No such file or directory") || line.endsWith("Permission denied"))) {
            return new MediaFailure(MediaFailure.FFMPEG_FAILED, "The file to transcode could not be read.");
        }
        // "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x…] moov atom not found": an MP4 cut short is media, but broken.
        // Unless the demuxer was only guessed from the file name ("detected only with low score").
        boolean recognised = stderr.stream().map(DEMUXER_ERROR::matcher)
            .anyMatch(error -> error.find() && !error.group(1).equals("NULL") && !error.group(1).equals("AVIOContext"))
            && stderr.stream().noneMatch(line -> line.contains("misdetection possible"));
        return recognised ? new MediaFailure(MediaFailure.CORRUPT, "The media file is damaged or incomplete.")
            : new MediaFailure(MediaFailure.NOT_MEDIA, "The file is not audio or video.");
    }

    private static double rate(String details) {
        Matcher fps = FPS.matcher(details);
        if (fps.find()) {
            return Double.parseDouble(fps.group(1));
        }
        Matcher tbr = TBR.matcher(details);
        return tbr.find() ? Double.parseDouble(tbr.group(1)) : 0;
    }
}
