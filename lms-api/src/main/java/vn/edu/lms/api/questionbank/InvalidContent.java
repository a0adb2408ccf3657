package vn.edu.lms.api.questionbank;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

import vn.edu.lms.content.platform.LmsProblem;

/** A 400 answer listing what is wrong with a question or a blueprint, one problem at a time. */
public class InvalidContent extends LmsProblem {

    private static final long serialVersionUID = 1L;

    private final transient List<ContentProblem> problems;

    /** @param slug  the problem type ({@code question-invalid}, {@code blueprint-invalid}) */
    public InvalidContent(String slug, List<ContentProblem> problems) {
        super(HttpStatus.BAD_REQUEST, slug, problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    /** This answer with each problem in the caller's language, as its {@code problems}. */
    public InvalidContent worded(MessageSource messages, Locale locale) {
        getBody().setProperty("problems", problems.stream()
            .map(problem -> Map.of("code", problem.code(), "message", Wording.message(messages, problem.code(), problem.args(), locale)))
            .toList());
        return this;
    }
}
