package vn.edu.lms.content.storage;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.springframework.beans.factory.DisposableBean;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.util.retry.Retry;

/**
 * Makes sure the bucket exists once the application is up, retrying with back-off while the
 * object storage is not reachable yet (a container starting beside us). Until then readiness is down.
 */
@Component
class BucketInitializer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BucketInitializer.class);

    private final ObjectStorage storage;
    private volatile Disposable attempt = Disposables.disposed();

    BucketInitializer(ObjectStorage storage) {
        this.storage = storage;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureBucket() {
        attempt = storage.ensureBucket()
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                .doBeforeRetry(signal -> log.warn("Object storage not ready ({}), retrying",
                    signal.failure().toString())))
            .subscribe();
    }

    @Override
    public void destroy() {
        attempt.dispose();
    }
}
