package vn.edu.lms.api.questionbank;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question of the bank as it stands now: its current version's content and its catalogue data.
 * Every content version is also kept in {@link QuestionVersion}, and papers copy the version they
 * use, so editing a question never changes a test already given.
 *
 * @param revision   optimistic-locking counter of this document (any change)
 * @param version    the content version, 1 for the first; a new one for each content edit
 * @param topic      chủ đề / bài, as blueprints name their rows
 * @param type       the content's type, kept beside it for queries
 * @param sourceKey  fingerprint of the content, so that importing the same question twice adds it once
 */
@Document("questions")
public record Question(
    @Id String id,
    @Version @Nullable Long revision,
    int version,
    String schoolId,
    String authorId,
    String subjectCode,
    int grade,
    String topic,
    CognitiveLevel level,
    List<String> tags,
    QuestionType type,
    QuestionContent content,
    Sharing sharing,
    String sourceKey,
    boolean archived,
    Instant createdAt,
    Instant updatedAt) {

    public Question {
        tags = List.copyOf(tags);
    }

    /**
     * Where a question may be used: its school, or the whole district once appraised.
     * {@code PENDING} and {@code REJECTED} stay within the school.
     */
    public enum Sharing {
        SCHOOL, PENDING, DISTRICT, REJECTED
    }

    Question edited(int newVersion, String topic, CognitiveLevel level, List<String> tags, QuestionContent content, String sourceKey,
            Instant now) {
        return new Question(id, revision, newVersion, schoolId, authorId, subjectCode, grade, topic, level, tags, content.type(), content, sharing,
            sourceKey,
            archived, createdAt, now);
    }

    Question shared(Sharing newSharing, Instant now) {
        return new Question(id, revision, version, schoolId, authorId, subjectCode, grade, topic, level, tags, type, content, newSharing, sourceKey,
            archived, createdAt, now);
    }

    /** Out of the bank; its fingerprint set aside, so that the same question may be added again. */
    Question archived(Instant now) {
        return new Question(id, revision, version, schoolId, authorId, subjectCode, grade, topic, level, tags, type, content, sharing,
            sourceKey + ":archived:" + id, true, createdAt, now);
    }
}
