package vn.edu.lms.api.questionbank;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Numbers as the 2025 answer sheet takes them (Phần III, trả lời ngắn): four boxes, each holding a
 * digit, the minus sign (first box only) or the decimal comma, so at most four characters:
 * "-1,5", "0,25", "2025". A point is taken for the comma, as keyboards type it.
 */
public final class AnswerSheetNumber {

    public static final int BOXES = 4;
    private static final Pattern SHAPE = Pattern.compile("-?\\d+(,\\d+)?");

    private AnswerSheetNumber() {
    }

    /** The number written, or null when it is no number or does not fit the four boxes. */
    public static @Nullable BigDecimal parse(@Nullable String written) {
        if (written == null) {
            return null;
        }
        String compact = written.strip().replace('.', ',').replace(" ", "");
        if (compact.length() > BOXES || !SHAPE.matcher(compact).matches()) {
            return null;
        }
        return new BigDecimal(compact.replace(',', '.'));
    }

    /** How {@code value} is written in the boxes ("-1,5"), or null when it cannot be. */
    public static @Nullable String write(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString().replace('.', ',');
        return plain.length() <= BOXES ? plain : null;
    }
}
