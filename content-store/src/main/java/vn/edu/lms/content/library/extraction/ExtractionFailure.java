package vn.edu.lms.content.library.extraction;

import java.util.Set;

/**
 * Why a file gave no extraction, as a stable slug the job records and the user is shown a message
 * for. All but {@link #TIMEOUT} and {@link #CRASHED} are properties of the file: trying the same
 * file again gives the same answer.
 */
public class ExtractionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file is password-protected. */
    public static final String ENCRYPTED = "encrypted";
    /** The file is damaged or is not what its type says. */
    public static final String MALFORMED = "malformed";
    /** The file expands far beyond its size (a compressed bomb or absurdly deep nesting). */
    public static final String ZIP_BOMB = "zip-bomb";
    /** Parsing took longer than {@code lms.extraction.timeout}. */
    public static final String TIMEOUT = "timeout";
    /** Parsing needed more than the child's heap ({@code lms.extraction.max-heap}). */
    public static final String OUT_OF_MEMORY = "out-of-memory";
    /** The structure nests so deeply that the parser ran out of stack. */
    public static final String TOO_DEEP = "too-deep";
    /** The child process died for another reason (killed, a JVM crash), or answered out of step. */
    public static final String CRASHED = "crashed";
    /** The file has no bytes. */
    public static final String EMPTY = "empty";

    static final Set<String> REASONS = Set.of(ENCRYPTED, MALFORMED, ZIP_BOMB, TIMEOUT, OUT_OF_MEMORY, TOO_DEEP, CRASHED, EMPTY);

    private final String reason;

    public ExtractionFailure(String reason) {
        // The message is the slug alone: no file name or content, which may be personal data.
        super("extraction failed: " + reason, null, false, false);
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown extraction failure reason " + reason);
        }
        this.reason = reason;
    }

    /** One of the slugs above. */
    public String reason() {
        return reason;
    }
}
