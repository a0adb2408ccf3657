package vn.edu.lms.api.questionbank;

import java.util.List;

/**
 * A question as written, before it is in the bank: from the editor or from an imported file.
 *
 * @param topic  chủ đề / bài (free text, as the school's blueprints name it)
 */
public record QuestionDraft(String subjectCode, int grade, String topic, CognitiveLevel level, List<String> tags, QuestionContent content) {

    public QuestionDraft {
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
        topic = topic == null ? "" : topic.strip();
    }
}
