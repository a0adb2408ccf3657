package vn.edu.lms.api.student;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A student's record. Its id is the student's account id; the name lives with the account.
 *
 * @param identifier  mã định danh / mã học sinh: unique in the district, what a re-import matches on
 * @param importId    the class-list import that created it, so that import can be undone
 */
@Document("students")
public record Student(
    @Id String id,
    String schoolId,
    String identifier,
    LocalDate dateOfBirth,
    Gender gender,
    @Nullable String importId,
    Instant createdAt,
    @Version @Nullable Long version) {

    /** Giới tính, as the school's records give it. */
    public enum Gender {
        /** Nam. */
        MALE,
        /** Nữ. */
        FEMALE
    }

    /** Ids only: personal data never reaches a log. */
    @Override
    public String toString() {
        return "Student[id=" + id + ", schoolId=" + schoolId + "]";
    }
}
