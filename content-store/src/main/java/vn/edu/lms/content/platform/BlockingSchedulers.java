package vn.edu.lms.content.platform;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The bounded, named thread pools where blocking libraries run, so that no event-loop thread ever
 * waits on a disk or a blocking client. Each pool has a cap on threads and on queued tasks: when
 * the machine is saturated, work waits in a bounded queue instead of piling up threads.
 */
@Component
public class BlockingSchedulers implements DisposableBean {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int QUEUED_TASKS = 10_000;
    private static final int IDLE_SECONDS = 60;

    private final Scheduler objectStorage = bounded("object-storage", Math.max(8, 4 * CORES));
    private final Scheduler files = bounded("file-io", Math.max(4, 2 * CORES));
    private final Scheduler hashing = bounded("password-hashing", CORES);

    private static Scheduler bounded(String name, int threads) {
        return Schedulers.newBoundedElastic(threads, QUEUED_TASKS, name, IDLE_SECONDS, true);
    }

    /** For the MinIO client, whose calls block on the network. */
    public Scheduler objectStorage() {
        return objectStorage;
    }

    /** For reading and writing local files. */
    public Scheduler files() {
        return files;
    }

    /** For password hashing: deliberately slow, CPU-bound work, one thread per core at most. */
    public Scheduler hashing() {
        return hashing;
    }

    @Override
    public void destroy() {
        objectStorage.dispose();
        files.dispose();
        hashing.dispose();
    }
}
