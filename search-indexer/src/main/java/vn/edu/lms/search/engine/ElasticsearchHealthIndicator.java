package vn.edu.lms.search.engine;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import reactor.core.publisher.Mono;

/** Readiness of search: the cluster answers and is at least yellow (single node: replicas unassigned). */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ElasticsearchAsyncClient client;

    ElasticsearchHealthIndicator(ElasticsearchAsyncClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromFuture(() -> client.cluster().health())
            .timeout(Duration.ofSeconds(5))
            .map(health -> (health.status() == HealthStatus.Red ? builder.down() : builder.up())
                .withDetail("status", health.status().jsonValue())
                .withDetail("nodes", health.numberOfNodes())
                .build())
            // Not answering (yet) is an expected state while the embedded node starts: report it, do not log a stack.
            .onErrorResume(failure -> Mono.just(builder.down().withDetail("reason", "not reachable").build()));
    }
}
