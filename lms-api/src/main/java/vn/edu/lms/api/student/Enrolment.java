package vn.edu.lms.api.student;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a student is during one school year, with every class they were in: one document per
 * student and year ({@code <studentId>@<yearId>}), so a move between classes is one atomic update
 * of one document and keeps its history.
 *
 * @param classId   the class the student is in now; null after they left the school
 * @param history   each stay in a class of this year, oldest first
 */
@Document("enrolments")
public record Enrolment(
    @Id String id,
    String studentId,
    String schoolId,
    String yearId,
    @Nullable String classId,
    List<Stay> history,
    @Nullable String importId,
    @Version @Nullable Long version) {

    public Enrolment {
        history = List.copyOf(history);
    }

    public static String idOf(String studentId, String yearId) {
        return studentId + "@" + yearId;
    }

    static Enrolment start(String studentId, String schoolId, String yearId, String classId, LocalDate day, Reason reason,
            @Nullable String importId) {
        return new Enrolment(idOf(studentId, yearId), studentId, schoolId, yearId, classId,
            List.of(new Stay(classId, day, null, reason, null)), importId, null);
    }

    /** The current stay ends on {@code day} for {@code reason}; the student is then in {@code nextClassId}, or nowhere. */
    Enrolment next(LocalDate day, Reason endReason, @Nullable String nextClassId, Reason joinReason) {
        List<Stay> stays = new ArrayList<>(history);
        if (classId != null) {
            Stay current = stays.remove(stays.size() - 1);
            stays.add(new Stay(current.classId(), current.from(), day, current.joined(), endReason));
        }
        if (nextClassId != null) {
            stays.add(new Stay(nextClassId, day, null, joinReason, null));
        }
        return new Enrolment(id, studentId, schoolId, yearId, nextClassId, stays, importId, version);
    }

    /** Why a stay in a class began or ended. */
    public enum Reason {
        /** Put in by a class-list import. */
        IMPORTED,
        /** Put in by an admin. */
        ENROLLED,
        /** Moved from another class of the same year (chuyển lớp). */
        MOVED,
        /** Carried up from last year's class at roll-over (lên lớp). */
        PROMOTED,
        /** Left the school (chuyển trường, thôi học). */
        LEFT,
        /** Finished the school's final grade. */
        GRADUATED
    }

    /** A stay in one class. */
    public record Stay(String classId, LocalDate from, @Nullable LocalDate until, Reason joined, @Nullable Reason left) {
    }
}
