package vn.edu.lms.api.lesson;

import java.util.List;

import org.springframework.http.HttpStatus;

import vn.edu.lms.content.platform.LmsProblem;

/** The problems lessons answer with, made in one place. */
final class LessonProblems {

    private LessonProblems() {
    }

    static LmsProblem notFound() {
        return new LmsProblem(HttpStatus.NOT_FOUND, "lesson-not-found");
    }

    /** Someone saved the lesson in between: 409 when two saves raced, 412 when the caller's copy was stale. */
    static LmsProblem changed(HttpStatus status) {
        return new LmsProblem(status, "lesson-changed");
    }

    /** Publishing a lesson with items its students may not see; {@code blocks} says which blocks. */
    static LmsProblem notShared(List<LessonBlock> blocks) {
        LmsProblem problem = new LmsProblem(HttpStatus.CONFLICT, "lesson-items-not-shared", blocks.size());
        problem.getBody().setProperty("blocks", blocks.stream().map(LessonBlock::id).toList());
        return problem;
    }
}
