package vn.edu.lms.api.questionbank.importing.qti;

import vn.edu.lms.api.questionbank.importing.ImportProblem;

/** A problem that refuses the whole file: nothing of it is imported. */
final class RefusedFile extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ImportProblem problem;

    RefusedFile(ImportProblem problem) {
        super(problem.code(), null, false, false);
        this.problem = problem;
    }

    static RefusedFile unreadable() {
        return new RefusedFile(new ImportProblem("import.unreadable-file", QtiFormat.NAME));
    }

    ImportProblem problem() {
        return problem;
    }
}
