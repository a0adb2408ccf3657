package vn.edu.lms.api.questionbank;

import java.util.List;

/** Why a question cannot be used: a message code (in {@code i18n/api*.properties}) and its arguments. */
public record ContentProblem(String code, List<Object> args) {

    public ContentProblem(String code, Object... args) {
        this(code, List.of(args));
    }

    public ContentProblem {
        args = List.copyOf(args);
    }
}
