package vn.edu.lms.content.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound settings shared by every module's tests.
 *
 * <p>Every blocking call it catches is logged, with where it happened, before it fails: a library
 * that swallows the error would otherwise leave only a request that never completes (that is how
 * the one allowance below was found).
 *
 * <p>The allowance: the MongoDB driver's connection pool guards its state with locks held for a
 * few instructions ({@code com.mongodb.internal.Locks}); under contention a thread parks for
 * microseconds. That is a lock, not I/O, and the driver swallows the error BlockHound would raise
 * there, leaving the query without an answer.
 */
public class ReportBlockingCalls implements BlockHoundIntegration {

    private static final Logger log = LoggerFactory.getLogger(ReportBlockingCalls.class);

    @Override
    public void applyTo(BlockHound.Builder builder) {
        for (String method : new String[] { "checkedWithLock", "checkedWithInterruptibleLock", "withInterruptibleLock",
                "lockInterruptibly" }) {
            builder.allowBlockingCallsInside("com.mongodb.internal.Locks", method);
        }
        // The same for the Elasticsearch REST client's connection pool (Apache HttpAsyncClient): taking a
        // connection locks the pool for a few instructions; the request itself is asynchronous.
        builder.allowBlockingCallsInside("org.apache.http.nio.pool.AbstractNIOConnPool", "lease");
        // Netty's adaptive buffer allocator guards its magazines with a StampedLock held for a few
        // instructions; a read on an event loop may park on it for microseconds when threads contend.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        // The MongoDB driver names a new server session with UUID.randomUUID(), which reads /dev/urandom
        // (never waits on Linux) when SecureRandom's buffer runs dry: seen when concurrent requests need more sessions.
        builder.allowBlockingCallsInside("com.mongodb.internal.session.ServerSessionPool", "createNewServerSessionIdentifier");
        // Test clients only: WebTestClient draws a multipart boundary from SecureRandom when a test uploads a file.
        builder.allowBlockingCallsInside("org.springframework.util.MimeTypeUtils", "generateMultipartBoundary");
        builder.blockingMethodCallback(method -> {
            BlockingOperationError error = new BlockingOperationError(method);
            log.error("Blocking call on a non-blocking thread: {}", method, error);
            throw error;
        });
    }
}
