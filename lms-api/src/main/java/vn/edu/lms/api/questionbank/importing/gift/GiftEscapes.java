package vn.edu.lms.api.questionbank.importing.gift;

/**
 * GIFT's backslash escapes. {@code \~ \= \# \{ \} \: \\} stand for the character itself and
 * {@code \n} for a line break, as Moodle reads them. While a question is taken apart its escaped
 * characters are hidden as private-use characters, so that only the unescaped ones are syntax;
 * they are revealed once the parts are known.
 */
final class GiftEscapes {

    private static final String ESCAPABLE = "\\~=#{}:";
    private static final char HIDDEN_FIRST = '\uE000';

    private GiftEscapes() {
    }

    /**
     * {@code raw} with every escaped character replaced by its hidden stand-in. A backslash before
     * any other character is kept, so LaTeX written with single backslashes ({@code \(x\)}) survives.
     */
    static String hide(String raw) {
        StringBuilder hidden = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(i + 1);
                int escapable = ESCAPABLE.indexOf(next);
                if (escapable >= 0) {
                    hidden.append((char) (HIDDEN_FIRST + escapable));
                    i++;
                    continue;
                }
                if (next == 'n') {
                    hidden.append('\n');
                    i++;
                    continue;
                }
            }
            hidden.append(c);
        }
        return hidden.toString();
    }

    /** {@code hidden} with the hidden stand-ins written back as the characters they stand for. */
    static String reveal(String hidden) {
        StringBuilder revealed = new StringBuilder(hidden.length());
        for (int i = 0; i < hidden.length(); i++) {
            char c = hidden.charAt(i);
            int escapable = c - HIDDEN_FIRST;
            revealed.append(escapable >= 0 && escapable < ESCAPABLE.length() ? ESCAPABLE.charAt(escapable) : c);
        }
        return revealed.toString();
    }
}
