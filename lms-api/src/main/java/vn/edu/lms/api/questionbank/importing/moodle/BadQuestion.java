package vn.edu.lms.api.questionbank.importing.moodle;

import vn.edu.lms.api.questionbank.importing.ImportProblem;

/** Why one question of the file cannot be made into a draft; reading goes on with the next. */
final class BadQuestion extends RuntimeException {

    private final ImportProblem problem;

    BadQuestion(ImportProblem problem) {
        super(problem.code(), null, false, false);
        this.problem = problem;
    }

    /** {@code import.bad-structure} with a short Vietnamese explanation. */
    static BadQuestion structure(String explanation) {
        return new BadQuestion(new ImportProblem("import.bad-structure", explanation));
    }

    ImportProblem problem() {
        return problem;
    }
}
