package vn.edu.lms.web.library;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.content.library.item.FileVersion;

/**
 * How a page shows a library file: which player or preview fits its type and what processing made
 * of it. The item page and a lesson's blocks both go by it.
 */
public enum Preview {
    VIDEO, AUDIO, PDF, IMAGE, TEXT, NONE;

    public static Preview of(@Nullable FileVersion file) {
        if (file == null || file.state() == FileVersion.State.FAILED) {
            return NONE;
        }
        String type = file.mediaType();
        if (file.isMedia()) {
            if (file.state() != FileVersion.State.READY) {
                return NONE;
            }
            boolean audio = type.startsWith("audio/") || file.hls() != null && file.hls().audioOnly();
            return audio ? AUDIO : VIDEO;
        }
        if (type.startsWith("application/pdf")) {
            return PDF;
        }
        if (type.startsWith("image/") && !type.contains("svg")) {
            return IMAGE;
        }
        return file.extracted() != null && file.extracted().textKey() != null ? TEXT : NONE;
    }
}
