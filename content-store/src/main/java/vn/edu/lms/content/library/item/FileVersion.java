package vn.edu.lms.content.library.item;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One uploaded file of an item. Uploading again adds a version; old ones stay retrievable. The
 * bytes live once per SHA-256 in object storage ({@code blobKey}), whatever the number of versions
 * and items that share them.
 *
 * @param number        1, 2, … in upload order
 * @param uploadId      the tus upload that brought it (adding it twice is a no-op)
 * @param sha256        hex digest of the bytes
 * @param blobKey       object key of the bytes
 * @param mediaType     sniffed from the bytes, never from the name
 * @param state         PROCESSING until extraction (and renditions for media) finished
 * @param failure       why processing failed (a stable reason slug), when FAILED
 * @param progress      processing progress 0–100
 * @param extracted     text and metadata found in the file
 * @param hls           renditions of a video or audio file
 */
public record FileVersion(
    int number,
    String uploadId,
    String sha256,
    String blobKey,
    long size,
    String mediaType,
    String fileName,
    Instant uploadedAt,
    String uploadedBy,
    State state,
    @Nullable String failure,
    int progress,
    @Nullable Extracted extracted,
    @Nullable Hls hls) {

    public enum State {
        PROCESSING, READY, FAILED
    }

    /** What Tika found: the text is in object storage ({@code textKey}), as is the thumbnail. */
    public record Extracted(@Nullable String textKey, long textLength, boolean textTruncated, @Nullable String title,
            @Nullable String author, @Nullable Integer pages, @Nullable String language, @Nullable Double durationSeconds,
            @Nullable String thumbnailKey) {
    }

    /** HLS renditions under {@code prefix}: {@code master} is the playlist a player opens. */
    public record Hls(String prefix, String master, boolean audioOnly, double durationSeconds, List<Rendition> renditions,
            @Nullable String posterKey) {

        public record Rendition(String name, int width, int height, int videoKbps, int audioKbps) {
        }
    }

    /** This version with its extraction results and progress. */
    public FileVersion withExtracted(Extracted found, int progressNow) {
        return new FileVersion(number, uploadId, sha256, blobKey, size, mediaType, fileName, uploadedAt, uploadedBy, state, null,
            progressNow, found, hls);
    }

    /** This version with its renditions. */
    public FileVersion withHls(Hls renditions) {
        return new FileVersion(number, uploadId, sha256, blobKey, size, mediaType, fileName, uploadedAt, uploadedBy, state, null,
            progress, extracted, renditions);
    }

    /**
     * This version further on in its processing: progress only moves forward, and only while the
     * version is processing (a late report after READY or FAILED changes nothing). The same
     * instance when nothing changes, so that no write is made.
     */
    public FileVersion progressed(int percent) {
        return state != State.PROCESSING || percent <= progress ? this
            : new FileVersion(number, uploadId, sha256, blobKey, size, mediaType, fileName, uploadedAt, uploadedBy, state, failure,
                Math.min(percent, 99), extracted, hls);
    }

    public FileVersion ready() {
        return new FileVersion(number, uploadId, sha256, blobKey, size, mediaType, fileName, uploadedAt, uploadedBy, State.READY, null,
            100, extracted, hls);
    }

    public FileVersion failed(String reason) {
        return new FileVersion(number, uploadId, sha256, blobKey, size, mediaType, fileName, uploadedAt, uploadedBy, State.FAILED, reason,
            progress, extracted, hls);
    }

    FileVersion numbered(int newNumber) {
        return new FileVersion(newNumber, uploadId, sha256, blobKey, size, mediaType, fileName, uploadedAt, uploadedBy, state, failure,
            progress, extracted, hls);
    }

    public boolean isMedia() {
        return mediaType.startsWith("video/") || mediaType.startsWith("audio/");
    }
}
