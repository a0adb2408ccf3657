package vn.edu.lms.api.assessment.session;

import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.assessment.blueprint.PaperDraw;

/**
 * A student's paper in a session, and its printed code (mã đề) when the session uses lettered versions.
 */
public record DrawnPaper(Paper paper, @Nullable String code) {

    /**
     * One paper per student from a seed of their own; the same paper for everyone, unshuffled; or the
     * lettered version that falls to them, handed out in turn down the participant list so that
     * neighbours on a class list get different versions.
     */
    public static DrawnPaper of(TestSession session, TestPool pool, String studentId) {
        return switch (session.papers()) {
            case PER_STUDENT -> new DrawnPaper(PaperDraw.draw(session.blueprint(), pool.candidates(), studentSeed(session.seed(), studentId),
                true), null);
            case FIXED -> new DrawnPaper(PaperDraw.draw(session.blueprint(), pool.candidates(), session.seed(), false), null);
            case LETTERED -> {
                int index = Math.floorMod(position(session, studentId), session.versions());
                yield version(session, pool, index);
            }
        };
    }

    /** Lettered version {@code index} (0-based) of the session. */
    public static DrawnPaper version(TestSession session, TestPool pool, int index) {
        return new DrawnPaper(PaperDraw.draw(session.blueprint(), pool.candidates(), session.seed() + index, true),
            TestSession.versionCode(index));
    }

    private static int position(TestSession session, String studentId) {
        for (int i = 0; i < session.participants().size(); i++) {
            if (session.participants().get(i).studentId().equals(studentId)) {
                return i;
            }
        }
        return studentId.hashCode();
    }

    /** A seed of the student's own, from the session's (String.hashCode is fixed by the language, so it never changes). */
    static long studentSeed(long sessionSeed, String studentId) {
        return new SplittableRandom(sessionSeed ^ ((long) studentId.hashCode() << 32 | studentId.length())).nextLong();
    }
}
