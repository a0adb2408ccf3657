package vn.edu.lms.api.lesson.participation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One student's record of one lesson ({@code _id} = lesson id + "/" + student id, so there is only
 * ever one). Maps are keyed by the lesson block's id.
 *
 * @param videos     the 5-second slices of each video played ({@link WatchedVideo})
 * @param documents  when each document, e-book or link was first opened
 * @param quizzes    the practice quizzes done
 * @param attendance the live classes, as the teacher marked them
 */
@Document("lesson_participation")
public record Participation(
    @Id String id,
    String lessonId,
    String classId,
    String studentId,
    @Nullable Instant firstOpenedAt,
    @Nullable Instant lastOpenedAt,
    @Nullable Map<String, List<Integer>> videos,
    @Nullable Map<String, Instant> documents,
    @Nullable Map<String, QuizResult> quizzes,
    @Nullable Map<String, Attendance> attendance) {

    public Participation {
        videos = videos == null ? Map.of() : Map.copyOf(videos);
        documents = documents == null ? Map.of() : Map.copyOf(documents);
        quizzes = quizzes == null ? Map.of() : Map.copyOf(quizzes);
        attendance = attendance == null ? Map.of() : Map.copyOf(attendance);
    }

    static String idOf(String lessonId, String studentId) {
        return lessonId + "/" + studentId;
    }

    /** Whether the student did anything with the lesson at all. */
    public boolean started() {
        return firstOpenedAt != null || !videos.isEmpty() || !documents.isEmpty() || !quizzes.isEmpty();
    }

    /**
     * @param bestTenths  the best score in tenths (8.5 is 85), kept as a number so the best is kept by one atomic {@code $max}
     */
    public record QuizResult(int attempts, BigDecimal lastScore, int bestTenths, Instant lastAt) {

        public BigDecimal best() {
            return BigDecimal.valueOf(bestTenths, 1);
        }
    }

    public record Attendance(boolean present, String markedBy, Instant at) {
    }
}
