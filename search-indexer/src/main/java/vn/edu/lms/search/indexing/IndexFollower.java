package vn.edu.lms.search.indexing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.feed.LibraryFeed;
import vn.edu.lms.content.platform.MongoLease;
import vn.edu.lms.content.platform.PeriodicTask;
import vn.edu.lms.search.index.LibraryIndex;

/**
 * Keeps the library index in step with the content store: one follower in the deployment (the
 * instance holding the lease) writes the feed into the index behind the alias, batch after batch.
 * While Elasticsearch is down it waits longer between attempts (doubling up to a minute) and then
 * goes on from its checkpoint, so after a restart of either side the index converges.
 */
@Component
public class IndexFollower extends PeriodicTask {

    static final String CHECKPOINT = "alias";
    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(1);

    private final FeedIndexer indexer;
    private final LibraryIndex index;
    private final LibraryFeed feed;
    private final MongoLease lease;
    private final Clock clock;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile Duration backOff = Duration.ZERO;
    private volatile @Nullable String lastError;
    private volatile long checkpoint;
    private volatile long latest;

    IndexFollower(FeedIndexer indexer, LibraryIndex index, LibraryFeed feed, ReactiveMongoTemplate mongo, Clock clock,
            ObjectProvider<MeterRegistry> meters,
            @Value("${lms.search.follow.interval:500ms}") Duration interval, @Value("${lms.search.follow.lease:30s}") Duration lease) {
        super("Search index following", interval, interval);
        this.indexer = indexer;
        this.index = index;
        this.feed = feed;
        this.clock = clock;
        this.lease = new MongoLease(mongo, clock, FeedIndexer.CHECKPOINTS, "follower", lease);
        meters.ifAvailable(registry -> Gauge.builder("lms.search.index.lag", this, follower -> follower.lag())
            .description("library changes not yet in the search index (feed sequences)").register(registry));
    }

    /** One round, unless backing off: hold the lease, then index until caught up; lag is measured every round. */
    @Override
    protected Mono<Void> round() {
        Mono<Void> indexing = clock.instant().isBefore(nextAttempt) ? Mono.empty()
            : lease.hold(new Document()).flatMap(held -> !held ? Mono.<Void>empty() : index.ensure().flatMap(ignored -> indexer.catchUp(LibraryIndex.ALIAS, CHECKPOINT).then()))
                .doOnSuccess(done -> recovered())
                .onErrorResume(failure -> {
                    failed(failure);
                    return Mono.empty();
                });
        return indexing.then(measure());
    }

    /** What the lag metric and health show; the database being away as well is the database's own health. */
    private Mono<Void> measure() {
        return feed.latestSequence().zipWith(indexer.checkpoint(CHECKPOINT)).doOnNext(state -> {
            latest = state.getT1();
            checkpoint = state.getT2();
        }).then().onErrorResume(failure -> Mono.empty());
    }

    private void failed(Throwable failure) {
        Duration doubled = backOff.isZero() ? Duration.ofSeconds(1) : backOff.multipliedBy(2);
        backOff = doubled.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : doubled;
        nextAttempt = clock.instant().plus(backOff);
        Throwable root = NestedExceptionUtils.getRootCause(failure);
        String reason = root == null ? failure.toString() : failure + ", caused by " + root;
        if (!reason.equals(lastError)) {
            log.warn("Search indexing paused ({}); trying again in {} s and less often while it lasts", reason, backOff.toSeconds());
        }
        lastError = reason;
    }

    private void recovered() {
        if (lastError != null) {
            log.info("Search indexing goes on after: {}", lastError);
        }
        lastError = null;
        backOff = Duration.ZERO;
        nextAttempt = Instant.EPOCH;
    }

    /** Changes numbered but not yet indexed, as last seen. */
    public long lag() {
        return Math.max(0, latest - checkpoint);
    }

    /** What health details show. */
    public Status status() {
        return new Status(checkpoint, latest, lag(), lastError, backOff.isZero() ? null : nextAttempt);
    }

    public record Status(long indexedUpTo, long latestChange, long lag, @Nullable String lastError, @Nullable Instant nextAttempt) {
    }

    /** Stopping hands the lease over at once, so another instance goes on indexing without waiting for it to run out. */
    @Override
    protected void stopped() {
        lease.release();
    }
}
