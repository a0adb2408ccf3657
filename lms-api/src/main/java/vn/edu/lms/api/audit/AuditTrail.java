package vn.edu.lms.api.audit;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.ClientAddresses;
import vn.edu.lms.content.platform.RequestIds;

/**
 * The append-only record of access to personal data. Features record an event in the same
 * reactive chain as the access, so a read that was answered was also recorded.
 */
@Component
public class AuditTrail {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AuditTrail(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records that {@code actorId} did {@code action} to a record, from the exchange's client. */
    public Mono<Void> record(String actorId, String action, String resourceType, String resourceId,
            @Nullable String schoolId, @Nullable ServerWebExchange exchange) {
        AuditEvent event = new AuditEvent(null, clock.instant(), actorId, action, resourceType, resourceId, schoolId,
            exchange == null ? null : ClientAddresses.of(exchange), exchange == null ? null : RequestIds.of(exchange));
        return mongo.insert(event).then();
    }

    /** Events about one school's records, newest first; or every school's when {@code schoolId} is null. */
    Flux<AuditEvent> events(@Nullable String schoolId, int limit) {
        Query query = schoolId == null ? new Query() : Query.query(Criteria.where("schoolId").is(schoolId));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "at")).limit(limit), AuditEvent.class);
    }
}
