package vn.edu.lms.content.platform;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The guard is live: blocking on a non-blocking thread fails, on the bounded schedulers it is allowed. */
class BlockHoundTests {

    @Test
    void blockingOnANonBlockingThreadFails() {
        StepVerifier.create(Mono.fromCallable(BlockHoundTests::sleepBriefly).subscribeOn(Schedulers.parallel()))
            .expectError(BlockingOperationError.class).verify(Duration.ofSeconds(10));
    }

    @Test
    void blockingOnABlockingSchedulerIsAllowed() {
        BlockingSchedulers schedulers = new BlockingSchedulers();
        try {
            StepVerifier.create(Mono.fromCallable(BlockHoundTests::sleepBriefly).subscribeOn(schedulers.files()))
                .expectNext(true).expectComplete().verify(Duration.ofSeconds(10));
        } finally {
            schedulers.destroy();
        }
    }

    private static boolean sleepBriefly() throws InterruptedException {
        Thread.sleep(1);
        return true;
    }
}
