package vn.edu.lms.api.gradebook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One class's book for one subject and term ({@code _id} = class id : subject : term). Every change
 * of a cell is one atomic update of this document that also appends the change to {@code changes},
 * so the record of changes can never miss one; it only applies while the book is not locked.
 *
 * @param commentOnly     the subject is assessed by comment (Đạt / Chưa đạt), not scored
 * @param regularNeeded   the regular assessments (ĐĐGtx) the subject needs this term
 * @param cells           by student id, then column: {@code TX1}…{@code TXn}, {@code GK}, {@code CK}
 * @param sources         what feeds a column (an assignment, a counted practice quiz); tests feed GK and CK by their kind
 */
@Document("gradebooks")
public record Gradebook(
    @Id String id,
    @Version @Nullable Long version,
    String schoolId,
    String yearId,
    String classId,
    int grade,
    String subjectCode,
    int term,
    boolean commentOnly,
    int regularNeeded,
    int regularColumns,
    @Nullable Map<String, Map<String, Cell>> cells,
    @Nullable List<Source> sources,
    @Nullable List<Change> changes,
    boolean locked,
    Instant createdAt) {

    public Gradebook {
        cells = cells == null ? Map.of() : Map.copyOf(cells);
        sources = sources == null ? List.of() : List.copyOf(sources);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static String idOf(String classId, String subjectCode, int term) {
        return classId + ":" + subjectCode + ":" + term;
    }

    public static final String MID_TERM = "GK";
    public static final String END_OF_TERM = "CK";

    /** The columns in order: TX1…TXn, GK, CK. */
    public List<String> columns() {
        List<String> columns = new java.util.ArrayList<>();
        for (int i = 1; i <= regularColumns; i++) {
            columns.add("TX" + i);
        }
        columns.add(MID_TERM);
        columns.add(END_OF_TERM);
        return columns;
    }

    public @Nullable Cell cell(String studentId, String column) {
        Map<String, Cell> row = java.util.Objects.requireNonNull(cells).get(studentId);
        return row == null ? null : row.get(column);
    }

    /** Where a value came from. */
    public enum Origin {
        MANUAL, TEST, ASSIGNMENT, QUIZ
    }

    /**
     * One value: a score (one decimal) or, for a comment subject, Đạt (true) / Chưa đạt (false).
     *
     * @param sourceId  the test session, assignment or lesson it came from
     */
    public record Cell(@Nullable BigDecimal score, @Nullable Boolean achieved, Origin origin, @Nullable String sourceId, String by, Instant at) {
    }

    /**
     * A cell's entity tag, for {@code If-Match} on its PUT: when it was last written (to the
     * millisecond the store keeps), or {@code "empty"}. A page sends the tag it drew, so a value
     * changed by someone else in between is not overwritten unseen.
     */
    public static String tagOf(@Nullable Cell cell) {
        return "\"" + (cell == null ? "empty" : Long.toString(cell.at().toEpochMilli())) + "\"";
    }

    /** A column fed by an assignment or by a counted practice quiz (a lesson's block). */
    public record Source(String column, Origin kind, String refId, @Nullable String blockId) {
    }

    /** One change of one cell: who, when, from what to what, and why. */
    public record Change(String studentId, String column, @Nullable Cell before, @Nullable Cell after, @Nullable String reason, String by,
            Instant at) {
    }
}
