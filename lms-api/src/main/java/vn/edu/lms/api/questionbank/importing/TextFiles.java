package vn.edu.lms.api.questionbank.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/** Plain-text question files (GIFT, Aiken): UTF-8 only, so that no Vietnamese letter is ever guessed. */
public final class TextFiles {

    private static final char BOM = '\uFEFF';

    private TextFiles() {
    }

    /** The text without a byte-order mark and with every line ending made {@code \n}; null when it is not UTF-8. */
    public static @Nullable String utf8(byte[] file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
