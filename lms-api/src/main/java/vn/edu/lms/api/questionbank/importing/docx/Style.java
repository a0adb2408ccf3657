package vn.edu.lms.api.questionbank.importing.docx;

/** The direct formatting of a run of text that matters here: what HTML keeps and what marks a key. */
record Style(boolean bold, boolean italic, boolean underline, boolean red, boolean superscript, boolean subscript) {

    static final Style PLAIN = new Style(false, false, false, false, false, false);

    /** The ways teachers mark the right option or the true statements, in the order they are trusted. */
    enum Mark {
        UNDERLINE, RED, BOLD;

        boolean on(Style style) {
            return switch (this) {
                case UNDERLINE -> style.underline;
                case RED -> style.red;
                case BOLD -> style.bold;
            };
        }
    }
}
