package vn.edu.lms.api.spreadsheet;

/**
 * Neutralises text that a spreadsheet would run as a formula (OWASP "CSV injection"): a name typed
 * as {@code =HYPERLINK(...)} must print as text, not become a link or a command.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** A value starting with = + - @ tab or CR gets a leading apostrophe; others are returned as they are. */
    public static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        switch (value.charAt(0)) {
            case '=':
            case '+':
            case '-':
            case '@':
            case '\t':
            case '\r':
                return "'" + value;
            default:
                return value;
        }
    }
}
