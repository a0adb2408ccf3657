package vn.edu.lms.api.classlist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Polls for class-list imports that a dead process left half-written and removes what they wrote
 * (the database has no change streams, so polling it is): at start-up and then regularly, on every
 * instance; the lease decides which instance takes one over.
 */
@Component
class InterruptedImportRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImportRecovery.class);

    private final ClassListImports imports;
    private final ClassListProperties properties;
    private volatile Disposable polling;

    InterruptedImportRecovery(ClassListImports imports, ClassListProperties properties) {
        this.imports = imports;
        this.properties = properties;
    }

    @Override
    public void start() {
        polling = Flux.interval(java.time.Duration.ZERO, properties.recoveryEvery())
            .onBackpressureDrop()
            .concatMap(tick -> imports.recoverInterrupted()
                .doOnNext(undone -> log.warn("Class-list import {} removed after an interruption; it can be applied again", undone.id()))
                .onErrorResume(failure -> {
                    log.warn("Looking for interrupted class-list imports failed; trying again later", failure);
                    return Mono.empty();
                }))
            .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = polling;
        if (running != null) {
            running.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
