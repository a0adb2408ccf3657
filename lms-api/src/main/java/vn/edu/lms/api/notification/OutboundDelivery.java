package vn.edu.lms.api.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.PeriodicTask;

/**
 * Hands stored notifications to every {@link NotificationChannel}. Each notification lists the channels that still owe it
 * ({@code pending}) from the moment it is stored, so nothing is lost: a delivery is tried at once, and whatever failed, or
 * was cut off by a stop, is picked up by the retry round once {@code deliverAfter} has passed. A channel's name leaves the
 * list (one atomic {@code $pull}) only after the channel took the notice.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class OutboundDelivery extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboundDelivery.class);
    private static final int PER_ROUND = 200;
    private static final int AT_ONCE = 4;

    private final ReactiveMongoTemplate mongo;
    private final Map<String, NotificationChannel> channels = new LinkedHashMap<>();
    private final NotificationProperties settings;
    private final Clock clock;

    OutboundDelivery(ReactiveMongoTemplate mongo, ObjectProvider<NotificationChannel> channels, NotificationProperties settings, Clock clock) {
        super("Delivering notifications a channel still owes", settings.retryInterval(), settings.retryInterval());
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
        channels.orderedStream().forEach(channel -> {
            if (this.channels.putIfAbsent(channel.name(), channel) != null) {
                throw new IllegalStateException("two notification channels are named " + channel.name());
            }
        });
    }

    /** The channels a new notification is owed to. */
    List<String> channelNames() {
        return List.copyOf(channels.keySet());
    }

    NotificationProperties settings() {
        return settings;
    }

    /** Starts delivering new notifications without holding up the feature that sent them. */
    void deliverSoon(List<Notification> stored) {
        if (channels.isEmpty() || stored.isEmpty()) {
            return;
        }
        Flux.fromIterable(stored).flatMap(this::deliver, AT_ONCE)
            .subscribe(null, failure -> log.warn("Delivering new notifications failed; the retry round takes them up", failure));
    }

    /** The notifications owed to a channel here whose time has come, each claimed first so that one instance delivers it. */
    @Override
    protected Publisher<?> round() {
        if (channels.isEmpty()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        Criteria due = Criteria.where("pending").in(channels.keySet()).and("deliverAfter").lte(now);
        return mongo.find(Query.query(due).with(Sort.by("deliverAfter")).limit(PER_ROUND), Notification.class)
            .concatMap(found -> mongo.findAndModify(
                Query.query(Criteria.where("_id").is(found.id()).and("deliverAfter").is(found.deliverAfter())),
                Update.update("deliverAfter", now.plus(settings.retryAfter())), FindAndModifyOptions.options().returnNew(true), Notification.class))
            .flatMap(this::deliver, AT_ONCE);
    }

    /** Each channel the notification is still owed to; a channel no longer configured here keeps it owing. */
    private Mono<Void> deliver(Notification notification) {
        return Flux.fromIterable(notification.pending()).mapNotNull(channels::get)
            .flatMap(channel -> Mono.defer(() -> channel.deliver(notification.outbound())).timeout(settings.deliveryTimeout())
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(notification.id())), new Update().pull("pending", channel.name()),
                    Notification.class))
                .then()
                .onErrorResume(failure -> {
                    // Ids only: the log never holds the title or whom the recipient is.
                    log.warn("Notification {} not delivered through {}; tried again after {}", notification.id(), channel.name(),
                        settings.retryAfter(), failure);
                    return Mono.empty();
                }))
            .then();
    }
}
