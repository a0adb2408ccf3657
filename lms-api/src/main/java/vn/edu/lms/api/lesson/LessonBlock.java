package vn.edu.lms.api.lesson;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.assessment.blueprint.Paper;

/**
 * One block of a lesson, in the order shown. Its id stays the same across edits, so that what a
 * student did with it (a video watched, a quiz done) stays attached to it.
 *
 * @param text             TEXT: sanitized rich text, LaTeX between {@code \( \)} or {@code \[ \]}
 * @param itemId           LIBRARY_ITEM: the library item, by reference (never a copy of its bytes)
 * @param url              LINK and LIVE_CLASS: where it leads (http or https)
 * @param label            LINK and LIVE_CLASS: what it is called; a quiz's title
 * @param startsAt         LIVE_CLASS: when the live class starts
 * @param durationMinutes  LIVE_CLASS: how long it lasts
 * @param quiz             PRACTICE_QUIZ: the questions, frozen at the version chosen
 */
public record LessonBlock(String id, Type type, @Nullable String text, @Nullable String itemId, @Nullable String url,
        @Nullable String label, @Nullable Instant startsAt, @Nullable Integer durationMinutes, @Nullable PracticeQuiz quiz) {

    public enum Type {
        TEXT, LIBRARY_ITEM, LINK, LIVE_CLASS, PRACTICE_QUIZ
    }

    /**
     * A practice quiz: auto-graded questions from the bank, the same paper for every student. An
     * ungraded quiz may be done again and again; a counted one (a regular assessment, ĐĐGtx) once.
     *
     * @param questionIds  the questions as the teacher chose them, in order
     * @param paper        the questions at the version chosen, one point each
     */
    public record PracticeQuiz(boolean counted, List<String> questionIds, Paper paper) {

        public PracticeQuiz {
            questionIds = List.copyOf(questionIds);
        }
    }
}
