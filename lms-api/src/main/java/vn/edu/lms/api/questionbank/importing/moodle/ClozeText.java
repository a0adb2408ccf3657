package vn.edu.lms.api.questionbank.importing.moodle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import vn.edu.lms.api.questionbank.QuestionContent.Gap;
import vn.edu.lms.api.questionbank.importing.ImportProblem;

/**
 * The text of a Moodle "cloze" (multianswer) question: answers embedded as
 * {@code {1:SHORTANSWER:=Hà Nội~%50%Ha Noi#feedback}}, {@code {1:MULTICHOICE:=đúng~sai}} or
 * {@code {1:NUMERICAL:=5:0.1}}, each made a gap {@code {1}}, {@code {2}}, … in file order.
 */
record ClozeText(String text, List<Gap> gaps) {

    /** Only Moodle's own sub-question types, so that LaTeX braces are never taken for a gap. */
    private static final Pattern EMBEDDED = Pattern.compile(
        "\\{(\\d*):(SHORTANSWER_C|SHORTANSWER|SAC|SA|MWC|MW|NUMERICAL|NM|MULTICHOICE_[A-Z]+|MULTICHOICE|MC[A-Z]*"
            + "|MULTIRESPONSE_[A-Z]+|MULTIRESPONSE|MR[A-Z]*):((?:\\\\.|[^\\\\}])*)}");
    private static final Pattern PERCENT = Pattern.compile("%(-?\\d+(?:\\.\\d+)?)%");
    private static final BigDecimal FULL = BigDecimal.valueOf(100);

    ClozeText {
        gaps = List.copyOf(gaps);
    }

    /** @param html whether the question text is HTML, so that the embedded answers may hold entities ("H&agrave; N&#7897;i") */
    static ClozeText parse(String questionText, boolean html) {
        Matcher matcher = EMBEDDED.matcher(questionText);
        StringBuilder text = new StringBuilder();
        List<Gap> gaps = new ArrayList<>();
        while (matcher.find()) {
            String key = String.valueOf(gaps.size() + 1);
            gaps.add(gap(key, matcher.group(2), matcher.group(3), html));
            matcher.appendReplacement(text, Matcher.quoteReplacement("{" + key + "}"));
        }
        matcher.appendTail(text);
        if (gaps.isEmpty()) {
            throw BadQuestion.structure("câu điền khuyết không có ô trống nào dạng {1:SHORTANSWER:=…}");
        }
        return new ClozeText(text.toString(), gaps);
    }

    private static Gap gap(String key, String type, String answers, boolean html) {
        if (type.startsWith("MR") || type.startsWith("MULTIRESPONSE")) {
            // A gap takes one answer; "choose several" has no equivalent.
            throw new BadQuestion(new ImportProblem("import.unsupported-type", "cloze " + type));
        }
        boolean numerical = type.equals("NUMERICAL") || type.equals("NM");
        boolean caseSensitive = type.equals("SHORTANSWER_C") || type.equals("SAC") || type.equals("MWC");
        List<String> accepted = new ArrayList<>();
        for (String answer : split(answers, '~')) {
            String written = answer.strip();
            BigDecimal fraction = BigDecimal.ZERO;
            if (written.startsWith("=")) {
                fraction = FULL;
                written = written.substring(1);
            } else {
                Matcher percent = PERCENT.matcher(written);
                if (percent.lookingAt()) {
                    fraction = new BigDecimal(percent.group(1));
                    written = written.substring(percent.end());
                }
            }
            String value = unescaped(split(written, '#').get(0));
            if (html) {
                value = HtmlUtils.htmlUnescape(value.replaceAll("<[^>]*>", ""));
            }
            value = value.strip();
            if (fraction.compareTo(FULL) < 0 || value.isEmpty()) {
                continue;
            }
            if (numerical) {
                accepted.addAll(numberAsTyped(value.split(":")[0].strip()));
            } else {
                accepted.add(value);
            }
        }
        return new Gap(key, accepted, caseSensitive, true);
    }

    /**
     * A numerical gap is compared as text: the number as Moodle writes it and with the decimal comma
     * students write ("2.5" and "2,5"). A tolerance cannot be kept.
     */
    private static List<String> numberAsTyped(String value) {
        if (value.equals("*")) {
            return List.of();
        }
        return value.contains(".") ? List.of(value, value.replace('.', ',')) : List.of(value);
    }

    /** {@code written} cut at each {@code separator} not escaped by a backslash (escapes kept for {@link #unescaped}). */
    private static List<String> split(String written, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '\\' && i + 1 < written.length()) {
                part.append(c).append(written.charAt(++i));
            } else if (c == separator) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unescaped(String written) {
        return written.replaceAll("\\\\(.)", "$1");
    }
}
