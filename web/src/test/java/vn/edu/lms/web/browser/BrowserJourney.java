package vn.edu.lms.web.browser;

/** What the browser journeys share. */
final class BrowserJourney {

    /** The same as the authorization matrix's, so that the journeys run in its application context. */
    static final String PROPERTIES = "lms.security.sign-in.attempts-per-address=100000";

    private BrowserJourney() {
    }
}
