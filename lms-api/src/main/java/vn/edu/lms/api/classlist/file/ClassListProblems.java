package vn.edu.lms.api.classlist.file;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import vn.edu.lms.content.platform.LmsProblem;

/** The problems a class-list file can have; texts in i18n/api*.properties. */
final class ClassListProblems {

    private ClassListProblems() {
    }

    static LmsProblem unreadable(@Nullable Throwable cause) {
        return new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "class-list-unreadable", cause);
    }

    static LmsProblem notUtf8(@Nullable Throwable cause) {
        return new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "class-list-not-utf8", cause);
    }

    static LmsProblem noHeader() {
        return new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "class-list-no-header");
    }

    static LmsProblem missingColumn(Column column) {
        return new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "class-list-missing-column",
            HeaderLabels.vietnamese(column));
    }

    static LmsProblem tooManyRows(int maxRows) {
        return new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "class-list-too-many-rows", maxRows);
    }
}
