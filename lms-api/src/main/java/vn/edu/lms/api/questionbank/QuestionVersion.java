package vn.edu.lms.api.questionbank;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One content version of a question, never changed once written; {@code id} is {@code questionId:version}. */
@Document("question_versions")
public record QuestionVersion(@Id String id, String questionId, int version, String editorId, String topic, CognitiveLevel level,
        QuestionContent content, Instant createdAt) {

    static String idOf(String questionId, int version) {
        return questionId + ":" + version;
    }
}
