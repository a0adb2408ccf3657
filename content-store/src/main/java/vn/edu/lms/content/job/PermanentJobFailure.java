package vn.edu.lms.content.job;

/** A failure that another attempt cannot cure (a malformed file, a missing record): straight to the dead letter. */
public class PermanentJobFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermanentJobFailure(String reason) {
        super(reason);
    }

    public PermanentJobFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
