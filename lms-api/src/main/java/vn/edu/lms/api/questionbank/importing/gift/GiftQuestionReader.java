package vn.edu.lms.api.questionbank.importing.gift;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionContent.Gap;
import vn.edu.lms.api.questionbank.RichText;
import vn.edu.lms.api.questionbank.importing.ImportProblem;

/**
 * One GIFT question, its comments and category lines already taken away: its {@code ::title::},
 * its text and the answer block between braces, which says the type:
 * <ul>
 * <li>{@code {}} essay; {@code {T}} / {@code {F}} true or false (a single choice Đúng / Sai);
 * <li>{@code {#1.5:0.1}}, {@code {#1..2}} a number; {@code {=a -> 1 =b -> 2}} matching;
 * <li>{@code {=right ~wrong}} single choice; {@code {~%50%a ~%50%b ~%-100%c}} (no {@code =})
 * multiple response; {@code {=Hà Nội =Ha Noi}} short text.
 * </ul>
 * Text after the block makes it a missing-word question: the block's place is a gap.
 */
final class GiftQuestionReader {

    /** Where the answer block of a missing-word question stood, in a stem. */
    static final String BLANK = "_____";
    /** The stem of a cloze made of a missing-word short answer (the file's text becomes the cloze text). */
    static final String CLOZE_STEM = "Điền vào chỗ trống.";
    static final String TRUE_LABEL = "Đúng";
    static final String FALSE_LABEL = "Sai";

    private static final Pattern FORMAT = Pattern.compile("^\\[(html|moodle|plain|markdown)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRUE_FALSE = Pattern.compile("T|TRUE|F|FALSE", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final int MOST_LETTERS = 26;
    private static final Pattern MATH = Pattern.compile("\\\\\\(.*?\\\\\\)|\\\\\\[.*?\\\\]", Pattern.DOTALL);
    /** What a cloze reads as a gap ({@code {2}}), with the LaTeX command it may be an argument of. */
    private static final Pattern GAP_LIKE = Pattern.compile("(\\\\[A-Za-z]+)?\\{([A-Za-z0-9]{1,8})}");
    /** Commands whose argument is a name, which an added group would break. */
    private static final Set<String> NAME_ARGUMENTS = Set.of("\\begin", "\\end", "\\color", "\\textcolor", "\\colorbox");

    private GiftQuestionReader() {
    }

    /** A question read: its title (null when it has none) and its content, or why there is none. */
    record Read(@Nullable String title, @Nullable QuestionContent content, @Nullable ImportProblem problem) {
    }

    static Read read(String question) {
        String rest = GiftEscapes.hide(question).strip();
        String title = null;
        if (rest.startsWith("::")) {
            int end = rest.indexOf("::", 2);
            if (end < 0) {
                return new Read(null, null, badStructure("thiếu dấu :: đóng tên câu hỏi"));
            }
            String named = GiftEscapes.reveal(rest.substring(2, end)).strip();
            title = named.isEmpty() ? null : named;
            rest = rest.substring(end + 2).strip();
        }
        try {
            return new Read(title, content(rest), null);
        } catch (Unreadable unreadable) {
            return new Read(title, null, unreadable.problem);
        }
    }

    private static QuestionContent content(String question) throws Unreadable {
        String rest = question;
        // Moodle's default "moodle" format lets HTML through; a file without a prefix is typed by
        // hand, where "<" means less than, so it is taken as plain text.
        boolean html = false;
        Matcher format = FORMAT.matcher(rest);
        if (format.find()) {
            String name = format.group(1).toLowerCase(Locale.ROOT);
            html = name.equals("html") || name.equals("moodle");
            rest = rest.substring(format.end()).stripLeading();
        }
        Text text = new Text(html);

        int open = rest.indexOf('{');
        if (open < 0) {
            throw new Unreadable(new ImportProblem("import.unsupported-type", "mô tả (không có phần đáp án {…})"));
        }
        int close = rest.indexOf('}', open);
        if (close < 0) {
            throw new Unreadable(badStructure("thiếu dấu } đóng phần đáp án"));
        }
        int nested = rest.indexOf('{', open + 1);
        if (nested >= 0) {
            throw new Unreadable(badStructure(nested < close ? "dấu { mở hai lần; dấu { trong nội dung phải viết \\{"
                : "một câu chỉ có một phần đáp án {…}; dấu { trong nội dung phải viết \\{"));
        }
        if (rest.lastIndexOf('}', open) >= 0 || rest.indexOf('}', close + 1) >= 0) {
            throw new Unreadable(badStructure("thừa dấu }; dấu } trong nội dung phải viết \\}"));
        }
        String before = rest.substring(0, open);
        String after = rest.substring(close + 1);
        String answers = rest.substring(open + 1, close);
        int generalFeedback = answers.indexOf("####");
        if (generalFeedback >= 0) {
            answers = answers.substring(0, generalFeedback);
        }
        answers = answers.strip();
        Stem stem = new Stem(before, after, text);

        if (answers.isEmpty()) {
            return new QuestionContent.Essay(stem.joined(), null);
        }
        if (answers.startsWith("#")) {
            return number(stem, answers.substring(1).strip());
        }
        String withoutFeedback = withoutFeedback(answers).strip();
        if (TRUE_FALSE.matcher(withoutFeedback).matches()) {
            boolean statementIsTrue = withoutFeedback.toUpperCase(Locale.ROOT).startsWith("T");
            // Đúng before Sai always: shuffling two fixed words only confuses.
            return new QuestionContent.SingleChoice(stem.blanked(), List.of(new Choice("A", TRUE_LABEL), new Choice("B", FALSE_LABEL)),
                statementIsTrue ? "A" : "B", true);
        }
        List<Answer> parsed = answers(answers);
        boolean hasWrongOptions = parsed.stream().anyMatch(answer -> answer.marker() == '~');
        if (hasWrongOptions) {
            return choice(stem, parsed, text);
        }
        if (answers.contains("->")) {
            return matching(stem, parsed, text);
        }
        return shortText(stem, parsed, text);
    }

    private static QuestionContent choice(Stem stem, List<Answer> answers, Text text) throws Unreadable {
        if (answers.size() > MOST_LETTERS) {
            throw new Unreadable(badStructure("quá " + MOST_LETTERS + " phương án"));
        }
        List<Choice> options = new ArrayList<>();
        String single = null;
        int rightOnes = 0;
        List<String> positive = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String key = letter(i);
            options.add(new Choice(key, text.of(answer.text())));
            if (answer.marker() == '=') {
                single = key;
                rightOnes++;
            } else if (answer.weight() != null && answer.weight().signum() > 0) {
                positive.add(key);
            }
        }
        if (rightOnes > 1) {
            throw new Unreadable(badStructure("câu một lựa chọn đúng chỉ có một đáp án viết =; câu nhiều đáp án đúng viết ~%50%"));
        }
        // As in Moodle: one "=" makes a single choice; without one, the options of positive weight are the right ones.
        if (single != null) {
            return new QuestionContent.SingleChoice(stem.blanked(), options, single, false);
        }
        if (positive.isEmpty()) {
            throw new Unreadable(new ImportProblem("import.no-key"));
        }
        return new QuestionContent.MultipleResponse(stem.blanked(), options, positive, false);
    }

    private static QuestionContent matching(Stem stem, List<Answer> answers, Text text) throws Unreadable {
        List<Choice> premises = new ArrayList<>();
        // Premises with the same match share one response, as Moodle shows them.
        Map<String, String> responseKeys = new LinkedHashMap<>();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Answer answer : answers) {
            int arrow = answer.text().indexOf("->");
            if (arrow < 0) {
                throw new Unreadable(badStructure("mỗi cặp ghép nối viết =vế trái -> vế phải"));
            }
            String premise = answer.text().substring(0, arrow).strip();
            String response = answer.text().substring(arrow + 2).strip();
            if (!responseKeys.containsKey(response)) {
                if (responseKeys.size() == MOST_LETTERS) {
                    throw new Unreadable(badStructure("quá " + MOST_LETTERS + " vế phải"));
                }
                responseKeys.put(response, letter(responseKeys.size()));
            }
            // "= -> x" adds a response that matches nothing, to mislead.
            if (!premise.isEmpty()) {
                String key = String.valueOf(premises.size() + 1);
                premises.add(new Choice(key, text.of(premise)));
                pairs.put(key, responseKeys.get(response));
            }
        }
        List<Choice> responses = responseKeys.entrySet().stream().map(entry -> new Choice(entry.getValue(), text.of(entry.getKey()))).toList();
        return new QuestionContent.Matching(stem.joined(), premises, responses, pairs);
    }

    private static QuestionContent shortText(Stem stem, List<Answer> answers, Text text) throws Unreadable {
        // Answers of partial credit (=%50%…) have no place in a short answer: only the full ones are accepted.
        List<String> accepted = answers.stream().filter(answer -> answer.weight() == null || answer.weight().compareTo(HUNDRED) >= 0)
            .map(answer -> GiftEscapes.reveal(answer.text()).strip()).toList();
        if (accepted.isEmpty()) {
            throw new Unreadable(new ImportProblem("import.no-key"));
        }
        if (stem.missingWord()) {
            return new QuestionContent.Cloze(CLOZE_STEM, stem.withClozeGap("{1}"), List.of(new Gap("1", accepted, false, true)));
        }
        return new QuestionContent.ShortText(stem.joined(), accepted, false, true);
    }

    private static QuestionContent number(Stem stem, String answers) throws Unreadable {
        String chosen;
        if (answers.startsWith("=")) {
            // Several answers ({#=1.5:0.1 =%50%1.5:0.5}): the one of full credit is the key.
            chosen = answers(answers).stream().filter(answer -> answer.weight() == null || answer.weight().compareTo(HUNDRED) >= 0)
                .map(Answer::text).findFirst().orElse("");
        } else {
            chosen = withoutFeedback(answers).strip();
        }
        if (chosen.isEmpty()) {
            throw new Unreadable(new ImportProblem("import.no-key"));
        }
        BigDecimal value;
        BigDecimal tolerance;
        int range = chosen.indexOf("..");
        int colon = chosen.indexOf(':');
        if (range >= 0) {
            BigDecimal low = number(chosen.substring(0, range), "đáp án");
            BigDecimal high = number(chosen.substring(range + 2), "đáp án");
            if (low.compareTo(high) > 0) {
                BigDecimal swap = low;
                low = high;
                high = swap;
            }
            value = low.add(high).divide(TWO);
            tolerance = high.subtract(low).divide(TWO);
        } else if (colon >= 0) {
            value = number(chosen.substring(0, colon), "đáp án");
            tolerance = number(chosen.substring(colon + 1), "sai số");
        } else {
            value = number(chosen, "đáp án");
            tolerance = BigDecimal.ZERO;
        }
        return new QuestionContent.ShortNumber(stem.blanked(), value, tolerance);
    }

    /** The answers of a block, each from its {@code =} or {@code ~} to the next. */
    private static List<Answer> answers(String block) throws Unreadable {
        char first = block.charAt(0);
        if (first != '=' && first != '~') {
            throw new Unreadable(badStructure("mỗi đáp án bắt đầu bằng = (đúng) hoặc ~ (sai)"));
        }
        List<Answer> answers = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= block.length(); i++) {
            if (i == block.length() || block.charAt(i) == '=' || block.charAt(i) == '~') {
                answers.add(answer(block.charAt(start), block.substring(start + 1, i)));
                start = i;
            }
        }
        return answers;
    }

    private static Answer answer(char marker, String body) throws Unreadable {
        String rest = body.strip();
        BigDecimal weight = null;
        if (rest.startsWith("%")) {
            int end = rest.indexOf('%', 1);
            if (end < 0) {
                throw new Unreadable(badStructure("thiếu dấu % đóng tỉ lệ điểm"));
            }
            weight = number(rest.substring(1, end), "tỉ lệ điểm");
            rest = rest.substring(end + 1);
        }
        return new Answer(marker, weight, withoutFeedback(rest).strip());
    }

    private static String withoutFeedback(String answer) {
        int feedback = answer.indexOf('#');
        return feedback < 0 ? answer : answer.substring(0, feedback);
    }

    private static BigDecimal number(String hidden, String what) throws Unreadable {
        String written = GiftEscapes.reveal(hidden).strip();
        try {
            // A decimal comma, as Vietnamese write numbers, is taken for the point.
            return new BigDecimal(written.replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            throw new Unreadable(badStructure(what + " \"" + written + "\" không phải là số"));
        }
    }

    /**
     * A cloze takes every {@code {2}} of its text for a gap, {@code \frac{1}{2}} too. Inside LaTeX such
     * a group gets an empty group added, {@code \frac{1{}}{2{}}}, which renders the same.
     */
    static String withoutGapLikeBraces(String richText) {
        return MATH.matcher(richText).replaceAll(math -> Matcher.quoteReplacement(GAP_LIKE.matcher(math.group()).replaceAll(group -> {
            String command = group.group(1) != null ? group.group(1) : "";
            return Matcher.quoteReplacement(NAME_ARGUMENTS.contains(command) ? group.group() : command + "{" + group.group(2) + "{}}");
        })));
    }

    private static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    private static ImportProblem badStructure(String why) {
        return new ImportProblem("import.bad-structure", why);
    }

    /** One answer of a block: {@code =} or {@code ~}, its {@code %weight%} if any, its text without feedback (escapes hidden). */
    private record Answer(char marker, @Nullable BigDecimal weight, String text) {
    }

    /** How the file's text becomes rich text: HTML as written (the import sanitizes it), anything else escaped. */
    private record Text(boolean html) {

        String of(String hidden) {
            String revealed = GiftEscapes.reveal(hidden);
            return html ? revealed : RichText.ofPlainText(revealed);
        }
    }

    /** The question's text around its answer block. */
    private record Stem(String before, String after, Text text) {

        boolean missingWord() {
            return !after.isBlank();
        }

        /** The text with the block's place marked, when words follow it. */
        String blanked() {
            return missingWord() ? withGap(BLANK) : text.of(before.strip());
        }

        String withGap(String gap) {
            return text.of(before.stripLeading()) + gap + text.of(after.stripTrailing());
        }

        /** The text with a cloze gap where the block was, its LaTeX kept from reading as more gaps. */
        String withClozeGap(String gap) {
            return withoutGapLikeBraces(text.of(before.stripLeading())) + gap + withoutGapLikeBraces(text.of(after.stripTrailing()));
        }

        /** The text before and after the block as one (a gap means nothing to an essay or a matching). */
        String joined() {
            return text.of((before.strip() + " " + after.strip()).strip());
        }
    }

    /** Why a question cannot be read; caught per question, so that the others are still read. */
    private static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient ImportProblem problem;

        Unreadable(ImportProblem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }
}
