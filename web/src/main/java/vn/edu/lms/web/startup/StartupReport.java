package vn.edu.lms.web.startup;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.ServicesReady;
import vn.edu.lms.web.home.ServiceHealth;

/**
 * Tells the operator, in one line, when the application is ready to serve: every service up,
 * with the seconds since the JVM started. That figure is the one the README promises. The same
 * moment is published as {@link ServicesReady}: the readiness probe answers UP from then on.
 */
@Component
class StartupReport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private final ServiceHealth health;
    private final ApplicationEventPublisher events;
    private volatile Disposable watch = Disposables.disposed();

    StartupReport(ServiceHealth health, ApplicationEventPublisher events) {
        this.health = health;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watchUntilReady() {
        watch = Mono.defer(() -> health.check().collectList())
            .filter(services -> services.stream().allMatch(ServiceHealth.ServiceStatus::up))
            .repeatWhenEmpty(Integer.MAX_VALUE, attempts -> attempts.delayElements(POLL))
            .timeout(GIVE_UP)
            .subscribe(this::reportReady, failure -> log.warn("Services still not all up after {} min: {}",
                GIVE_UP.toMinutes(), failure.toString()));
    }

    private void reportReady(List<ServiceHealth.ServiceStatus> services) {
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        List<String> names = services.stream().map(ServiceHealth.ServiceStatus::name).toList();
        log.info("LMS ready in {} s: {} UP", String.format(Locale.ROOT, "%.1f", seconds), names);
        events.publishEvent(new ServicesReady(names));
    }

    @Override
    public void destroy() {
        watch.dispose();
    }
}
