package vn.edu.lms.web.home;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The health of the three services the product stands on, as the landing page and start-up report show it. */
@Component
public class ServiceHealth {

    /** Health component names, in the order shown. */
    public static final List<String> SERVICES = List.of("mongo", "objectStorage", "elasticsearch");

    private final ReactiveHealthContributorRegistry registry;

    ServiceHealth(ReactiveHealthContributorRegistry registry) {
        this.registry = registry;
    }

    /** One entry per service; a service that does not answer within a few seconds counts as down. */
    public Flux<ServiceStatus> check() {
        return Flux.fromIterable(SERVICES).concatMap(name -> status(name).map(status -> new ServiceStatus(name, status)));
    }

    private Mono<Status> status(String name) {
        ReactiveHealthContributor contributor = registry.getContributor(name);
        if (!(contributor instanceof ReactiveHealthIndicator indicator)) {
            return Mono.just(Status.UNKNOWN);
        }
        return indicator.health()
            .map(Health::getStatus)
            .timeout(Duration.ofSeconds(6))
            .onErrorReturn(Status.DOWN);
    }

    /** A service's name and status. */
    public record ServiceStatus(String name, Status status) {

        public boolean up() {
            return Status.UP.equals(status);
        }
    }
}
