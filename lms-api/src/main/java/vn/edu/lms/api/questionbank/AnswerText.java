package vn.edu.lms.api.questionbank;

import java.util.List;
import java.util.Locale;

import vn.edu.lms.search.text.VietnameseText;

/**
 * How a typed answer is compared with the accepted ones: Unicode NFC, spaces trimmed and runs of
 * spaces made one; letter case ignored unless the question says it matters; diacritics compared
 * unless the question says they do not ("Ha Noi" for "Hà Nội").
 */
final class AnswerText {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private AnswerText() {
    }

    static boolean matchesAny(String given, List<String> accepted, boolean caseSensitive, boolean diacriticsSensitive) {
        String answer = comparable(given, caseSensitive, diacriticsSensitive);
        return !answer.isEmpty() && accepted.stream().anyMatch(one -> comparable(one, caseSensitive, diacriticsSensitive).equals(answer));
    }

    static String comparable(String text, boolean caseSensitive, boolean diacriticsSensitive) {
        String normal = VietnameseText.normalize(text).strip().replaceAll("\\s+", " ");
        if (!diacriticsSensitive) {
            normal = VietnameseText.fold(normal);
        }
        return caseSensitive ? normal : normal.toLowerCase(VIETNAMESE);
    }
}
