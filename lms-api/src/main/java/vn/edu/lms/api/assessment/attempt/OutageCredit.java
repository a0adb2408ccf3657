package vn.edu.lms.api.assessment.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.PeriodicTask;
import vn.edu.lms.content.platform.ServicesReady;

/**
 * Time lost to a server outage is given back. The server notes every {@code heartbeat} that it is
 * alive; at start-up, a silence longer than two beats was an outage (a crash, a restart, a power
 * cut), and every attempt that was running when it began gets its length added to its clock —
 * before any attempt can be submitted for time-up. The start-up that follows is part of the outage
 * to the student, and is topped up twice: when the server answers, and again when every service is
 * up ({@link ServicesReady}, when the readiness probe turns UP and a load balancer lets students
 * back; search may come up seconds after the server answers). A page that reached the server
 * between the two gains that gap; none loses it. Each outage and each top-up is credited once per
 * attempt, even if the start-up is cut short and repeated.
 */
@Component
class OutageCredit extends PeriodicTask implements SmartInitializingSingleton {

    static final String COLLECTION = "test_heartbeats";
    private static final String ID = "test-taking";
    private static final Logger log = LoggerFactory.getLogger(OutageCredit.class);

    private final ReactiveMongoTemplate mongo;
    private final Attempts attempts;
    private final TestTakingProperties settings;
    private final Clock clock;
    /** The outage credited at start-up and how far it has been given back, until the services are ready. */
    private final AtomicReference<Credited> awaitingTopUp = new AtomicReference<>();

    /** An outage given back up to {@code until}. */
    private record Credited(String outageId, Instant until) {

        /** Each top-up is named by where it starts, so a repeated one is recognised. */
        String topUpId() {
            return outageId + "+" + until.toEpochMilli();
        }
    }

    OutageCredit(ReactiveMongoTemplate mongo, Attempts attempts, TestTakingProperties settings, Clock clock) {
        super("Noting that test taking is alive", settings.heartbeat(), settings.heartbeat());
        this.mongo = mongo;
        this.attempts = attempts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs before the web server and the time-up sweep start, so no student is cut short by the outage. */
    @Override
    public void afterSingletonsInstantiated() {
        creditLastOutage().then(beat()).block(Duration.ofMinutes(5));
    }

    /** Runs once the server answers: the students could not work during the start-up either. */
    @EventListener(ApplicationReadyEvent.class)
    void serverAnswers() {
        topUpToNow(false).block(Duration.ofMinutes(1));
    }

    /** Runs once every service is up, on whichever thread saw it: nothing here may block. */
    @EventListener(ServicesReady.class)
    void servicesReady() {
        topUpToNow(true).subscribe(toppedUp -> { }, failure -> log.error("Could not give back the start-up to running attempts: {}",
            failure.toString()));
    }

    /** Gives the last outage back to the attempts it cut into; how many were credited. */
    Mono<Long> creditLastOutage() {
        Instant now = clock.instant();
        return mongo.findById(ID, org.bson.Document.class, COLLECTION)
            .map(beat -> beat.getDate("at").toInstant())
            .filter(lastAlive -> Duration.between(lastAlive, now).compareTo(settings.heartbeat().multipliedBy(2)) > 0)
            .flatMap(lastAlive -> credit(lastAlive, now))
            .defaultIfEmpty(0L);
    }

    private Mono<Long> credit(Instant lastAlive, Instant now) {
        String outageId = "outage-" + lastAlive.toEpochMilli();
        long lost = Duration.between(lastAlive, now).toMillis();
        Criteria owed = Criteria.where("state").is(Attempt.State.RUNNING).and("paused").is(false)
            .and("startedAt").lte(lastAlive).and("endsAtMs").gt(lastAlive.toEpochMilli() - settings.saveGrace().toMillis())
            .and("creditedOutages").ne(outageId);
        // One write for all, as the start-up waits for it; nothing else writes attempts before it ends.
        return mongo.find(Query.query(owed), Attempt.class).collectList()
            .flatMap(owing -> mongo.updateMulti(Query.query(owed),
                    new Update().inc("endsAtMs", lost).inc("outageCreditMs", lost).push("creditedOutages", outageId), Attempt.class)
                .then(attempts.logAll(owing, AttemptEvent.Type.OUTAGE_CREDIT, "+" + (lost + 999) / 1000 + "s"))
                .thenReturn((long) owing.size()))
            .doOnNext(credited -> {
                awaitingTopUp.set(new Credited(outageId, now));
                log.info("Server was down for {} s from {}; gave the time back to {} running attempts", lost / 1000, lastAlive, credited);
            });
    }

    /**
     * Adds the time since the outage was last given back to the attempts it credited; how many were
     * topped up. The last top-up ends the outage's credit.
     */
    Mono<Long> topUpToNow(boolean last) {
        Instant now = clock.instant();
        Credited credited = last ? awaitingTopUp.getAndSet(null) : awaitingTopUp.getAndUpdate(
            owed -> owed == null ? null : new Credited(owed.outageId(), now));
        if (credited == null) {
            return Mono.just(0L);
        }
        long startUp = Math.max(0, Duration.between(credited.until(), now).toMillis());
        Criteria owed = Criteria.where("state").is(Attempt.State.RUNNING).and("paused").is(false)
            .and("creditedOutages").all(credited.outageId()).ne(credited.topUpId());
        return mongo.updateMulti(Query.query(owed),
                new Update().inc("endsAtMs", startUp).inc("outageCreditMs", startUp).push("creditedOutages", credited.topUpId()), Attempt.class)
            .map(UpdateResult::getModifiedCount)
            .doOnNext(toppedUp -> log.info("Added {} ms of start-up ({}) to the outage credit of {} attempts", startUp,
                last ? "until every service was up" : "until the server answered", toppedUp));
    }

    private Mono<Void> beat() {
        return mongo.upsert(Query.query(Criteria.where("_id").is(ID)), Update.update("at", clock.instant()), COLLECTION).then();
    }

    @Override
    protected Publisher<?> round() {
        return beat();
    }
}
