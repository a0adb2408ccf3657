package vn.edu.lms.api.lesson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A lesson of a class's course in one subject. Students and parents see it once it is published
 * and its release time has come; its teachers see it always.
 *
 * @param version    optimistic-locking counter: every change is one guarded update of this document
 * @param grade      the class's grade (khối), which decides how a practice quiz is scored
 * @param topic      chủ đề, the heading the lesson sits under in the course
 * @param position   its place in the course; topics come in the order of their first lesson
 * @param releaseAt  when a published lesson opens to students; null for at once
 * @param announced  whether its students were told it is open (set once, by whoever sees it first)
 * @param copiedFrom the lesson this one was copied from
 */
@Document("lessons")
public record Lesson(
    @Id String id,
    @Version @Nullable Long version,
    String schoolId,
    String yearId,
    String classId,
    int grade,
    String subjectCode,
    String topic,
    String title,
    int position,
    List<LessonBlock> blocks,
    Status status,
    @Nullable Instant releaseAt,
    boolean announced,
    String authorId,
    @Nullable String copiedFrom,
    boolean archived,
    Instant createdAt,
    Instant updatedAt) {

    public Lesson {
        blocks = List.copyOf(blocks);
    }

    public enum Status {
        DRAFT, PUBLISHED
    }

    /** Whether students (and their parents) see it at {@code now}. */
    public boolean openToLearners(Instant now) {
        return !archived && status == Status.PUBLISHED && (releaseAt == null || !releaseAt.isAfter(now));
    }

    public Optional<LessonBlock> block(String blockId) {
        return blocks.stream().filter(block -> block.id().equals(blockId)).findFirst();
    }

    Lesson with(LessonDraft draft, List<LessonBlock> newBlocks, Instant now) {
        return new Lesson(id, version, schoolId, yearId, classId, grade, subjectCode, draft.topic(), draft.title(), draft.position(), newBlocks,
            status, releaseAt, announced, authorId, copiedFrom, archived, createdAt, now);
    }

    Lesson published(@Nullable Instant at, Instant now) {
        return new Lesson(id, version, schoolId, yearId, classId, grade, subjectCode, topic, title, position, blocks, Status.PUBLISHED, at,
            announced, authorId, copiedFrom, archived, createdAt, now);
    }

    Lesson unpublished(Instant now) {
        return new Lesson(id, version, schoolId, yearId, classId, grade, subjectCode, topic, title, position, blocks, Status.DRAFT, releaseAt,
            announced, authorId, copiedFrom, archived, createdAt, now);
    }

    Lesson archived(Instant now) {
        return new Lesson(id, version, schoolId, yearId, classId, grade, subjectCode, topic, title, position, blocks, status, releaseAt,
            announced, authorId, copiedFrom, true, createdAt, now);
    }
}
