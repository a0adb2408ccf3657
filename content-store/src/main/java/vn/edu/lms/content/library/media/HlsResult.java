package vn.edu.lms.content.library.media;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link MediaTranscoder#toHls} wrote; every file name is relative to the output directory.
 *
 * @param durationSeconds the duration of what was encoded (the sum of the segments)
 * @param audioOnly       true for an audio file: one audio rendition, no poster
 * @param renditions      lowest first, as in the master playlist
 * @param masterPlaylist  {@code master.m3u8}
 * @param poster          {@code poster.jpg}, or null for audio (or a video whose frames ended before the poster's instant)
 */
public record HlsResult(double durationSeconds, boolean audioOnly, List<Rendition> renditions, String masterPlaylist,
        @Nullable String poster) {

    public HlsResult {
        renditions = List.copyOf(renditions);
    }

    /**
     * One variant stream.
     *
     * @param name      {@code 240p} … {@code 720p} (the short side, so a portrait 240p is 240 wide), or {@code audio}
     * @param width     displayed width in pixels, 0 for audio
     * @param height    displayed height in pixels, 0 for audio
     * @param videoKbps target video bit rate, 0 for audio
     * @param audioKbps AAC bit rate, 0 when the source has no sound
     * @param playlist  {@code 240p/index.m3u8}
     */
    public record Rendition(String name, int width, int height, int videoKbps, int audioKbps, String playlist) {
    }
}
