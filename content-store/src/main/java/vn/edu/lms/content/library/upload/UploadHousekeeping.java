package vn.edu.lms.content.library.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.platform.PeriodicTask;

/**
 * Removes abandoned uploads once expired (their parts too) and finishes uploads whose instance
 * died while finishing them. Safe on several instances: each step claims its upload atomically.
 */
@Component
class UploadHousekeeping extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(UploadHousekeeping.class);

    private final Uploads uploads;

    UploadHousekeeping(Uploads uploads) {
        super("Upload housekeeping", uploads.properties().housekeepingEvery(), uploads.properties().housekeepingEvery());
        this.uploads = uploads;
    }

    @Override
    protected Mono<Void> round() {
        return sweep();
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
}
