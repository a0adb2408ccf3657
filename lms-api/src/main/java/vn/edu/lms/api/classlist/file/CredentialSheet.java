package vn.edu.lms.api.classlist.file;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a teacher prints and cuts into slips: each student's username and one-time password.
 *
 * @param yearLabel the school year as shown, "2026–2027"
 * @param entries   in the order to print (usually class-list order)
 */
public record CredentialSheet(String schoolName, String className, String yearLabel, List<Entry> entries) {

    public CredentialSheet {
        Objects.requireNonNull(schoolName, "schoolName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(yearLabel, "yearLabel");
        entries = List.copyOf(entries);
    }

    /**
     * One student.
     *
     * @param dateOfBirth     printed dd/MM/yyyy; null prints blank
     * @param oneTimePassword null = the student has already set their own password (printed as "Đã
     *                        đổi mật khẩu")
     */
    public record Entry(String fullName, @Nullable LocalDate dateOfBirth, String username,
        @Nullable String oneTimePassword) {

        public Entry {
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(username, "username");
        }

        /** Names and passwords must never reach a log. */
        @Override
        public String toString() {
            return "Entry[***]";
        }
    }

    /** Class and count only: names and passwords must never reach a log. */
    @Override
    public String toString() {
        return "CredentialSheet[className=" + className + ", entries=" + entries.size() + "]";
    }
}
