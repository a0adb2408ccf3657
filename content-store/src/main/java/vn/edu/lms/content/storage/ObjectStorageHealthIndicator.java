package vn.edu.lms.content.storage;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Readiness of the object storage: reachable, keys accepted, and the library's bucket there. */
@Component("objectStorageHealthIndicator")
class ObjectStorageHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ObjectStorage storage;

    ObjectStorageHealthIndicator(ObjectStorage storage) {
        super("Object storage health check failed");
        this.storage = storage;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return storage.bucketExists()
            .timeout(Duration.ofSeconds(5))
            .map(exists -> (exists ? builder.up() : builder.down().withDetail("reason", "bucket missing"))
                .withDetail("bucket", storage.bucket())
                .build());
    }
}
