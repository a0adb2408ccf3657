package vn.edu.lms.api.classlist;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import vn.edu.lms.content.platform.PeriodicTask;

/**
 * Polls for class-list imports that a dead process left half-written and removes what they wrote
 * (the database has no change streams, so polling it is): at start-up and then regularly, on every
 * instance; the lease decides which instance takes one over.
 */
@Component
class InterruptedImportRecovery extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImportRecovery.class);

    private final ClassListImports imports;

    InterruptedImportRecovery(ClassListImports imports, ClassListProperties properties) {
        super("Looking for interrupted class-list imports", Duration.ZERO, properties.recoveryEvery());
        this.imports = imports;
    }

    @Override
    protected Flux<?> round() {
        return imports.recoverInterrupted()
            .doOnNext(undone -> log.warn("Class-list import {} removed after an interruption; it can be applied again", undone.id()));
    }
}
