package vn.edu.lms.api.assignment;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An assignment of a class in one subject.
 *
 * @param instructions        sanitized rich text
 * @param attachmentIds       library items handed out with it, by reference
 * @param studentIds          the students it is for; empty for the whole class
 * @param cutOffAt            late submissions are accepted until then; null for none after the due time
 * @param latePenaltyPercent  taken off the score of a late submission (0 for none)
 * @param rubric              criteria graded one by one; empty to grade with one score
 * @param acceptedTypes       media types a file may have ({@code application/pdf}, {@code image/*})
 * @param announced           whether its students were told it opened (set once)
 */
@Document("assignments")
public record Assignment(
    @Id String id,
    @Version @Nullable Long version,
    String schoolId,
    String yearId,
    String classId,
    int grade,
    String subjectCode,
    String title,
    String instructions,
    List<String> attachmentIds,
    List<String> studentIds,
    Instant opensAt,
    Instant dueAt,
    @Nullable Instant cutOffAt,
    int latePenaltyPercent,
    Grading grading,
    List<Criterion> rubric,
    int maxFiles,
    int maxFileMegabytes,
    List<String> acceptedTypes,
    Status status,
    boolean announced,
    String authorId,
    boolean archived,
    Instant createdAt,
    Instant updatedAt) {

    public Assignment {
        attachmentIds = List.copyOf(attachmentIds);
        studentIds = List.copyOf(studentIds);
        rubric = List.copyOf(rubric);
        acceptedTypes = List.copyOf(acceptedTypes);
    }

    public enum Status {
        DRAFT, PUBLISHED
    }

    /** How work is graded: a score on the 10-point scale (from a rubric when it has one), or a comment-only rating. */
    public enum Grading {
        SCORE, COMMENT
    }

    /** One rubric criterion and the points it is worth. */
    public record Criterion(String name, java.math.BigDecimal maxPoints) {
    }

    /** Whether {@code studentId} is one it is for (the class's students are checked by the caller). */
    public boolean isFor(String studentId) {
        return studentIds.isEmpty() || studentIds.contains(studentId);
    }

    /** Whether its students see it at {@code now}. */
    public boolean openToLearners(Instant now) {
        return !archived && status == Status.PUBLISHED && !opensAt.isAfter(now);
    }

    Assignment published(Instant now) {
        return new Assignment(id, version, schoolId, yearId, classId, grade, subjectCode, title, instructions, attachmentIds, studentIds, opensAt,
            dueAt, cutOffAt, latePenaltyPercent, grading, rubric, maxFiles, maxFileMegabytes, acceptedTypes, Status.PUBLISHED, announced, authorId,
            archived, createdAt, now);
    }

    Assignment archived(Instant now) {
        return new Assignment(id, version, schoolId, yearId, classId, grade, subjectCode, title, instructions, attachmentIds, studentIds, opensAt,
            dueAt, cutOffAt, latePenaltyPercent, grading, rubric, maxFiles, maxFileMegabytes, acceptedTypes, status, announced, authorId, true,
            createdAt, now);
    }

    Assignment with(AssignmentDraft draft, String sanitizedInstructions, Instant now) {
        return new Assignment(id, version, schoolId, yearId, classId, grade, subjectCode, draft.title(), sanitizedInstructions,
            draft.attachmentIds(), draft.studentIds(), draft.opensAt(), draft.dueAt(), draft.cutOffAt(), draft.latePenaltyPercent(),
            draft.grading(), draft.rubric(), draft.maxFiles(), draft.maxFileMegabytes(), draft.acceptedTypes(), status, announced, authorId,
            archived, createdAt, now);
    }
}
