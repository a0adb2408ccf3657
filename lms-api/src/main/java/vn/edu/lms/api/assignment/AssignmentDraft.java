package vn.edu.lms.api.assignment;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An assignment as its teacher writes it, before checking. */
public record AssignmentDraft(String subjectCode, String title, String instructions, List<String> attachmentIds, List<String> studentIds,
        Instant opensAt, Instant dueAt, @Nullable Instant cutOffAt, int latePenaltyPercent, Assignment.Grading grading,
        List<Assignment.Criterion> rubric, int maxFiles, int maxFileMegabytes, List<String> acceptedTypes) {

    public AssignmentDraft {
        attachmentIds = List.copyOf(attachmentIds);
        studentIds = List.copyOf(studentIds);
        rubric = List.copyOf(rubric);
        acceptedTypes = List.copyOf(acceptedTypes);
    }
}
