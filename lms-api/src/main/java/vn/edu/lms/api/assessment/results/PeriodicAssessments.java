package vn.edu.lms.api.assessment.results;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import vn.edu.lms.api.assessment.grading.GradeRecord;
import vn.edu.lms.api.assessment.grading.Grading;
import vn.edu.lms.api.assessment.session.TestSession;
import vn.edu.lms.api.assessment.session.TestSessions;

/**
 * The periodic assessment scores of a class, as the gradebook reads them: only released results,
 * fully graded, always as graded now (a regrade after a corrected key shows at once). When a class
 * took several sessions for the same column (a make-up session for absent students), the latest
 * released score of each student counts.
 */
@Service
public class PeriodicAssessments {

    private final TestSessions sessions;
    private final Grading grading;

    PeriodicAssessments(TestSessions sessions, Grading grading) {
        this.sessions = sessions;
        this.grading = grading;
    }

    /** Each student's ĐĐGgk and ĐĐGck in the subject and term, at most one of each. */
    public Flux<PeriodicAssessment> recorded(String classId, String subjectCode, String yearId, int term) {
        return latest(sessions.releasedFor(classId, subjectCode, yearId, term)
            .concatMap(session -> grading.ofSession(session.id()).filter(grade -> counts(grade, classId)).map(grade -> of(session, grade))));
    }

    /**
     * One student's ĐĐGgk and ĐĐGck in every subject and term of the year, at most one of each: two
     * reads (the class's released sessions, then the student's grades in them), for the child's page.
     */
    public Flux<PeriodicAssessment> ofStudent(String classId, String studentId, String yearId) {
        return sessions.releasedFor(classId, yearId).collectMap(TestSession::id).flatMapMany(byId ->
            grading.ofStudent(studentId, byId.keySet()).filter(grade -> counts(grade, classId))
                .map(grade -> of(byId.get(grade.sessionId()), grade))
                .sort(java.util.Comparator.comparing(PeriodicAssessment::releasedAt)))
            .transform(PeriodicAssessments::latest);
    }

    private static boolean counts(GradeRecord grade, String classId) {
        return grade.classId().equals(classId) && grade.complete() && grade.score() != null;
    }

    /** The latest released score of each student, subject, term and column (the scores come oldest release first). */
    private static Flux<PeriodicAssessment> latest(Flux<PeriodicAssessment> scores) {
        return scores.collect(LinkedHashMap<String, PeriodicAssessment>::new,
                (latest, score) -> latest.put(score.studentId() + "/" + score.subjectCode() + "/" + score.term() + "/" + score.column(), score))
            .flatMapIterable(Map::values);
    }

    private static PeriodicAssessment of(TestSession session, GradeRecord grade) {
        return new PeriodicAssessment(grade.studentId(), grade.classId(), session.blueprint().subjectCode(), session.yearId(), session.term(),
            session.kind() == TestSession.Kind.MID_TERM ? PeriodicAssessment.Column.DDG_GK : PeriodicAssessment.Column.DDG_CK, grade.score(),
            session.id(), session.title(), session.releasedAt());
    }
}
