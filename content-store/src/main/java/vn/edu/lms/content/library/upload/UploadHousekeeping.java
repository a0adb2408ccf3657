package vn.edu.lms.content.library.upload;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes abandoned uploads once expired (their parts too) and finishes uploads whose instance
 * died while finishing them. Safe on several instances: each step claims its upload atomically.
 */
@Component
class UploadHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UploadHousekeeping.class);

    private final Uploads uploads;
    private volatile @Nullable Disposable loop;

    UploadHousekeeping(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void start() {
        loop = Flux.interval(uploads.properties().housekeepingEvery())
            .onBackpressureDrop()
            .concatMap(tick -> sweep().onErrorResume(failure -> {
                log.warn("Upload housekeeping failed; trying again later", failure);
                return Mono.empty();
            }), 1)
            .subscribe();
    }

    Mono<Void> sweep() {
        return uploads.removeExpired().doOnNext(removed -> {
            if (removed > 0) {
                log.info("Removed {} expired unfinished uploads", removed);
            }
        }).then(uploads.finishInterrupted().doOnNext(finished -> {
            if (finished > 0) {
                log.info("Finished {} uploads interrupted while finishing", finished);
            }
        })).then();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
