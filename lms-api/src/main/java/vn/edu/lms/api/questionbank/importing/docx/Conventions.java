package vn.edu.lms.api.questionbank.importing.docx;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.search.text.VietnameseText;

/**
 * How the paragraphs of a test are told apart (the convention of {@code docs/docx-import.md}).
 * Headings are matched on folded text, so "PHAN II", "Phần II" and "PHẦN II" are alike; folding
 * keeps positions, so offsets found in it are offsets of the text.
 */
final class Conventions {

    /** "Câu 1." "Câu 1:" "Câu 1 ." and a level right after the number, "Câu 3 (NB):". */
    private static final Pattern QUESTION = Pattern.compile("^\\s*cau\\s*(\\d{1,3})\\s*(?:[(\\[]([^)\\]]{1,24})[)\\]]\\s*)?[.:]");
    /** A level in brackets, "(NB)" "[Thông hiểu]". */
    private static final Pattern LEVEL_FIRST = Pattern.compile("^\\s*[(\\[]([^)\\]]{1,24})[)\\]]");
    private static final Pattern LEVEL_LAST = Pattern.compile("[(\\[]([^)\\]]{1,24})[)\\]]\\s*$");
    private static final Pattern PART = Pattern.compile("^\\s*phan\\s+(iv|iii|ii|i|[1-4])\\b");
    private static final Pattern UNNUMBERED_PART = Pattern.compile("^\\s*(?:(?:[ivx]+|[ab])\\s*[.:]\\s*)?(trac nghiem|tu luan)\\b");
    /**
     * "ĐÁP ÁN", "BẢNG ĐÁP ÁN", "ĐÁP ÁN VÀ HƯỚNG DẪN CHẤM", "ĐÁP ÁN PHẦN I"; not "Đáp án: B" (a
     * question's own key) nor a stem that starts with the words ("Đáp án nào sau đây…").
     */
    private static final Pattern KEY_HEADING = Pattern.compile(
        "^\\s*(?:bang\\s+dap\\s+an\\b|dap\\s+an(?:\\s*[:.]?\\s*$|\\s+(?:va|phan|de|ma|trac|tu|chi|tham|cac|bai|kiem)\\b))");
    private static final Pattern INLINE_KEY = Pattern.compile("^\\s*dap\\s+an\\s*:");
    /** "Lời giải", "Hướng dẫn chấm"; the shorter "Hướng dẫn:", "Gợi ý:", "Giải:" only with their colon ("Giải phương trình…" is a stem). */
    private static final Pattern SOLUTION = Pattern.compile(
        "^\\s*(?:(?:huong\\s+dan\\s+cham|huong\\s+dan\\s+giai|loi\\s+giai)\\b\\s*[:.]?|(?:huong\\s+dan|goi\\s+y|giai)\\s*[:.])");
    private static final Pattern GUIDANCE = Pattern.compile("^\\s*huong\\s+dan\\s+cham\\s*[:.]?");
    /** "A." "B)" at the start of a line; later options of the line follow white space. */
    static final Pattern OPTION = Pattern.compile("([A-J])\\s?[.)]");
    private static final Pattern STATEMENT = Pattern.compile("^\\s*([a-h])\\s?[).]");

    private Conventions() {
    }

    static String folded(String text) {
        return VietnameseText.fold(text).toLowerCase(Locale.ROOT);
    }

    /** A question's first line: its number, the offset where its stem starts, its level mark if any. */
    record QuestionStart(int number, int stemFrom, @Nullable String levelLabel) {
    }

    static @Nullable QuestionStart questionStart(String plain) {
        Matcher matcher = QUESTION.matcher(folded(plain));
        if (!matcher.find()) {
            return null;
        }
        String label = matcher.group(2) == null ? null : plain.substring(matcher.start(2), matcher.end(2));
        int stemFrom = matcher.end();
        if (label == null) {
            Matcher after = LEVEL_FIRST.matcher(plain.substring(stemFrom));
            if (after.find() && vn.edu.lms.api.questionbank.CognitiveLevel.ofLabel(after.group(1)) != null) {
                label = after.group(1);
                stemFrom += after.end();
            }
        }
        return new QuestionStart(Integer.parseInt(matcher.group(1)), stemFrom, label);
    }

    /** The offset where a level mark at the end of a line starts, or -1. */
    static int levelAtEnd(String plain) {
        Matcher matcher = LEVEL_LAST.matcher(plain);
        return matcher.find() && vn.edu.lms.api.questionbank.CognitiveLevel.ofLabel(matcher.group(1)) != null ? matcher.start() : -1;
    }

    static @Nullable String levelLabelAtEnd(String plain) {
        Matcher matcher = LEVEL_LAST.matcher(plain);
        return matcher.find() ? matcher.group(1) : null;
    }

    static @Nullable Part part(String plain) {
        String folded = folded(plain);
        Matcher numbered = PART.matcher(folded);
        if (numbered.find()) {
            String numeral = numbered.group(1).toUpperCase(Locale.ROOT);
            return new Part(roman(numeral), kindNamed(folded, kindOfNumeral(roman(numeral))));
        }
        Matcher unnumbered = UNNUMBERED_PART.matcher(folded);
        // "B. TỰ LUẬN" must not be taken for option B of a question: such headings are in capitals.
        if (unnumbered.find() && plain.substring(unnumbered.start(1), unnumbered.end(1)).equals(
            plain.substring(unnumbered.start(1), unnumbered.end(1)).toUpperCase(Locale.ROOT))) {
            return new Part(null, "tu luan".equals(unnumbered.group(1)) ? Kind.ESSAY : Kind.SINGLE_CHOICE);
        }
        return null;
    }

    // What the heading says wins over its number: older tests have "PHẦN II. TỰ LUẬN".
    private static Kind kindNamed(String folded, Kind byNumber) {
        if (folded.contains("tu luan")) {
            return Kind.ESSAY;
        }
        if (folded.matches("(?s).*\\bdung\\s*(?:[-/]|hoac)?\\s*sai\\b.*")) {
            return Kind.TRUE_FALSE;
        }
        if (folded.contains("tra loi ngan")) {
            return Kind.SHORT_ANSWER;
        }
        if (folded.contains("nhieu phuong an") || folded.contains("nhieu lua chon")) {
            return Kind.SINGLE_CHOICE;
        }
        return byNumber;
    }

    private static String roman(String numeral) {
        return switch (numeral) {
            case "1" -> "I";
            case "2" -> "II";
            case "3" -> "III";
            case "4" -> "IV";
            default -> numeral;
        };
    }

    private static Kind kindOfNumeral(String roman) {
        return switch (roman) {
            case "II" -> Kind.TRUE_FALSE;
            case "III" -> Kind.SHORT_ANSWER;
            case "IV" -> Kind.ESSAY;
            default -> Kind.SINGLE_CHOICE;
        };
    }

    private static final Pattern PART_ANYWHERE = Pattern.compile("\\bphan\\s+(iv|iii|ii|i|[1-4])\\b");

    /** The numeral of "Phần II" anywhere in a line ("ĐÁP ÁN PHẦN II"), or null. */
    static @Nullable String partNumeralIn(String plain) {
        Matcher matcher = PART_ANYWHERE.matcher(folded(plain));
        return matcher.find() ? roman(matcher.group(1).toUpperCase(Locale.ROOT)) : null;
    }

    /**
     * Whether the line starts the key section. "BẢNG ĐÁP ÁN" always does; "Đáp án" only as a heading
     * is written, in capitals or bold, since the section runs to the end of the document.
     */
    static boolean keyHeading(Line line) {
        String plain = line.plain();
        Matcher matcher = KEY_HEADING.matcher(folded(plain));
        if (!matcher.find()) {
            return false;
        }
        String words = plain.substring(0, matcher.end()).strip();
        return folded(words).startsWith("bang") || words.equals(words.toUpperCase(Locale.ROOT)) || line.marked(Style.Mark.BOLD);
    }

    /** The text after "Đáp án:", or null when the line is no such line. */
    static @Nullable String inlineKey(String plain) {
        Matcher matcher = INLINE_KEY.matcher(folded(plain));
        return matcher.find() ? plain.substring(matcher.end()).strip() : null;
    }

    /** The offset after "Lời giải", "Hướng dẫn chấm"… when the line starts a solution or guidance, else -1. */
    static int solutionStart(String plain) {
        Matcher matcher = SOLUTION.matcher(folded(plain));
        return matcher.find() ? matcher.end() : -1;
    }

    static boolean guidance(String plain) {
        return GUIDANCE.matcher(folded(plain)).find();
    }

    /** The key of a statement "a)" starting the line, or null. */
    static @Nullable String statement(String plain) {
        Matcher matcher = STATEMENT.matcher(plain);
        return matcher.find() ? matcher.group(1) : null;
    }

    static int statementEnd(String plain) {
        Matcher matcher = STATEMENT.matcher(plain);
        return matcher.find() ? matcher.end() : 0;
    }
}
