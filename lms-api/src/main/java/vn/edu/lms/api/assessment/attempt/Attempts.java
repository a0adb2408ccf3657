package vn.edu.lms.api.assessment.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.assessment.session.DrawnPaper;
import vn.edu.lms.api.assessment.session.Scheduled;
import vn.edu.lms.api.assessment.session.TestSession;
import vn.edu.lms.api.assessment.session.TestSessions;
import vn.edu.lms.api.questionbank.Response;
import vn.edu.lms.api.security.CurrentUser;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Students' attempts (collections {@code attempts}, {@code attempt_papers}, {@code attempt_events}).
 * Every answer is one conditional single-document update, journaled before it is acknowledged: it
 * applies only while the attempt runs on the device that holds it, before time is up, and when its
 * sequence number is higher than the one stored for that item, so a retry never applies twice and
 * never overwrites a newer answer.
 */
@Service
@EnableConfigurationProperties(TestTakingProperties.class)
public class Attempts implements SmartInitializingSingleton {

    static final String COLLECTION = "attempts";

    private final ReactiveMongoTemplate mongo;
    private final TestSessions sessions;
    private final TestTakingProperties settings;
    private final Clock clock;

    Attempts(ReactiveMongoTemplate mongo, TestSessions sessions, TestTakingProperties settings, Clock clock) {
        this.mongo = mongo;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Attempt.class).createIndex(new Index("sessionId", Sort.Direction.ASC).on("studentId", Sort.Direction.ASC))
            .then(mongo.indexOps(Attempt.class).createIndex(new Index("state", Sort.Direction.ASC).on("endsAtMs", Sort.Direction.ASC)))
            .then(mongo.indexOps(AttemptPaper.class).createIndex(new Index("sessionId", Sort.Direction.ASC)))
            .then(mongo.indexOps(AttemptEvent.class).createIndex(new Index("sessionId", Sort.Direction.ASC).on("at", Sort.Direction.ASC)))
            .block(Duration.ofMinutes(2));
    }

    /** A started (or resumed) attempt, its paper, and the device token that may answer. */
    public record Started(Attempt attempt, AttemptPaper paper, boolean resumed) {
    }

    /**
     * Starts the student's attempt, or resumes it on this device (the device that held it can no
     * longer answer). A new start must fall inside the window, before the late-start limit, from an
     * allowed network and with a room's code; a resume needs only the network.
     */
    public Mono<Started> start(CurrentUser user, String sessionId, @Nullable String accessCode, @Nullable String address) {
        return takenBy(user, sessionId).flatMap(scheduled -> {
            if (!scheduled.admits(address)) {
                return Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "test-session-network"));
            }
            String id = Attempt.idOf(sessionId, user.accountId());
            return mongo.findById(id, Attempt.class)
                .flatMap(existing -> resume(existing))
                .switchIfEmpty(Mono.defer(() -> begin(scheduled, user.accountId(), accessCode)));
        });
    }

    /** The session, if the student takes it; 404 otherwise (a student learns nothing of sessions that are not theirs). */
    private Mono<Scheduled> takenBy(CurrentUser user, String sessionId) {
        return sessions.scheduled(sessionId).filter(scheduled -> scheduled.takes(user.accountId()))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "test-session-not-found")));
    }

    private Mono<Started> begin(Scheduled scheduled, String studentId, @Nullable String accessCode) {
        TestSession session = scheduled.session();
        Instant now = clock.instant();
        if (now.isBefore(session.opensAt())) {
            return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "test-session-not-open"));
        }
        if (!scheduled.open(now)) {
            return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "test-session-start-closed"));
        }
        TestSession.Room room = scheduled.room(accessCode);
        if (!session.rooms().isEmpty() && room == null) {
            return Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "test-session-access-code"));
        }
        String id = Attempt.idOf(session.id(), studentId);
        return sessions.pool(session.id()).flatMap(pool -> {
            DrawnPaper drawn = DrawnPaper.of(session, pool, studentId);
            AttemptPaper paper = new AttemptPaper(id, session.id(), studentId, drawn.paper(), drawn.code());
            Attempt attempt = new Attempt(id, session.id(), session.schoolId(), studentId, scheduled.participants().get(studentId).classId(),
                room == null ? null : room.name(), drawn.code(), drawn.paper().items().size(), Attempt.State.RUNNING, Ids.newId(), now,
                scheduled.endsAt(studentId, now).toEpochMilli(), false, 0, session.extraFor(studentId).toMillis(), 0, List.of(), Map.of(), 0,
                now, null, null, false);
            // The paper first, so that an attempt is never without one; the same seed draws the same paper if two starts race.
            return journaled(AttemptPaper.class).flatMap(papers -> Mono.from(papers.insertOne(document(paper))))
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .onErrorResume(com.mongodb.MongoWriteException.class, raced -> Mono.empty())
                .then(mongo.insert(attempt))
                .flatMap(inserted -> log(inserted, AttemptEvent.Type.STARTED, room == null ? null : room.name())
                    .thenReturn(new Started(inserted, paper, false)))
                .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(id, Attempt.class).flatMap(this::resume));
        });
    }

    private Mono<Started> resume(Attempt existing) {
        if (existing.state() == Attempt.State.SUBMITTED) {
            return paper(existing.id()).map(paper -> new Started(existing, paper, true));
        }
        String device = Ids.newId();
        Instant now = clock.instant();
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(existing.id()).and("state").is(Attempt.State.RUNNING)),
                Update.update("device", device).set("lastSeenAt", now),
                FindAndModifyOptions.options().returnNew(true), Attempt.class)
            .switchIfEmpty(Mono.defer(() -> mongo.findById(existing.id(), Attempt.class)))
            .flatMap(current -> paper(current.id()).flatMap(paper -> log(current, AttemptEvent.Type.RESUMED, null)
                .thenReturn(new Started(current, paper, true))));
    }

    /** The student's own attempt; 404 for anyone else. */
    public Mono<Attempt> own(CurrentUser user, String attemptId) {
        return mongo.findById(attemptId, Attempt.class).filter(found -> found.studentId().equals(user.accountId()))
            .switchIfEmpty(Mono.error(Attempts::notFound));
    }

    public Mono<Attempt> attempt(String attemptId) {
        return mongo.findById(attemptId, Attempt.class).switchIfEmpty(Mono.error(Attempts::notFound));
    }

    public Mono<AttemptPaper> paper(String attemptId) {
        return mongo.findById(attemptId, AttemptPaper.class).switchIfEmpty(Mono.error(Attempts::notFound));
    }

    public Flux<Attempt> ofSession(String sessionId) {
        return mongo.find(Query.query(Criteria.where("sessionId").is(sessionId)), Attempt.class);
    }

    public Flux<AttemptPaper> papersOf(String sessionId) {
        return mongo.find(Query.query(Criteria.where("sessionId").is(sessionId)), AttemptPaper.class);
    }

    /** One answer to save: the item's number as shown, the client's sequence number, the response. */
    public record Answer(int number, long seq, Response response) {
    }

    /** What became of a save: applied, or not because a save with this or a higher number is already stored. */
    public record Saved(int number, long seq, boolean applied, long storedSeq, long remainingMs) {
    }

    /**
     * Saves one answer. Acknowledged (the Mono completes) only once the write is durable. A stale
     * sequence number is not an error: the answer already stored is newer, and the reply says so.
     */
    public Mono<Saved> save(CurrentUser user, String attemptId, String device, @Nullable String address, Answer answer) {
        return admitted(user, attemptId, address).then(Mono.defer(() -> apply(user, attemptId, device, answer)));
    }

    /** The outcome of a batch: the saves made, in order, and the refusal that stopped it, if one did. */
    public record Batch(List<Saved> saved, @Nullable LmsProblem refusal) {
    }

    /**
     * Saves answers kept while the network was down, in the order given, each as {@link #save} would.
     * A refusal (time up, taken over, paused) stops the batch; the saves before it stand.
     */
    public Mono<Batch> saveAll(CurrentUser user, String attemptId, String device, @Nullable String address, List<Answer> answers) {
        List<Saved> saved = new java.util.ArrayList<>();
        return admitted(user, attemptId, address)
            .then(Flux.fromIterable(answers).concatMap(answer -> apply(user, attemptId, device, answer).doOnNext(saved::add)).then())
            .thenReturn(new Batch(saved, null))
            .onErrorResume(LmsProblem.class, refusal -> saved.isEmpty() && refusal.getStatusCode().value() == 404 ? Mono.error(refusal)
                : Mono.just(new Batch(saved, refusal)));
    }

    private Mono<Void> admitted(CurrentUser user, String attemptId, @Nullable String address) {
        int dot = attemptId.indexOf('.');
        if (dot < 0 || !attemptId.substring(dot + 1).equals(user.accountId())) {
            return Mono.error(Attempts::notFound);
        }
        return sessions.scheduled(attemptId.substring(0, dot)).switchIfEmpty(Mono.error(Attempts::notFound))
            .flatMap(scheduled -> scheduled.admits(address) ? Mono.empty()
                : Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "test-session-network")));
    }

    private Mono<Saved> apply(CurrentUser user, String attemptId, String device, Answer answer) {
        if (answer.number() < 1 || answer.seq() < 1) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "attempt-bad-answer"));
        }
        long now = clock.millis();
        String field = "answers." + answer.number();
        Bson filter = Filters.and(Filters.eq("_id", attemptId), Filters.eq("studentId", user.accountId()),
            Filters.eq("state", Attempt.State.RUNNING.name()), Filters.eq("paused", false), Filters.eq("device", device),
            Filters.gt("endsAtMs", now - settings.saveGrace().toMillis()), Filters.gte("itemCount", answer.number()),
            Filters.or(Filters.exists(field, false), Filters.lt(field + ".seq", answer.seq())));
        Bson update = Updates.combine(
            Updates.set(field, new Document("seq", answer.seq()).append("response", document(answer.response())).append("at", new Date(now))),
            Updates.set("lastSeenAt", new Date(now)), Updates.max("maxSeq", answer.seq()));
        FindOneAndUpdateOptions clockAfter = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
            .projection(Projections.include("endsAtMs", "paused", "pausedRemainingMs"));
        return journaled(Attempt.class).flatMap(attempts -> Mono.from(attempts.findOneAndUpdate(filter, update, clockAfter)))
            .map(after -> new Saved(answer.number(), answer.seq(), true, answer.seq(), after.getBoolean("paused", false)
                ? after.get("pausedRemainingMs", Number.class).longValue() : Math.max(0, after.get("endsAtMs", Number.class).longValue() - now)))
            .switchIfEmpty(Mono.defer(() -> refusal(user, attemptId, device, answer, now)));
    }

    /** Why a save matched nothing: a newer answer is stored (not an error), or the attempt may not take answers now. */
    private Mono<Saved> refusal(CurrentUser user, String attemptId, String device, Answer answer, long now) {
        return own(user, attemptId).flatMap(current -> {
            if (current.state() == Attempt.State.SUBMITTED) {
                // Handed in by the time-up sweep or not yet, a late answer hears the same reason: the time is up.
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT,
                    current.submitKind() == Attempt.SubmitKind.TIME_UP ? "attempt-time-up" : "attempt-submitted"));
            }
            if (!current.device().equals(device)) {
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "attempt-taken-over"));
            }
            if (current.paused()) {
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "attempt-paused"));
            }
            if (current.endsAtMs() <= now - settings.saveGrace().toMillis()) {
                return Mono.error(new LmsProblem(HttpStatus.CONFLICT, "attempt-time-up"));
            }
            if (answer.number() < 1 || answer.number() > current.itemCount()) {
                return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "attempt-no-such-item", current.itemCount()));
            }
            Attempt.SavedAnswer stored = current.answers().get(String.valueOf(answer.number()));
            return Mono.just(new Saved(answer.number(), answer.seq(), false, stored == null ? 0 : stored.seq(), current.remainingMs(now)));
        });
    }

    /** The student hands the attempt in (from the device that holds it). Submitting twice is answered as once. */
    public Mono<Attempt> submit(CurrentUser user, String attemptId, String device) {
        Instant now = clock.instant();
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(attemptId).and("studentId").is(user.accountId())
                .and("state").is(Attempt.State.RUNNING).and("device").is(device)),
                Update.update("state", Attempt.State.SUBMITTED).set("submittedAt", now).set("submitKind", Attempt.SubmitKind.STUDENT)
                    .set("lastSeenAt", now),
                FindAndModifyOptions.options().returnNew(true), Attempt.class)
            .flatMap(submitted -> log(submitted, AttemptEvent.Type.SUBMITTED, null).thenReturn(submitted))
            .switchIfEmpty(Mono.defer(() -> own(user, attemptId).flatMap(current -> current.state() == Attempt.State.SUBMITTED
                ? Mono.just(current) : Mono.error(new LmsProblem(HttpStatus.CONFLICT, "attempt-taken-over")))));
    }

    /** The page's periodic check: the clock as the server keeps it; notes that the student is still there. */
    public Mono<Attempt> ping(CurrentUser user, String attemptId) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(attemptId).and("studentId").is(user.accountId())),
                Update.update("lastSeenAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), Attempt.class)
            .switchIfEmpty(Mono.error(Attempts::notFound));
    }

    /** Notes what the page reports (focus lost, offline, back online) in the proctor's log. */
    public Mono<Void> report(CurrentUser user, String attemptId, AttemptEvent.Type type) {
        if (!type.reportedByClient()) {
            return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "attempt-bad-event"));
        }
        return own(user, attemptId).flatMap(attempt -> log(attempt, type, null));
    }

    Mono<Void> log(Attempt attempt, AttemptEvent.Type type, @Nullable String detail) {
        return mongo.insert(event(attempt, type, detail)).then();
    }

    /** The same event for many attempts, in one write. */
    Mono<Void> logAll(List<Attempt> attempts, AttemptEvent.Type type, @Nullable String detail) {
        return attempts.isEmpty() ? Mono.empty()
            : mongo.insertAll(attempts.stream().map(attempt -> event(attempt, type, detail)).toList()).then();
    }

    private AttemptEvent event(Attempt attempt, AttemptEvent.Type type, @Nullable String detail) {
        return new AttemptEvent(Ids.newId(), attempt.id(), attempt.sessionId(), attempt.studentId(), type, clock.instant(), detail);
    }

    public Flux<AttemptEvent> events(String sessionId, @Nullable String studentId) {
        Criteria criteria = Criteria.where("sessionId").is(sessionId);
        if (studentId != null) {
            criteria = criteria.and("studentId").is(studentId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("at")).limit(5_000), AttemptEvent.class);
    }

    /** Submitted attempts the grader has not scored yet, oldest first. */
    public Flux<Attempt> awaitingGrading(int limit) {
        return mongo.find(Query.query(Criteria.where("state").is(Attempt.State.SUBMITTED).and("graded").is(false))
            .with(Sort.by("submittedAt")).limit(limit), Attempt.class);
    }

    public Mono<Void> markGraded(String attemptId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(attemptId)), Update.update("graded", true), Attempt.class).then();
    }

    /** Replaces a paper's copy of a question after its key was corrected (regrading). */
    public Mono<Void> replacePaper(AttemptPaper paper) {
        return mongo.save(paper).then(mongo.updateFirst(Query.query(Criteria.where("_id").is(paper.attemptId())),
            Update.update("graded", false), Attempt.class)).then();
    }

    private <T> Mono<com.mongodb.reactivestreams.client.MongoCollection<Document>> journaled(Class<T> type) {
        return mongo.getCollection(mongo.getCollectionName(type)).map(collection -> collection.withWriteConcern(WriteConcern.JOURNALED));
    }

    private Document document(Object entity) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        return document;
    }

    static LmsProblem notFound() {
        return new LmsProblem(HttpStatus.NOT_FOUND, "attempt-not-found");
    }

}
