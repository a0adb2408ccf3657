package vn.edu.lms.api.assignment;

import java.util.Arrays;
import java.util.List;

/**
 * What a student may hand in, in kinds a teacher understands. An assignment names the media types
 * it accepts; one that names none accepts every kind here.
 */
public enum HandInFileKind {

    PDF("application/pdf"),
    WORD("application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text"),
    SLIDES("application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.presentation"),
    SHEET("application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.spreadsheet"),
    IMAGE("image/*"),
    TEXT("text/plain"),
    AUDIO("audio/*"),
    VIDEO("video/*"),
    ZIP("application/zip");

    /** Every kind's types: what an assignment that names none accepts. */
    public static final List<String> ALL_TYPES = Arrays.stream(values()).flatMap(kind -> kind.mediaTypes.stream()).toList();

    private final List<String> mediaTypes;

    HandInFileKind(String... mediaTypes) {
        this.mediaTypes = List.of(mediaTypes);
    }

    public List<String> mediaTypes() {
        return mediaTypes;
    }
}
