package vn.edu.lms.content.embedded;

/**
 * An embedded service could not start. The message is one line an operator can act on
 * (which service, which port or directory, what to do); the cause keeps the details for the log.
 */
public class EmbeddedServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedServiceException(String message) {
        super(message);
    }

    public EmbeddedServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
