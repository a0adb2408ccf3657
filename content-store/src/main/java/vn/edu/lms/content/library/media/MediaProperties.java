package vn.edu.lms.content.library.media;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How media is transcoded.
 *
 * @param ffmpegPath         an ffmpeg binary to use instead of looking for one ({@code /usr/bin/ffmpeg}, then the PATH)
 * @param preferSystemFfmpeg use the operating system's ffmpeg when there is one (maintained, gets security fixes);
 *                           false, or none found: the FFmpeg 4.4.1 that jave2 bundles
 * @param timeout            the longest one transcoding may run before ffmpeg is killed
 * @param threads            ffmpeg {@code -threads} for the decoder and for each encoder
 * @param concurrency        transcodings at once in this instance (2 cores: one)
 * @param segmentLength      HLS segment length; keyframes are forced at this interval so every rendition cuts at the same instants
 */
@ConfigurationProperties("lms.media")
public record MediaProperties(
    @Nullable String ffmpegPath,
    @DefaultValue("true") boolean preferSystemFfmpeg,
    @DefaultValue("2h") Duration timeout,
    @DefaultValue("2") int threads,
    @DefaultValue("1") int concurrency,
    @DefaultValue("6s") Duration segmentLength) {

    /** Defaults also for instances built in code (tests, the benchmark), where the binder's defaults do not apply. */
    public MediaProperties {
        ffmpegPath = ffmpegPath == null || ffmpegPath.isBlank() ? null : ffmpegPath.strip();
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofHours(2) : timeout;
        threads = threads > 0 ? threads : 2;
        concurrency = concurrency > 0 ? concurrency : 1;
        segmentLength = segmentLength == null || segmentLength.toMillis() < 1000 ? Duration.ofSeconds(6) : segmentLength;
    }
}
