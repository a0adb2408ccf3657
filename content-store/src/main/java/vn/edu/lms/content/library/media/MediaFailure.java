package vn.edu.lms.content.library.media;

/**
 * Why a file could not be transcoded, as a stable slug the job can store and map to a message:
 * {@code not-media}, {@code corrupt} (bad input: retrying will not help), {@code timeout},
 * {@code ffmpeg-failed}. The message is safe to show: it names no server paths.
 */
public class MediaFailure extends RuntimeException {

    static final String NOT_MEDIA = "not-media";
    static final String CORRUPT = "corrupt";
    static final String TIMEOUT = "timeout";
    static final String FFMPEG_FAILED = "ffmpeg-failed";

    private final String reason;

    public MediaFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
