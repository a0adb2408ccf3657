package vn.edu.lms.api.gradebook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.edu.lms.api.gradebook.rules.Tt27YearResult;

/**
 * A primary class's book for one subject (Thông tư 27/2020), for the whole year ({@code _id} =
 * class id : subject): per student and periodic assessment, the subject's rating with the teacher's
 * comment and, where the Thông tư has a periodic test, its score (a whole number 1–10). Changes are
 * appended to {@code changes} in the same atomic update, and refused for a locked term
 * ({@code lockedTerms}).
 */
@Document("primary_books")
public record PrimaryBook(
    @Id String id,
    @Version @Nullable Long version,
    String schoolId,
    String yearId,
    String classId,
    int grade,
    String subjectCode,
    @Nullable Map<String, Map<String, Entry>> entries,
    @Nullable List<Change> changes,
    @Nullable List<Integer> lockedTerms,
    Instant createdAt) {

    public PrimaryBook {
        entries = entries == null ? Map.of() : Map.copyOf(entries);
        changes = changes == null ? List.of() : List.copyOf(changes);
        lockedTerms = lockedTerms == null ? List.of() : List.copyOf(lockedTerms);
    }

    public static String idOf(String classId, String subjectCode) {
        return classId + ":" + subjectCode;
    }

    public @Nullable Entry entry(String studentId, PrimaryPeriod period) {
        Map<String, Entry> row = java.util.Objects.requireNonNull(entries).get(studentId);
        return row == null ? null : row.get(period.name());
    }

    /** One periodic assessment: the rating (HTT, HT, CHT), the comment and, for a tested subject, the test's score. */
    public record Entry(Tt27YearResult.@Nullable SubjectRating rating, @Nullable String comment, @Nullable Integer score, String by, Instant at) {
    }

    public record Change(String studentId, PrimaryPeriod period, @Nullable Entry before, @Nullable Entry after, @Nullable String reason, String by,
            Instant at) {
    }
}
