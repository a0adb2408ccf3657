package vn.edu.lms.api.assignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.edu.lms.content.library.PrivateFiles.PrivateFile;

/**
 * A student's work for one assignment ({@code _id} = assignment id + "/" + student id): every version
 * handed in, oldest first, and the grade. Each version is added by one atomic update guarded by
 * {@code versionCount}, acknowledged once the database has it.
 */
@Document("assignment_submissions")
public record Submission(
    @Id String id,
    String assignmentId,
    String classId,
    String studentId,
    int versionCount,
    List<Version> versions,
    @Nullable Grade grade) {

    public Submission {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    static String idOf(String assignmentId, String studentId) {
        return assignmentId + "/" + studentId;
    }

    public @Nullable Version latest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** One hand-in: its text, its files, when, and whether after the due time. */
    public record Version(@Nullable String text, List<PrivateFile> files, Instant submittedAt, boolean late) {

        public Version {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /**
     * The teacher's grade of one version.
     *
     * @param version       the version graded (1 for the first)
     * @param rawScore      the score before a late penalty
     * @param score         the score recorded (after the penalty); null for comment-only grading
     * @param rating        ĐẠT or CHƯA ĐẠT for comment-only grading
     * @param rubricPoints  the points of each rubric criterion, in the rubric's order
     * @param returned      whether the student (and their parents) may see it
     */
    public record Grade(int version, @Nullable BigDecimal rawScore, @Nullable BigDecimal score, @Nullable Rating rating,
            List<BigDecimal> rubricPoints, @Nullable String comment, String gradedBy, Instant gradedAt, boolean returned,
            @Nullable Instant returnedAt) {

        public Grade {
            rubricPoints = rubricPoints == null ? List.of() : List.copyOf(rubricPoints);
        }
    }

    /** Đạt / Chưa đạt, for work assessed by comment only. */
    public enum Rating {
        DAT, CHUA_DAT
    }
}
