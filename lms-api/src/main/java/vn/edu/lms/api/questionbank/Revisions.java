package vn.edu.lms.api.questionbank;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import vn.edu.lms.content.platform.LmsProblem;

/** A document's optimistic revision as an ETag, and back from If-Match. */
public final class Revisions {

    private Revisions() {
    }

    public static String etag(@Nullable Long revision) {
        return "\"" + (revision == null ? 0 : revision) + "\"";
    }

    /** The revision If-Match names, or null without If-Match; a 400 when it names none. */
    public static @Nullable Long expected(@Nullable String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "question-bad-if-match");
        }
    }
}
