package vn.edu.lms.content.platform;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work done in rounds, every {@code interval} from the application's start to its stop (the
 * database has no change streams, so the background work polls it). One round at a time: a tick
 * that comes while a round runs is dropped. A failed round is logged and the next one runs as usual.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration firstDelay;
    private final Duration interval;
    private volatile @Nullable Disposable loop;

    /**
     * @param name        what the log says failed ("Feed sequencing")
     * @param firstDelay  from start to the first round
     */
    protected PeriodicTask(String name, Duration firstDelay, Duration interval) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.interval = interval;
    }

    /** One round of the work. */
    protected abstract Publisher<?> round();

    /** Called once stopped, e.g. to hand a lease over at once. */
    protected void stopped() {
    }

    @Override
    public void start() {
        loop = Flux.interval(firstDelay, interval)
            .onBackpressureDrop()
            .concatMap(tick -> Flux.defer(this::round).then().onErrorResume(failure -> {
                log.warn("{} failed; trying again at the next round", name, failure);
                return Mono.empty();
            }), 1)
            .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
        stopped();
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
