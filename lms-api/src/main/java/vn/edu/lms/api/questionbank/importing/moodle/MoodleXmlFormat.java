package vn.edu.lms.api.questionbank.importing.moodle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ImportedImage;
import vn.edu.lms.api.questionbank.importing.ParsedFile;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;
import vn.edu.lms.api.questionbank.importing.QuestionFormat;

/**
 * Moodle XML, the {@code <quiz>} file Moodle's question bank exports. A category question names
 * the topic of the questions after it (the last part of its path); description questions are
 * text, not questions, and are skipped; types the bank has no equivalent of (calculated,
 * drag and drop, …) are reported as unsupported. A question's tags name its level when one is a
 * level ("Nhận biết", "VD"); the others stay tags.
 */
public final class MoodleXmlFormat implements QuestionFormat {

    private static final String NAME = "MOODLE_XML";

    public MoodleXmlFormat() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParsedFile read(byte[] file, ImportDefaults defaults) {
        Document document = SafeXml.parse(file);
        if (document == null || !document.getDocumentElement().getTagName().equals("quiz")) {
            return ParsedFile.unreadable(new ImportProblem("import.unreadable-file", "Moodle XML"));
        }
        List<ParsedQuestion> questions = new ArrayList<>();
        Map<String, ImportedImage> images = new LinkedHashMap<>();
        String topic = defaults.topic();
        int number = 0;
        for (Element question : SafeXml.children(document.getDocumentElement(), "question")) {
            String type = question.getAttribute("type").strip();
            if (type.equals("category")) {
                topic = topicOf(question, defaults);
                continue;
            }
            if (type.equals("description")) {
                continue;
            }
            number++;
            questions.add(read(question, type, number, topic, defaults, images));
        }
        if (questions.isEmpty()) {
            return new ParsedFile(List.of(), Map.of(), List.of(new ImportProblem("import.empty-file")));
        }
        return new ParsedFile(questions, images, List.of());
    }

    /** Adds the question's images to {@code images} only when it becomes a draft, so a failed one leaves none behind. */
    private static ParsedQuestion read(Element question, String type, int number, String topic, ImportDefaults defaults,
        Map<String, ImportedImage> images) {
        String label = labelOf(question, number);
        if (!MoodleQuestionReader.SUPPORTED.contains(type)) {
            return ParsedQuestion.failed(number, label, new ImportProblem("import.unsupported-type", type.isEmpty() ? "?" : type));
        }
        QuestionImages questionImages = new QuestionImages(question, number, images.keySet());
        QuestionContent content;
        try {
            content = new MoodleQuestionReader(question, questionImages).read(type);
        } catch (BadQuestion bad) {
            return ParsedQuestion.failed(number, label, bad.problem());
        }
        List<String> tags = new ArrayList<>();
        @Nullable CognitiveLevel level = null;
        for (Element tag : tagsOf(question)) {
            String text = SafeXml.text(tag).strip();
            CognitiveLevel named = level == null ? CognitiveLevel.ofLabel(text) : null;
            if (named != null) {
                level = named;
            } else {
                tags.add(text);
            }
        }
        images.putAll(questionImages.images());
        QuestionDraft draft = new QuestionDraft(defaults.subjectCode(), defaults.grade(), topic, level == null ? defaults.level() : level,
            tags, content);
        return new ParsedQuestion(number, label, draft, questionImages.problems());
    }

    private static List<Element> tagsOf(Element question) {
        Element tags = SafeXml.child(question, "tags");
        return tags == null ? List.of() : SafeXml.children(tags, "tag");
    }

    private static String labelOf(Element question, int number) {
        String name = SafeXml.childText(question, "name");
        return name.isEmpty() ? "Câu " + number : name;
    }

    /**
     * The last part of a category path ("$course$/top/Chương 1/Số hữu tỉ" names "Số hữu tỉ"); Moodle
     * writes a "/" inside a name as "//". A path that names only a context ("$course$/top") leaves
     * the default topic.
     */
    private static String topicOf(Element category, ImportDefaults defaults) {
        String path = SafeXml.childText(category, "category");
        @Nullable String last = null;
        for (String part : path.split("(?<!/)/(?!/)")) {
            String name = part.replace("//", "/").strip();
            if (!name.isEmpty()) {
                last = name;
            }
        }
        if (last == null || last.equals("top") || (last.startsWith("$") && last.endsWith("$"))) {
            return defaults.topic();
        }
        return last;
    }
}
