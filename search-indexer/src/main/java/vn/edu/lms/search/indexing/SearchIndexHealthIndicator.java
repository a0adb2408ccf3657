package vn.edu.lms.search.indexing;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * How far the search index is behind the library, in health details. Lag is not an outage (search
 * answers, a little behind), so it never takes readiness down; Elasticsearch's own indicator does.
 */
@Component("searchIndex")
class SearchIndexHealthIndicator extends AbstractReactiveHealthIndicator {

    private final IndexFollower follower;

    SearchIndexHealthIndicator(IndexFollower follower) {
        this.follower = follower;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        IndexFollower.Status status = follower.status();
        builder.up().withDetail("indexedUpTo", status.indexedUpTo()).withDetail("latestChange", status.latestChange())
            .withDetail("lag", status.lag());
        if (status.lastError() != null) {
            builder.withDetail("lastError", status.lastError()).withDetail("nextAttempt", String.valueOf(status.nextAttempt()));
        }
        return Mono.just(builder.build());
    }
}
