package vn.edu.lms.content.library.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import vn.edu.lms.content.library.media.HlsPlan.Variant;

/** The master playlist, written by us so that it says the same whichever ffmpeg made the renditions. */
final class MasterPlaylist {

    private MasterPlaylist() {
    }

    /**
     * A variant as written, measured from its own playlist and segments.
     *
     * @param peakBitsPerSecond    the largest segment's rate (BANDWIDTH: a player picks by it)
     * @param averageBitsPerSecond all segments' rate (AVERAGE-BANDWIDTH)
     */
    record Entry(Variant variant, double durationSeconds, long peakBitsPerSecond, long averageBitsPerSecond) {

        static Entry measure(Variant variant, Path outputDirectory) throws IOException {
            Path playlist = outputDirectory.resolve(variant.rendition().playlist());
            double total = 0;
            long bytes = 0;
            double peak = 0;
            double peakOfAny = 0;
            double pending = -1;
            for (String line : Files.readAllLines(playlist, StandardCharsets.UTF_8)) {
                if (line.startsWith("#EXTINF:")) {
                    pending = Double.parseDouble(line.substring("#EXTINF:".length()).split(",", 2)[0]);
                } else if (!line.isBlank() && !line.startsWith("#") && pending >= 0) {
                    long size = Files.size(playlist.resolveSibling(line.strip()));
                    double rate = pending > 0 ? size * 8 / pending : 0;
                    // A last segment of a fraction of a second is mostly its keyframe: its rate says little.
                    if (pending >= 1) {
                        peak = Math.max(peak, rate);
                    }
                    peakOfAny = Math.max(peakOfAny, rate);
                    total += pending;
                    bytes += size;
                    pending = -1;
                }
            }
            if (total <= 0) {
                throw new IOException("ffmpeg wrote no segments for " + variant.rendition().name());
            }
            return new Entry(variant, total, (long) Math.ceil(peak > 0 ? peak : peakOfAny), (long) Math.ceil(bytes * 8 / total));
        }
    }

    /** Lowest first: players start with the first variant, and the first seconds on a slow link matter most. */
    static void write(Path master, List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Entry entry : entries) {
            HlsResult.Rendition rendition = entry.variant().rendition();
            text.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(entry.peakBitsPerSecond())
                .append(",AVERAGE-BANDWIDTH=").append(entry.averageBitsPerSecond())
                .append(",CODECS=\"").append(entry.variant().codecs()).append('"');
            if (rendition.width() > 0) {
                text.append(",RESOLUTION=").append(rendition.width()).append('x').append(rendition.height());
            }
            if (entry.variant().frameRate() > 0) {
                text.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", entry.variant().frameRate()));
            }
            text.append('\n').append(rendition.playlist()).append('\n');
        }
        // Written beside, then moved: a reader never sees half a master playlist.
        Path partial = master.resolveSibling(master.getFileName() + ".part");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, master, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
