package vn.edu.lms.api.school;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A class (lớp) of one school year, named as the school names it ("5A", "7C3").
 *
 * @param homeroomTeacherId  the giáo viên chủ nhiệm's account, once assigned
 * @param subjectTeachers    who teaches which subject (môn học, by curriculum code) in this class
 * @param promotedFrom       last year's class it was rolled over from
 * @param closed             true once its students left it for good (a final-grade class after roll-over)
 */
@Document("classes")
public record SchoolClass(
    @Id String id,
    String schoolId,
    String yearId,
    int grade,
    String name,
    @Nullable String homeroomTeacherId,
    List<SubjectTeacher> subjectTeachers,
    @Nullable String promotedFrom,
    boolean closed,
    Instant createdAt,
    @Version @Nullable Long version) {

    public SchoolClass {
        subjectTeachers = List.copyOf(subjectTeachers);
    }

    /** Whether the account is this class's giáo viên chủ nhiệm. */
    public boolean hasHomeroomTeacher(String accountId) {
        return accountId.equals(homeroomTeacherId);
    }

    /** Whether the account teaches here: as homeroom teacher or for any subject. */
    public boolean isTaughtBy(String accountId) {
        return hasHomeroomTeacher(accountId)
            || subjectTeachers.stream().anyMatch(assignment -> assignment.teacherId().equals(accountId));
    }

    public Optional<String> teacherOf(String subjectCode) {
        return subjectTeachers.stream().filter(assignment -> assignment.subject().equals(subjectCode))
            .map(SubjectTeacher::teacherId).findFirst();
    }

    /** One subject's teacher in a class. */
    public record SubjectTeacher(String subject, String teacherId) {
    }
}
