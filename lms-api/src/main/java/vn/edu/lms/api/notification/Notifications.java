package vn.edu.lms.api.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Notifications inside the application (collection {@code notifications}): features {@link #send} them, each person reads
 * and marks their own. Every new notification is also owed to each {@link NotificationChannel}.
 */
@Service
public class Notifications implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final int BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final OutboundDelivery outbound;
    private final Clock clock;

    Notifications(ReactiveMongoTemplate mongo, OutboundDelivery outbound, Clock clock) {
        this.mongo = mongo;
        this.outbound = outbound;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Notification.class).createIndex(new Index("recipientId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC))
            .then(mongo.indexOps(Notification.class).createIndex(new Index("pending", Sort.Direction.ASC).on("deliverAfter", Sort.Direction.ASC)))
            .block(Duration.ofMinutes(2));
    }

    /** A notice for one person. */
    public record Addressed(String recipientAccountId, Notice notice) {
    }

    /** Tells each recipient once (see {@link #sendAll}). */
    public Mono<Void> send(Collection<String> recipientAccountIds, Notice notice) {
        return sendAll(Flux.fromIterable(List.copyOf(recipientAccountIds)).map(recipient -> new Addressed(recipient, notice)));
    }

    /**
     * Stores the notices, one per recipient, and starts their outbound delivery. A notice a recipient already has (same
     * kind, link and dedupe key) is not stored again, read or not. Never fails: what is being notified has happened, so a
     * failure here, or in the lookups that produce {@code notices}, is logged and the returned Mono completes.
     */
    public Mono<Void> sendAll(Publisher<Addressed> notices) {
        return Flux.from(notices).buffer(BATCH)
            .concatMap(batch -> insert(stored(batch)).collectList().doOnNext(outbound::deliverSoon))
            .then()
            .onErrorResume(failure -> {
                log.warn("Notifications not sent; what they tell of stands", failure);
                return Mono.empty();
            });
    }

    private List<Notification> stored(List<Addressed> batch) {
        Instant now = clock.instant();
        List<String> channels = outbound.channelNames();
        Map<String, Notification> byId = new LinkedHashMap<>();
        for (Addressed addressed : batch) {
            Notification notification = Notification.of(addressed.recipientAccountId(), addressed.notice(), now, channels,
                now.plus(outbound.settings().retryAfter()));
            byId.putIfAbsent(notification.id(), notification);
        }
        return List.copyOf(byId.values());
    }

    /**
     * One batch; when some are there already, one by one, skipping those. A notification the batch stored before it met a
     * duplicate counts as already there: the retry round delivers it.
     */
    private Flux<Notification> insert(List<Notification> batch) {
        return mongo.insertAll(batch).onErrorResume(DuplicateKeyException.class, duplicate -> Flux.fromIterable(batch)
            .concatMap(one -> mongo.insert(one).onErrorResume(DuplicateKeyException.class, there -> Mono.empty())));
    }

    /** A person's notifications, newest first. */
    Flux<Notification> of(String recipientId, boolean unreadOnly, int limit) {
        Criteria criteria = Criteria.where("recipientId").is(recipientId);
        if (unreadOnly) {
            criteria = criteria.and("readAt").is(null);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).limit(limit),
            Notification.class);
    }

    Mono<Long> unreadCount(String recipientId) {
        return mongo.count(Query.query(Criteria.where("recipientId").is(recipientId).and("readAt").is(null)), Notification.class);
    }

    /** Marks one of the person's notifications read (again: nothing changes); someone else's is not found. */
    Mono<Void> markRead(String recipientId, String id) {
        Query own = Query.query(Criteria.where("_id").is(id).and("recipientId").is(recipientId));
        // Only an unread one changes, so the first time read is kept; nothing matched is either read already or not theirs.
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("recipientId").is(recipientId).and("readAt").is(null)),
                Update.update("readAt", clock.instant()), Notification.class)
            .flatMap(marked -> marked.getMatchedCount() > 0 ? Mono.just(true) : mongo.exists(own, Notification.class))
            .filter(Boolean::booleanValue)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "notification-not-found")))
            .then();
    }

    Mono<Void> markAllRead(String recipientId) {
        return mongo.updateMulti(Query.query(Criteria.where("recipientId").is(recipientId).and("readAt").is(null)),
            Update.update("readAt", clock.instant()), Notification.class).then();
    }
}
