package vn.edu.lms.api.assessment.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.PeriodicTask;

/**
 * Time lost to a server outage is given back. The server notes every {@code heartbeat} that it is
 * alive; at start-up, a silence longer than two beats was an outage (a crash, a restart, a power
 * cut), and every attempt that was running when it began gets its length added to its clock —
 * before any attempt can be submitted for time-up. Each outage is credited once per attempt, even
 * if the start-up itself is cut short and repeated.
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

    Mono<Long> creditLastOutage() {
        Instant now = clock.instant();
        return mongo.findById(ID, org.bson.Document.class, COLLECTION)
            .map(beat -> beat.getDate("at").toInstant())
            .filter(lastAlive -> Duration.between(lastAlive, now).compareTo(settings.heartbeat().multipliedBy(2)) > 0)
            .flatMap(lastAlive -> credit(lastAlive, Duration.between(lastAlive, now)))
            .defaultIfEmpty(0L);
    }

    private Mono<Long> credit(Instant lastAlive, Duration outage) {
        String outageId = "outage-" + lastAlive.toEpochMilli();
        long lost = outage.toMillis();
        Criteria owed = Criteria.where("state").is(Attempt.State.RUNNING).and("paused").is(false)
            .and("startedAt").lte(lastAlive).and("endsAtMs").gt(lastAlive.toEpochMilli() - settings.saveGrace().toMillis())
            .and("creditedOutages").ne(outageId);
        return mongo.find(Query.query(owed), Attempt.class)
            .concatMap(attempt -> mongo.updateFirst(Query.query(Criteria.where("_id").is(attempt.id()).andOperator(owed)),
                    new Update().inc("endsAtMs", lost).inc("outageCreditMs", lost).push("creditedOutages", outageId), Attempt.class)
                .filter(result -> result.getModifiedCount() == 1)
                .flatMap(result -> attempts.log(attempt, AttemptEvent.Type.OUTAGE_CREDIT, "+" + (lost + 999) / 1000 + "s").thenReturn(1)))
            .count()
            .doOnNext(credited -> log.info("Server was down for {} s from {}; gave the time back to {} running attempts",
                outage.toSeconds(), lastAlive, credited));
    }

    private Mono<Void> beat() {
        return mongo.upsert(Query.query(Criteria.where("_id").is(ID)), Update.update("at", clock.instant()), COLLECTION).then();
    }

    @Override
    protected Publisher<?> round() {
        return beat();
    }
}
