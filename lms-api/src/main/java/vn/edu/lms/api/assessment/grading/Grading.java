package vn.edu.lms.api.assessment.grading;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.attempt.Attempt;
import vn.edu.lms.api.assessment.attempt.AttemptPaper;
import vn.edu.lms.api.assessment.attempt.Attempts;
import vn.edu.lms.api.assessment.blueprint.Paper;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.questionbank.Question;
import vn.edu.lms.api.questionbank.QuestionBank;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.content.platform.PeriodicTask;

/**
 * Grades submitted attempts (collection {@code attempt_grades}): every submitted attempt is graded
 * by a background round shortly after submission (and again after a crash, since the attempt stays
 * marked ungraded until its grade is stored); teachers grade essays by hand and correct keys, which
 * grades the affected attempts again.
 */
@Service
public class Grading extends PeriodicTask implements org.springframework.beans.factory.SmartInitializingSingleton {

    private static final int PER_ROUND = 200;

    private final ReactiveMongoTemplate mongo;
    private final Attempts attempts;
    private final TestSessions sessions;
    private final QuestionBank bank;
    private final Clock clock;

    Grading(ReactiveMongoTemplate mongo, Attempts attempts, TestSessions sessions, QuestionBank bank, Clock clock) {
        // Grades are wanted within seconds, not at once; each round looks for ungraded attempts among all of them.
        super("Grading submitted attempts", Duration.ofSeconds(5), Duration.ofSeconds(5));
        this.mongo = mongo;
        this.attempts = attempts;
        this.sessions = sessions;
        this.bank = bank;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(GradeRecord.class).createIndex(new Index("sessionId", Sort.Direction.ASC)).block(Duration.ofMinutes(2));
    }

    @Override
    protected Publisher<?> round() {
        return attempts.awaitingGrading(PER_ROUND).concatMap(this::grade);
    }

    /** Grades one submitted attempt, keeping the hand grades already given, then marks it graded. */
    Mono<GradeRecord> grade(Attempt attempt) {
        return Mono.zip(attempts.paper(attempt.id()), mongo.findById(attempt.id(), GradeRecord.class)
                .map(GradeRecord::handGrades).defaultIfEmpty(Map.of()), gradeOf(attempt.sessionId()))
            .flatMap(found -> store(attempt, found.getT1(), found.getT2(), found.getT3()))
            .flatMap(stored -> attempts.markGraded(attempt.id()).thenReturn(stored));
    }

    private Mono<Integer> gradeOf(String sessionId) {
        return sessions.scheduled(sessionId).map(found -> found.session().blueprint().grade())
            .switchIfEmpty(Mono.error(() -> new IllegalStateException("no session " + sessionId)));
    }

    private Mono<GradeRecord> store(Attempt attempt, AttemptPaper paper, Map<String, GradeRecord.StoredHandGrade> hands, int grade) {
        Map<Integer, Grader.HandGrade> byNumber = new HashMap<>();
        hands.forEach((number, hand) -> byNumber.put(Integer.valueOf(number), new Grader.HandGrade(hand.points(), hand.comment())));
        GradedPaper graded = Grader.grade(paper.paper(), attempt.responses(), byNumber, grade);
        return mongo.save(new GradeRecord(attempt.id(), attempt.sessionId(), attempt.studentId(), attempt.classId(), paper.code(),
            graded.items(), graded.earned(), graded.total(), graded.score(), graded.complete(), hands, clock.instant()));
    }

    /**
     * A teacher grades one hand-graded item (an essay) of a submitted attempt, with a comment; the
     * attempt's score follows at once.
     */
    public Mono<GradeRecord> gradeByHand(CurrentUser user, String attemptId, int number, BigDecimal points, @Nullable String comment) {
        return attempts.attempt(attemptId)
            .flatMap(attempt -> sessions.session(user, attempt.sessionId()).thenReturn(attempt))
            .flatMap(attempt -> {
                if (attempt.state() != Attempt.State.SUBMITTED) {
                    return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "attempt-not-submitted"));
                }
                return attempts.paper(attemptId).flatMap(paper -> {
                    Paper.Item item = paper.paper().items().stream().filter(candidate -> candidate.number() == number).findFirst().orElse(null);
                    if (item == null || !item.content().score(vn.edu.lms.api.questionbank.Response.BLANK).manual()) {
                        return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "grade-not-by-hand", number));
                    }
                    if (points.signum() < 0 || points.compareTo(item.points()) > 0 || points.scale() > 2) {
                        return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "grade-bad-points", item.points().toPlainString()));
                    }
                    return mongo.findById(attemptId, GradeRecord.class).map(GradeRecord::handGrades).defaultIfEmpty(Map.of())
                        .zipWith(gradeOf(attempt.sessionId()))
                        .flatMap(found -> {
                            Map<String, GradeRecord.StoredHandGrade> hands = new HashMap<>(found.getT1());
                            hands.put(String.valueOf(number), new GradeRecord.StoredHandGrade(points, comment, user.accountId(), clock.instant()));
                            return store(attempt, paper, hands, found.getT2());
                        });
                });
            });
    }

    /** What a key correction did: the papers regraded, and those left alone because the new version no longer fits them. */
    public record Regrade(int regraded, int unchanged) {
    }

    /**
     * After a teacher corrected a question's key in the bank, puts its newest version into every
     * paper of the session that has it (in the order each student saw it) and grades them again.
     * A version whose options, statements or items differ from the paper's cannot replace it.
     */
    public Mono<Regrade> regrade(CurrentUser user, String sessionId, String questionId) {
        return sessions.session(user, sessionId).flatMap(session -> bank.question(user, questionId)
            .flatMap(question -> attempts.papersOf(sessionId)
                .filter(paper -> paper.paper().items().stream().anyMatch(item -> item.questionId().equals(questionId)))
                .concatMap(paper -> {
                    AttemptPaper replaced = replace(paper, question);
                    return replaced == null ? Mono.just(false) : attempts.replacePaper(replaced).thenReturn(true);
                })
                .collectList()
                .map(done -> new Regrade((int) done.stream().filter(Boolean::booleanValue).count(),
                    (int) done.stream().filter(changed -> !changed).count()))));
    }

    private static @Nullable AttemptPaper replace(AttemptPaper paper, Question question) {
        List<Paper.Item> items = new java.util.ArrayList<>();
        for (Paper.Item item : paper.paper().items()) {
            if (!item.questionId().equals(question.id())) {
                items.add(item);
                continue;
            }
            if (!sameShape(item.content(), question.content())) {
                return null;
            }
            items.add(new Paper.Item(item.number(), item.questionId(), question.version(), question.content(), item.points(), item.order()));
        }
        return new AttemptPaper(paper.attemptId(), paper.sessionId(), paper.studentId(), new Paper(paper.paper().seed(), items), paper.code());
    }

    /** Whether a corrected version can stand in for the paper's copy: same type and the same keys shown. */
    static boolean sameShape(QuestionContent shown, QuestionContent corrected) {
        if (shown.type() != corrected.type()) {
            return false;
        }
        if (shown instanceof QuestionContent.TrueFalseGroup before && corrected instanceof QuestionContent.TrueFalseGroup after) {
            return before.statements().stream().map(QuestionContent.Statement::key).toList()
                .equals(after.statements().stream().map(QuestionContent.Statement::key).toList());
        }
        if (shown instanceof QuestionContent.Cloze before && corrected instanceof QuestionContent.Cloze after) {
            return before.gaps().stream().map(QuestionContent.Gap::key).toList().equals(after.gaps().stream().map(QuestionContent.Gap::key).toList());
        }
        if (shown instanceof QuestionContent.Matching before && corrected instanceof QuestionContent.Matching after) {
            return keys(before.premises()).equals(keys(after.premises())) && keys(before.responses()).equals(keys(after.responses()));
        }
        return new java.util.HashSet<>(vn.edu.lms.api.assessment.blueprint.PaperDraw.naturalOrder(shown))
            .equals(new java.util.HashSet<>(vn.edu.lms.api.assessment.blueprint.PaperDraw.naturalOrder(corrected)));
    }

    private static List<String> keys(List<QuestionContent.Choice> choices) {
        return choices.stream().map(QuestionContent.Choice::key).toList();
    }

    public Flux<GradeRecord> ofSession(String sessionId) {
        return mongo.find(Query.query(Criteria.where("sessionId").is(sessionId)), GradeRecord.class);
    }

    /** One student's grades in these sessions (at most one each). */
    public Flux<GradeRecord> ofStudent(String studentId, java.util.Collection<String> sessionIds) {
        return sessionIds.isEmpty() ? Flux.empty()
            : mongo.find(Query.query(Criteria.where("sessionId").in(sessionIds).and("studentId").is(studentId)), GradeRecord.class);
    }

    public Mono<GradeRecord> ofAttempt(String attemptId) {
        return mongo.findById(attemptId, GradeRecord.class);
    }
}
