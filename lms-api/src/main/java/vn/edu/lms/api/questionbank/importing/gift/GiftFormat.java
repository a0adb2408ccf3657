package vn.edu.lms.api.questionbank.importing.gift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.TextFiles;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;
import vn.edu.lms.api.questionbank.importing.QuestionFormat;

/**
 * Moodle GIFT, UTF-8 with or without BOM. Questions are separated by blank lines; lines starting
 * with {@code //} are comments, of which {@code // level: Thông hiểu} names the level of the question
 * it stands in or before and {@code [tag:…]} adds tags; {@code $CATEGORY: a/b/c} makes its last
 * part the topic of the questions after it. How one question is read: {@link GiftQuestionReader}.
 */
public final class GiftFormat implements QuestionFormat {

    private static final Pattern CATEGORY = Pattern.compile("\\$CATEGORY:(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEVEL_COMMENT = Pattern.compile("//\\s*(?:level|mức độ|muc do)\\s*:\\s*(.*)",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TAG = Pattern.compile("\\[tag:([^\\]]+)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETED = Pattern.compile("[\\[(]([^\\])]+)[\\])]");
    /** Moodle's names for the roots of category paths, which name no topic. */
    private static final List<String> ROOT_CATEGORIES = List.of("top", "$course$", "$system$", "$module$", "$cat$", "$coursecategory$");

    public GiftFormat() {
    }

    @Override
    public String name() {
        return "GIFT";
    }

    @Override
    public ParsedFile read(byte[] file, ImportDefaults defaults) {
        String text = TextFiles.utf8(file);
        if (text == null) {
            return ParsedFile.unreadable(new ImportProblem("import.unreadable-file", name()));
        }
        List<ParsedQuestion> questions = new ArrayList<>();
        for (Paragraph paragraph : paragraphs(text, defaults.topic())) {
            questions.add(question(paragraph, questions.size() + 1, defaults));
        }
        if (questions.isEmpty()) {
            return new ParsedFile(List.of(), Map.of(), List.of(new ImportProblem("import.empty-file")));
        }
        return new ParsedFile(questions, Map.of(), List.of());
    }

    private static ParsedQuestion question(Paragraph paragraph, int number, ImportDefaults defaults) {
        GiftQuestionReader.Read read = GiftQuestionReader.read(paragraph.text());
        String label = read.title() != null ? read.title() : "Câu " + number;
        if (read.content() == null) {
            ImportProblem problem = read.problem() != null ? read.problem() : new ImportProblem("import.bad-structure", "không đọc được câu hỏi");
            return ParsedQuestion.failed(number, label, problem);
        }
        List<ImportProblem> problems = new ArrayList<>();
        CognitiveLevel level = null;
        if (paragraph.levelLabel() != null) {
            level = CognitiveLevel.ofLabel(paragraph.levelLabel());
            if (level == null) {
                // Written on purpose and not understood: say so rather than silently take the default.
                problems.add(new ImportProblem("import.unknown-level", paragraph.levelLabel()));
            }
        }
        if (level == null && read.title() != null) {
            level = levelOfTitle(read.title());
        }
        QuestionDraft draft = new QuestionDraft(defaults.subjectCode(), defaults.grade(), paragraph.topic(),
            level != null ? level : defaults.level(), paragraph.tags(), read.content());
        return new ParsedQuestion(number, label, draft, problems);
    }

    /** The level a title names, whole ("Thông hiểu") or in brackets ("Câu 3 (VD)", "[NB] Câu 1"); null when none. */
    private static @Nullable CognitiveLevel levelOfTitle(String title) {
        CognitiveLevel whole = CognitiveLevel.ofLabel(title);
        if (whole != null) {
            return whole;
        }
        Matcher bracketed = BRACKETED.matcher(title);
        while (bracketed.find()) {
            CognitiveLevel level = CognitiveLevel.ofLabel(bracketed.group(1));
            if (level != null) {
                return level;
            }
        }
        return null;
    }

    /**
     * The questions' paragraphs, with the topic, level and tags their category and comments give.
     * A level or tag comment standing alone before a question belongs to that question.
     */
    private static List<Paragraph> paragraphs(String text, String defaultTopic) {
        List<Paragraph> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String topic = defaultTopic;
        String levelLabel = null;
        List<String> tags = new ArrayList<>();
        for (String line : (text + "\n").split("\n", -1)) {
            String trimmed = line.strip();
            Matcher category = CATEGORY.matcher(trimmed);
            if (trimmed.startsWith("//")) {
                Matcher level = LEVEL_COMMENT.matcher(trimmed);
                if (level.matches() && !level.group(1).isBlank()) {
                    levelLabel = level.group(1).strip();
                }
                Matcher tag = TAG.matcher(trimmed);
                while (tag.find()) {
                    tags.add(tag.group(1));
                }
            } else if (category.matches() || trimmed.isEmpty()) {
                if (!current.toString().isBlank()) {
                    paragraphs.add(new Paragraph(current.toString(), topic, levelLabel, tags));
                    levelLabel = null;
                    tags = new ArrayList<>();
                }
                current.setLength(0);
                if (category.matches()) {
                    topic = topicOf(category.group(1), defaultTopic);
                }
            } else {
                current.append(line).append('\n');
            }
        }
        return paragraphs;
    }

    /** The last part of a category path ({@code $course$/Toán 7/Số hữu tỉ}); {@code //} is a slash within a name. */
    private static String topicOf(String path, String defaultTopic) {
        String[] parts = path.replace("//", "\u0000").split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i].replace('\u0000', '/').strip();
            if (!part.isEmpty()) {
                return ROOT_CATEGORIES.contains(part.toLowerCase(Locale.ROOT)) ? defaultTopic : part;
            }
        }
        return defaultTopic;
    }

    /** The file as text, without its BOM and with any line ending as {@code \n}; null when it is not UTF-8. */

    /** The text of one question and what the lines around it say of it. */
    private record Paragraph(String text, String topic, @Nullable String levelLabel, List<String> tags) {

        Paragraph {
            tags = List.copyOf(tags);
        }
    }
}
