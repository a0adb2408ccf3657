package vn.edu.lms.api.questionbank;

import java.util.List;

import org.springframework.http.HttpStatus;

import vn.edu.lms.content.platform.LmsProblem;

/** A 400 answer listing what is wrong with a question; the controller words each problem. */
public class InvalidQuestion extends LmsProblem {

    private static final long serialVersionUID = 1L;

    private final transient List<ContentProblem> problems;

    private InvalidQuestion(List<ContentProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "question-invalid", problems.size());
        this.problems = List.copyOf(problems);
    }

    static InvalidQuestion of(List<ContentProblem> problems) {
        return new InvalidQuestion(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
