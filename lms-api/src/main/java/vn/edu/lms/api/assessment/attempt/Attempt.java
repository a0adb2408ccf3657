package vn.edu.lms.api.assessment.attempt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.edu.lms.api.questionbank.Response;

/**
 * A student's attempt at a session: small, because every save rewrites it (the paper lives in
 * {@link AttemptPaper}). Its clock is kept as the instant it ends while running, or the time left
 * while paused; extra time, pauses and outages move that instant with single atomic updates.
 *
 * @param id               {@code sessionId/studentId}: one attempt per student and session by construction
 * @param device           the token of the one device that may answer (another device starting takes over)
 * @param endsAtMs         while running, when time is up (epoch milliseconds)
 * @param pausedRemainingMs while paused, the time left
 * @param answers          by item number ("1", "2", …): the latest save of each
 * @param maxSeq           the highest client sequence number applied, for a new device to continue above it
 * @param creditedOutages  outages already given back to this attempt, so a retried credit never applies twice
 * @param graded           false until the grader has scored the submitted answers
 */
@Document("attempts")
public record Attempt(@Id String id, String sessionId, String schoolId, String studentId, String classId, @Nullable String room,
        @Nullable String paperCode, int itemCount, State state, String device, Instant startedAt, long endsAtMs, boolean paused,
        long pausedRemainingMs, long extraMs, long outageCreditMs, List<String> creditedOutages, Map<String, SavedAnswer> answers,
        long maxSeq, Instant lastSeenAt, @Nullable Instant submittedAt, @Nullable SubmitKind submitKind, boolean graded) {

    public Attempt {
        creditedOutages = creditedOutages == null ? List.of() : List.copyOf(creditedOutages);
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    public static String idOf(String sessionId, String studentId) {
        return sessionId + "." + studentId;
    }

    public enum State {
        RUNNING, SUBMITTED
    }

    /** Who ended it: the student, the clock (auto-submit at time-out), or a proctor. */
    public enum SubmitKind {
        STUDENT, TIME_UP, PROCTOR
    }

    /** One saved answer: the client's sequence number, the response, and when the server stored it. */
    public record SavedAnswer(long seq, Response response, Instant at) {
    }

    /** Time left at {@code nowMs}, never negative; a paused attempt's clock stands still. */
    public long remainingMs(long nowMs) {
        return paused ? pausedRemainingMs : Math.max(0, endsAtMs - nowMs);
    }

    /** Items answered with something (a cleared answer does not count). */
    public int answered() {
        return (int) answers.values().stream().filter(answer -> !answer.response().isBlank()).count();
    }

    public Map<Integer, Response> responses() {
        Map<Integer, Response> byNumber = new java.util.HashMap<>();
        answers.forEach((number, saved) -> byNumber.put(Integer.valueOf(number), saved.response()));
        return byNumber;
    }
}
