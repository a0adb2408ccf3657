package vn.edu.lms.content.platform;

import java.util.List;

/**
 * Published once after start-up, when the application answers and every service it stands on is up:
 * the moment its readiness probe turns UP and a load balancer sends users back. Features that must
 * make good what an outage cost (the test clock) listen for it; it may never come if a service stays
 * down.
 *
 * @param services the services found up, by health name
 */
public record ServicesReady(List<String> services) {

    public ServicesReady {
        services = List.copyOf(services);
    }
}
