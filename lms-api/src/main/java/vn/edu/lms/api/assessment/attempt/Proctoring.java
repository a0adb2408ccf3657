package vn.edu.lms.api.assessment.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.account.AccountDirectory;
import vn.edu.lms.api.assessment.session.TestSession;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.school.SchoolClass;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.CurrentUser;

/**
 * What a proctor does during a session: pause and resume one student or a room, give extra time,
 * and watch each student's progress and log.
 */
@Service
public class Proctoring {

    private final ReactiveMongoTemplate mongo;
    private final TestSessions sessions;
    private final Attempts attempts;
    private final AccountDirectory accounts;
    private final Schools schools;
    private final Clock clock;

    Proctoring(ReactiveMongoTemplate mongo, TestSessions sessions, Attempts attempts, AccountDirectory accounts, Schools schools, Clock clock) {
        this.mongo = mongo;
        this.sessions = sessions;
        this.attempts = attempts;
        this.accounts = accounts;
        this.schools = schools;
        this.clock = clock;
    }

    /** Whom a pause or resume is for: one student, a room, or (both null) everyone in the session. */
    public record Target(@Nullable String studentId, @Nullable String room) {
    }

    /** Stops the clock of the running attempts targeted; returns how many were paused. */
    public Mono<Long> pause(CurrentUser user, String sessionId, Target target) {
        return sessions.session(user, sessionId).flatMapMany(session -> running(session, target, false))
            .concatMap(attempt -> {
                long remaining = Math.max(0, attempt.endsAtMs() - clock.millis());
                return mongo.updateFirst(Query.query(Criteria.where("_id").is(attempt.id()).and("state").is(Attempt.State.RUNNING)
                        .and("paused").is(false).and("endsAtMs").is(attempt.endsAtMs())),
                        Update.update("paused", true).set("pausedRemainingMs", remaining), Attempt.class)
                    .filter(result -> result.getModifiedCount() == 1)
                    .flatMap(result -> attempts.log(attempt, AttemptEvent.Type.PAUSED, null).thenReturn(1L));
            })
            .count();
    }

    /** Starts the clock again where it stopped; returns how many were resumed. */
    public Mono<Long> resume(CurrentUser user, String sessionId, Target target) {
        return sessions.session(user, sessionId).flatMapMany(session -> running(session, target, true))
            .concatMap(attempt -> mongo.updateFirst(Query.query(Criteria.where("_id").is(attempt.id()).and("state").is(Attempt.State.RUNNING)
                    .and("paused").is(true).and("pausedRemainingMs").is(attempt.pausedRemainingMs())),
                    Update.update("paused", false).set("endsAtMs", clock.millis() + attempt.pausedRemainingMs()), Attempt.class)
                .filter(result -> result.getModifiedCount() == 1)
                .flatMap(result -> attempts.log(attempt, AttemptEvent.Type.UNPAUSED, null).thenReturn(1L)))
            .count();
    }

    private Flux<Attempt> running(TestSession session, Target target, boolean paused) {
        Criteria criteria = Criteria.where("sessionId").is(session.id()).and("state").is(Attempt.State.RUNNING).and("paused").is(paused);
        if (target.studentId() != null) {
            criteria = criteria.and("studentId").is(target.studentId());
        }
        if (target.room() != null) {
            criteria = criteria.and("room").is(target.room());
        }
        return mongo.find(Query.query(criteria), Attempt.class);
    }

    /**
     * Gives a student extra time: kept on the session (for a student who has not started) and added
     * to their attempt's clock if it runs.
     */
    public Mono<TestSession> extraTime(CurrentUser user, String sessionId, String studentId, int minutes) {
        long extra = Duration.ofMinutes(minutes).toMillis();
        Criteria attempt = Criteria.where("_id").is(Attempt.idOf(sessionId, studentId)).and("state").is(Attempt.State.RUNNING);
        return sessions.addExtraTime(user, sessionId, studentId, minutes)
            .flatMap(session -> mongo.updateFirst(Query.query(Criteria.where("_id").is(Attempt.idOf(sessionId, studentId))
                    .and("state").is(Attempt.State.RUNNING).and("paused").is(false)),
                    new Update().inc("endsAtMs", extra).inc("extraMs", extra), Attempt.class)
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(Attempt.idOf(sessionId, studentId))
                    .and("state").is(Attempt.State.RUNNING).and("paused").is(true)),
                    new Update().inc("pausedRemainingMs", extra).inc("extraMs", extra), Attempt.class))
                .then(mongo.findOne(Query.query(attempt), Attempt.class)
                    .flatMap(running -> attempts.log(running, AttemptEvent.Type.EXTRA_TIME, "+" + minutes)))
                .thenReturn(session));
    }

    /** Where a student stands. */
    public enum Standing {
        NOT_STARTED, RUNNING, PAUSED, SUBMITTED
    }

    /** One student's line in the live view. */
    public record Progress(String studentId, String fullName, String classId, String className, @Nullable String room, Standing standing,
            int answered, int items, @Nullable Instant startedAt, @Nullable Instant lastSeenAt, @Nullable Instant submittedAt,
            @Nullable Long remainingMs, Attempt.@Nullable SubmitKind submitKind) {
    }

    /** Every participant's progress, in class-list order of class then name; narrowed to a room or a class if asked. */
    public Flux<Progress> progress(CurrentUser user, String sessionId, @Nullable String room, @Nullable String classId) {
        return sessions.session(user, sessionId).flatMapMany(session -> {
            List<TestSession.Participant> taking = session.participants().stream()
                .filter(participant -> classId == null || participant.classId().equals(classId)).toList();
            List<String> ids = taking.stream().map(TestSession.Participant::studentId).toList();
            return Mono.zip(
                    attempts.ofSession(sessionId).collectMap(Attempt::studentId, Function.identity()),
                    accounts.people(ids).collectMap(AccountDirectory.Person::id, AccountDirectory.Person::fullName),
                    schools.classes(taking.stream().map(TestSession.Participant::classId).distinct().toList())
                        .collectMap(SchoolClass::id, SchoolClass::name))
                .flatMapMany(found -> Flux.fromStream(taking.stream()
                    .map(participant -> line(participant, found.getT1().get(participant.studentId()), found.getT2(), found.getT3()))
                    .filter(line -> room == null || room.equals(line.room()))
                    .sorted(Comparator.comparing(Progress::className).thenComparing(Progress::fullName, vn.edu.lms.api.account.Names.CLASS_LIST_ORDER))));
        });
    }

    private Progress line(TestSession.Participant participant, @Nullable Attempt attempt, Map<String, String> names,
            Map<String, String> classes) {
        String name = names.getOrDefault(participant.studentId(), "");
        String className = classes.getOrDefault(participant.classId(), "");
        if (attempt == null) {
            return new Progress(participant.studentId(), name, participant.classId(), className, null, Standing.NOT_STARTED, 0, 0, null, null,
                null, null, null);
        }
        Standing standing = attempt.state() == Attempt.State.SUBMITTED ? Standing.SUBMITTED
            : attempt.paused() ? Standing.PAUSED : Standing.RUNNING;
        return new Progress(participant.studentId(), name, participant.classId(), className, attempt.room(), standing, attempt.answered(),
            attempt.itemCount(), attempt.startedAt(), attempt.lastSeenAt(), attempt.submittedAt(),
            standing == Standing.SUBMITTED ? null : attempt.remainingMs(clock.millis()), attempt.submitKind());
    }

    public Flux<AttemptEvent> events(CurrentUser user, String sessionId, @Nullable String studentId) {
        return sessions.session(user, sessionId).flatMapMany(session -> attempts.events(sessionId, studentId));
    }

}
