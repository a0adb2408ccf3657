package vn.edu.lms.api.classlist.file;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One student in an exported class list.
 *
 * @param number      the row's number in the list (STT)
 * @param dateOfBirth null prints blank
 * @param gender      as printed, "Nam" / "Nữ"; null prints blank
 * @param identifier  the personal identification number; null prints blank
 */
public record ClassListExportRow(int number, String fullName, @Nullable LocalDate dateOfBirth, @Nullable String gender,
    @Nullable String identifier, String username) {

    /** The number only: the rest is personal data. */
    @Override
    public String toString() {
        return "ClassListExportRow[number=" + number + "]";
    }
}
