package vn.edu.lms.api.classlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.edu.lms.api.student.Student;

/**
 * One class-list file on its way in. The database has no multi-document transactions, so the
 * import is all or nothing by design: every row is checked before anything is written (a file
 * with any problem stays {@link State#INVALID}); then everything written is tagged with this id,
 * under a lease the applying instance keeps renewing. An import found {@link State#APPLYING} with
 * its lease run out was interrupted (the process died): its tagged writes are removed and it
 * becomes {@link State#UNDONE}, ready to be applied again. An applied import can be undone too.
 *
 * @param classId     the one class a homeroom teacher imports into; null for a school-wide list
 * @param rows        the checked rows, in file order
 * @param problems    what is wrong, row by row; empty when the import may be applied
 * @param leaseUntil  while applying or undoing: the owner's lease, renewed as it works
 * @param failure     why the last attempt did not finish, if it did not
 */
@Document("class_list_imports")
record ClassListImport(
    @Id String id,
    String schoolId,
    String yearId,
    @Nullable String classId,
    String uploadedBy,
    String sha256,
    Instant createdAt,
    State state,
    List<Row> rows,
    List<RowProblem> problems,
    @Nullable Instant leaseUntil,
    @Nullable String owner,
    @Nullable String failure,
    @Version @Nullable Long version) {

    ClassListImport {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    enum State {
        /** Checked, nothing wrong, nothing written yet. */
        PREVIEWED,
        /** Checked, something wrong: it cannot be applied. */
        INVALID,
        /** Being written, under a lease. */
        APPLYING,
        /** Written, whole. */
        APPLIED,
        /** Its writes being removed, under a lease. */
        UNDOING,
        /** Nothing of it remains; it may be applied again (unless it was invalid). */
        UNDONE
    }

    /** What applying a row does. */
    enum Action {
        /** A new student: account, record and enrolment. */
        CREATE,
        /** A student the district already has (same identifier), not yet in a class this year: enrolled. */
        ENROL,
        /** Already in that class: nothing to do (importing the same file twice). */
        UNCHANGED
    }

    /** A checked row, ready to write. */
    record Row(int rowNumber, String fullName, LocalDate dateOfBirth, Student.Gender gender, String identifier, String classId,
            String className, Action action, String studentId, @Nullable String username) {
        @Override
        public String toString() {
            return "Row[" + rowNumber + ", " + action + "]";
        }
    }

    /**
     * Something wrong with a row (or, with row 0, with the file).
     *
     * @param column     the column's header as the file writes it
     * @param code       the message key suffix: {@code class-list.row.<code>}
     * @param arguments  filled into the message
     */
    record RowProblem(int row, String column, String code, List<String> arguments) {
    }

    ClassListImport with(State newState, @Nullable Instant lease, @Nullable String newOwner, @Nullable String newFailure) {
        return new ClassListImport(id, schoolId, yearId, classId, uploadedBy, sha256, createdAt, newState, rows, problems, lease,
            newOwner, newFailure, version);
    }
}
