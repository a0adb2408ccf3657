package vn.edu.lms.api.questionbank.importing;

import java.util.List;

/**
 * Why a file or a question of it cannot be imported: a message code of {@code i18n/api*.properties}
 * ({@code import.*}, or {@code question.*} for a malformed question) and its arguments.
 */
public record ImportProblem(String code, List<Object> args) {

    public ImportProblem(String code, Object... args) {
        this(code, List.of(args));
    }

    public ImportProblem {
        args = List.copyOf(args);
    }
}
