package vn.edu.lms.api.assignment;

import java.util.List;

import org.springframework.http.HttpStatus;

import vn.edu.lms.content.platform.LmsProblem;

/** The problems assignments answer with, made in one place. */
final class AssignmentProblems {

    private AssignmentProblems() {
    }

    static LmsProblem notFound() {
        return new LmsProblem(HttpStatus.NOT_FOUND, "assignment-not-found");
    }

    static LmsProblem changed(HttpStatus status) {
        return new LmsProblem(status, "assignment-changed");
    }

    static LmsProblem attachmentsNotShared(List<String> itemIds) {
        LmsProblem problem = new LmsProblem(HttpStatus.CONFLICT, "assignment-attachments-not-shared", itemIds.size());
        problem.getBody().setProperty("items", itemIds);
        return problem;
    }
}
