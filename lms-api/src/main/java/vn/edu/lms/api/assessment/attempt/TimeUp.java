package vn.edu.lms.api.assessment.attempt;

import java.time.Clock;
import java.time.Instant;

import org.reactivestreams.Publisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.edu.lms.content.platform.PeriodicTask;

/**
 * Submits, with everything saved so far, each attempt whose time is up (after the save grace), also
 * when nobody is there to press the button. The submission is a conditional update, so several
 * instances, or a student submitting at the same moment, submit it once.
 */
@Component
class TimeUp extends PeriodicTask {

    private static final int PER_ROUND = 500;

    private final ReactiveMongoTemplate mongo;
    private final Attempts attempts;
    private final TestTakingProperties settings;
    private final Clock clock;

    TimeUp(ReactiveMongoTemplate mongo, Attempts attempts, TestTakingProperties settings, Clock clock) {
        super("Submitting attempts whose time is up", settings.sweepInterval(), settings.sweepInterval());
        this.mongo = mongo;
        this.attempts = attempts;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected Publisher<?> round() {
        long now = clock.millis();
        Criteria due = Criteria.where("state").is(Attempt.State.RUNNING).and("paused").is(false)
            .and("endsAtMs").lt(now - settings.saveGrace().toMillis());
        return mongo.find(Query.query(due).limit(PER_ROUND), Attempt.class)
            .concatMap(attempt -> mongo.findAndModify(Query.query(Criteria.where("_id").is(attempt.id()).andOperator(due)),
                    Update.update("state", Attempt.State.SUBMITTED).set("submittedAt", Instant.ofEpochMilli(now))
                        .set("submitKind", Attempt.SubmitKind.TIME_UP),
                    FindAndModifyOptions.options().returnNew(true), Attempt.class)
                .flatMap(submitted -> attempts.log(submitted, AttemptEvent.Type.AUTO_SUBMITTED, null)));
    }
}
