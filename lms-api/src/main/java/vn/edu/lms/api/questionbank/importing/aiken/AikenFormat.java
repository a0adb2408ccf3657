package vn.edu.lms.api.questionbank.importing.aiken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionContent.Choice;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.RichText;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.TextFiles;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;
import vn.edu.lms.api.questionbank.importing.QuestionFormat;

/**
 * Aiken, UTF-8 with or without BOM: single-choice questions in plain text, each a question (one line
 * or several), its options {@code A.} or {@code A)} one per line, and {@code ANSWER: B}. A question
 * ends at its ANSWER line or at a blank line. Every question gets the topic and level of the import form.
 */
public final class AikenFormat implements QuestionFormat {

    private static final Pattern OPTION = Pattern.compile("([A-Z])[.)](?:\\s+(.*))?");
    private static final Pattern ANSWER = Pattern.compile("ANSWER\\s*:(.*)", Pattern.CASE_INSENSITIVE);
    /** Vietnamese teachers also write "Đáp án: B"; taken only after the options, where it cannot be question text. */
    private static final Pattern VIETNAMESE_ANSWER = Pattern.compile("(?:ĐÁP ÁN|DAP AN)\\s*:(.*)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ONE_LETTER = Pattern.compile("[A-Z]");

    public AikenFormat() {
    }

    @Override
    public String name() {
        return "AIKEN";
    }

    @Override
    public ParsedFile read(byte[] file, ImportDefaults defaults) {
        String text = TextFiles.utf8(file);
        if (text == null) {
            return ParsedFile.unreadable(new ImportProblem("import.unreadable-file", name()));
        }
        Reader reader = new Reader(defaults);
        for (String line : text.split("\n")) {
            reader.line(line.strip());
        }
        reader.endOfQuestion();
        if (reader.questions.isEmpty()) {
            return new ParsedFile(List.of(), Map.of(), List.of(new ImportProblem("import.empty-file")));
        }
        return new ParsedFile(reader.questions, Map.of(), List.of());
    }

    /** Reads line by line, keeping the question being read until its ANSWER line or a blank line ends it. */
    private static final class Reader {

        private final ImportDefaults defaults;
        private final List<ParsedQuestion> questions = new ArrayList<>();
        private final List<String> stem = new ArrayList<>();
        private final List<Choice> options = new ArrayList<>();

        Reader(ImportDefaults defaults) {
            this.defaults = defaults;
        }

        void line(String line) {
            if (line.isEmpty()) {
                endOfQuestion();
                return;
            }
            Matcher answer = ANSWER.matcher(line);
            Matcher vietnameseAnswer = VIETNAMESE_ANSWER.matcher(line);
            if (answer.matches() || !options.isEmpty() && vietnameseAnswer.matches()) {
                answered(answer.matches() ? answer.group(1) : vietnameseAnswer.group(1));
                return;
            }
            Matcher option = OPTION.matcher(line);
            // Options start at A: before it, "I. …" or "B) …" is still the question (a list, a reference).
            if (option.matches() && (!options.isEmpty() || option.group(1).equals("A"))) {
                String content = option.group(2) != null ? option.group(2).strip() : "";
                options.add(new Choice(option.group(1), RichText.ofPlainText(content)));
                return;
            }
            if (!options.isEmpty()) {
                // Question text after the options: the question before had no ANSWER line and this one begins.
                endOfQuestion();
            }
            stem.add(line);
        }

        /** A question ended without its ANSWER line (or nothing was being read). */
        void endOfQuestion() {
            if (stem.isEmpty() && options.isEmpty()) {
                return;
            }
            if (options.isEmpty()) {
                failed(badStructure("không có phương án A., B., …"));
            } else {
                failed(new ImportProblem("import.no-key"));
            }
        }

        private void answered(String written) {
            if (stem.isEmpty() && options.isEmpty()) {
                failed(badStructure("dòng ANSWER không thuộc câu hỏi nào"));
                return;
            }
            if (options.isEmpty()) {
                failed(badStructure("không có phương án A., B., …"));
                return;
            }
            if (stem.isEmpty()) {
                failed(badStructure("thiếu nội dung câu hỏi trước các phương án"));
                return;
            }
            // "ANSWER: b" and "ANSWER: B." mean B.
            String key = written.strip().toUpperCase(Locale.ROOT).replaceAll("[.)]$", "").strip();
            if (key.isEmpty()) {
                failed(new ImportProblem("import.no-key"));
                return;
            }
            if (!ONE_LETTER.matcher(key).matches()) {
                failed(badStructure("đáp án \"" + key + "\" phải là đúng một chữ cái A, B, C…"));
                return;
            }
            if (options.stream().noneMatch(option -> option.key().equals(key))) {
                failed(badStructure("đáp án " + key + " không có trong các phương án"));
                return;
            }
            // The options keep their letters and order: Vietnamese options often say "Cả A và B đều đúng".
            QuestionContent content = new QuestionContent.SingleChoice(RichText.ofPlainText(String.join("\n", stem)), options, key, true);
            int number = questions.size() + 1;
            questions.add(ParsedQuestion.of(number, label(number),
                new QuestionDraft(defaults.subjectCode(), defaults.grade(), defaults.topic(), defaults.level(), List.of(), content)));
            clear();
        }

        private void failed(ImportProblem problem) {
            int number = questions.size() + 1;
            questions.add(ParsedQuestion.failed(number, label(number), problem));
            clear();
        }

        private void clear() {
            stem.clear();
            options.clear();
        }

        private static String label(int number) {
            return "Câu " + number;
        }

        private static ImportProblem badStructure(String why) {
            return new ImportProblem("import.bad-structure", why);
        }
    }

    /** The file as text, without its BOM and with any line ending as {@code \n}; null when it is not UTF-8. */
}
