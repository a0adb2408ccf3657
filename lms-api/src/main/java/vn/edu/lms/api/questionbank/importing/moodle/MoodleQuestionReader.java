package vn.edu.lms.api.questionbank.importing.moodle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.RichText;
import vn.edu.lms.api.questionbank.importing.ImportProblem;

/**
 * One {@code <question>} of a Moodle XML file made into the content of the bank's closest type.
 * Throws {@link BadQuestion} when it cannot be; the images it refers to are collected on the way.
 */
final class MoodleQuestionReader {

    /** The Moodle types read, by the {@code type} attribute of {@code <question>}. */
    static final Set<String> SUPPORTED = Set.of("multichoice", "truefalse", "shortanswer", "numerical", "matching", "ordering", "cloze",
        "essay");

    /** Moodle's cloze has one text and no separate instruction; the bank's cloze wants a stem. */
    static final String CLOZE_STEM = "Điền vào chỗ trống.";

    private static final BigDecimal FULL = BigDecimal.valueOf(100);

    private final Element question;
    private final QuestionImages images;
    /** Moodle's default for a field without {@code format}: the question text's format. */
    private final String questionTextFormat;

    MoodleQuestionReader(Element question, QuestionImages images) {
        this.question = question;
        this.images = images;
        Element questionText = SafeXml.child(question, "questiontext");
        String format = questionText == null ? "" : questionText.getAttribute("format");
        this.questionTextFormat = format.isEmpty() ? "html" : format;
    }

    QuestionContent read(String type) {
        switch (type) {
            case "multichoice":
                return multichoice();
            case "truefalse":
                return trueFalse();
            case "shortanswer":
                return shortAnswer();
            case "numerical":
                return numerical();
            case "matching":
                return matching();
            case "ordering":
                return ordering();
            case "cloze":
                return cloze();
            case "essay":
                return new QuestionContent.Essay(stem(), guidance());
            default:
                throw new BadQuestion(new ImportProblem("import.unsupported-type", type));
        }
    }

    private QuestionContent multichoice() {
        List<Element> answers = SafeXml.children(question, "answer");
        List<Choice> options = new ArrayList<>();
        List<String> right = new ArrayList<>();
        @Nullable String key = null;
        for (int i = 0; i < answers.size(); i++) {
            String optionKey = letter(i);
            options.add(new Choice(optionKey, richText(answers.get(i), questionTextFormat)));
            BigDecimal fraction = fraction(answers.get(i));
            if (fraction.signum() > 0) {
                right.add(optionKey);
            }
            if (key == null && fraction.compareTo(FULL) >= 0) {
                key = optionKey;
            }
        }
        boolean fixedOrder = isFalse(SafeXml.childText(question, "shuffleanswers"));
        // Moodle reads a missing <single> as true.
        if (!isFalse(SafeXml.childText(question, "single"))) {
            if (key == null) {
                throw new BadQuestion(new ImportProblem("import.no-key"));
            }
            return new QuestionContent.SingleChoice(stem(), options, key, fixedOrder);
        }
        if (right.isEmpty()) {
            throw new BadQuestion(new ImportProblem("import.no-key"));
        }
        return new QuestionContent.MultipleResponse(stem(), options, right, fixedOrder);
    }

    /** Moodle's true/false is a choice between two options, so it is one here (a group needs four statements). */
    private QuestionContent trueFalse() {
        for (Element answer : SafeXml.children(question, "answer")) {
            if (fraction(answer).compareTo(FULL) >= 0) {
                String says = SafeXml.text(answer).strip().toLowerCase(Locale.ROOT);
                @Nullable String key = says.equals("true") ? "A" : says.equals("false") ? "B" : null;
                if (key == null) {
                    throw BadQuestion.structure("đáp án đúng/sai phải là true hoặc false, không phải \"" + says + "\"");
                }
                return new QuestionContent.SingleChoice(stem(), List.of(new Choice("A", "Đúng"), new Choice("B", "Sai")), key, true);
            }
        }
        throw new BadQuestion(new ImportProblem("import.no-key"));
    }

    /** Accepted answers are what students type, so plain text as Moodle stores them. */
    private QuestionContent shortAnswer() {
        List<String> accepted = new ArrayList<>();
        for (Element answer : SafeXml.children(question, "answer")) {
            String text = SafeXml.text(answer).strip();
            if (fraction(answer).compareTo(FULL) >= 0 && !text.isEmpty()) {
                accepted.add(text);
            }
        }
        if (accepted.isEmpty()) {
            throw new BadQuestion(new ImportProblem("import.no-key"));
        }
        boolean caseSensitive = isTrue(SafeXml.childText(question, "usecase"));
        return new QuestionContent.ShortText(stem(), accepted, caseSensitive, true);
    }

    private QuestionContent numerical() {
        for (Element answer : SafeXml.children(question, "answer")) {
            String value = SafeXml.text(answer).strip();
            // "*" is Moodle's "any other answer", never the key.
            if (fraction(answer).compareTo(FULL) >= 0 && !value.equals("*")) {
                String tolerance = SafeXml.childText(answer, "tolerance");
                return new QuestionContent.ShortNumber(stem(), number(value, "đáp án số"),
                    tolerance.isEmpty() ? BigDecimal.ZERO : number(tolerance, "sai số"));
            }
        }
        throw new BadQuestion(new ImportProblem("import.no-key"));
    }

    /** Sub-questions with text are premises; one without text only adds a wrong answer to choose from. */
    private QuestionContent matching() {
        List<Choice> premises = new ArrayList<>();
        Map<String, String> responseKeyOfText = new LinkedHashMap<>();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Element subquestion : SafeXml.children(question, "subquestion")) {
            Element answer = SafeXml.child(subquestion, "answer");
            String answerText = answer == null ? "" : SafeXml.text(answer).strip();
            if (answerText.isEmpty()) {
                throw BadQuestion.structure("câu ghép nối có một vế không có câu trả lời");
            }
            String responseKey = responseKeyOfText.computeIfAbsent(answerText, text -> letter(responseKeyOfText.size()));
            String premise = richText(subquestion, questionTextFormat);
            if (!RichText.isBlank(premise)) {
                String premiseKey = String.valueOf(premises.size() + 1);
                premises.add(new Choice(premiseKey, premise));
                pairs.put(premiseKey, responseKey);
            }
        }
        // Moodle's matching answers are plain text.
        List<Choice> responses = responseKeyOfText.entrySet().stream()
            .map(response -> new Choice(response.getValue(), RichText.ofPlainText(response.getKey()))).toList();
        return new QuestionContent.Matching(stem(), premises, responses, pairs);
    }

    /** The ordering plugin lists the items in their right order. */
    private QuestionContent ordering() {
        List<Element> answers = SafeXml.children(question, "answer");
        List<Choice> items = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            items.add(new Choice(letter(i), richText(answers.get(i), "moodle_auto_format")));
        }
        return new QuestionContent.Ordering(stem(), items);
    }

    private QuestionContent cloze() {
        Element questionText = SafeXml.child(question, "questiontext");
        if (questionText == null) {
            throw BadQuestion.structure("câu hỏi không có <questiontext>");
        }
        boolean html = questionTextFormat.equals("html");
        ClozeText cloze = ClozeText.parse(SafeXml.text(questionText), html);
        String text = html ? images.rewrite(cloze.text(), questionText) : RichText.ofPlainText(cloze.text().strip());
        return new QuestionContent.Cloze(CLOZE_STEM, text, cloze.gaps());
    }

    private @Nullable String guidance() {
        Element graderInfo = SafeXml.child(question, "graderinfo");
        if (graderInfo == null) {
            return null;
        }
        String guidance = richText(graderInfo, questionTextFormat);
        return RichText.isBlank(guidance) ? null : guidance;
    }

    private String stem() {
        Element questionText = SafeXml.child(question, "questiontext");
        if (questionText == null) {
            throw BadQuestion.structure("câu hỏi không có <questiontext>");
        }
        return richText(questionText, "html");
    }

    /**
     * A text field as rich text: HTML is kept as written (the import sanitizes it) with its images
     * made {@code import:NAME}; Moodle's auto-format, plain text and Markdown are escaped.
     */
    private String richText(Element field, String defaultFormat) {
        String format = field.getAttribute("format");
        String text = SafeXml.text(field);
        if ((format.isEmpty() ? defaultFormat : format).equals("html")) {
            return images.rewrite(text.strip(), field);
        }
        return RichText.ofPlainText(text.strip());
    }

    private static BigDecimal fraction(Element answer) {
        String fraction = answer.getAttribute("fraction").strip();
        return fraction.isEmpty() ? BigDecimal.ZERO : number(fraction, "tỉ lệ điểm của đáp án");
    }

    private static BigDecimal number(String written, String what) {
        try {
            return new BigDecimal(written.strip());
        } catch (NumberFormatException e) {
            throw BadQuestion.structure(what + " \"" + written.strip() + "\" không phải là số");
        }
    }

    /** Moodle writes flags as 1/0 in new files and true/false in old ones. */
    private static boolean isFalse(String flag) {
        return flag.equals("0") || flag.equalsIgnoreCase("false");
    }

    private static boolean isTrue(String flag) {
        return flag.equals("1") || flag.equalsIgnoreCase("true");
    }

    /** A, B, … Z, then AA, AB, … as spreadsheets count. */
    static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int rest = index + 1; rest > 0; rest = (rest - 1) / 26) {
            letters.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return letters.toString();
    }
}
