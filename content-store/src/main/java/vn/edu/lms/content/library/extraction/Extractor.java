package vn.edu.lms.content.library.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.IntStream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Extracts text, metadata and a thumbnail from files, in child JVMs: a file that loops, exhausts the
 * heap or crashes its parser costs one child (killed and replaced), never the server. Children start
 * on first use and serve many files each, so the JVM start is paid once. Thread-safe.
 */
@Component
public class Extractor implements DisposableBean {

    /** Files waiting for a child; beyond this, extract fails at once rather than queueing without end. */
    private static final int QUEUED_FILES = 1_000;
    private static final int IDLE_SECONDS = 60;

    private final List<ExtractionWorker> workers;
    /** The workers not extracting: one per scheduler thread, so a thread never waits for one. */
    private final BlockingQueue<ExtractionWorker> idle;
    private final Scheduler scheduler;
    /** Kills children that overrun. Its own thread: Reactor's schedulers may be busy or (under BlockHound) strict. */
    private final ScheduledExecutorService watchdog;

    public Extractor(ExtractionProperties properties) {
        ChildCommand command = ChildCommand.of(properties);
        var timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "extraction-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = Executors.unconfigurableScheduledExecutorService(timer);
        this.workers = IntStream.range(0, properties.workers())
            .mapToObj(i -> new ExtractionWorker(command, properties, watchdog)).toList();
        this.idle = new ArrayBlockingQueue<>(workers.size(), false, workers);
        // Waiting on a child is blocking: a bounded, named pool with one thread per child.
        this.scheduler = Schedulers.newBoundedElastic(workers.size(), QUEUED_FILES, "extraction", IDLE_SECONDS, true);
    }

    /**
     * Extracts text, metadata and a thumbnail from a local file.
     *
     * @return the extraction; or an error: {@link ExtractionFailure} when the file gives none (its
     *         {@link ExtractionFailure#reason() reason} says why), an IOException when the file cannot
     *         be read at all (missing), an IllegalStateException when no child can be started or the
     *         extractor shut down meanwhile (neither is the file's fault: worth another try)
     */
    public Mono<Extraction> extract(Path file) {
        return Mono.fromCallable(() -> extractNow(file)).subscribeOn(scheduler);
    }

    private Extraction extractNow(Path file) throws IOException, InterruptedException {
        if (Files.size(file) == 0) {
            throw new ExtractionFailure(ExtractionFailure.EMPTY); // no need to bother a child
        }
        ExtractionWorker worker = idle.take();
        try {
            return worker.extract(file);
        } finally {
            idle.add(worker);
        }
    }

    /** The running children (for tests that kill one). */
    List<ProcessHandle> children() {
        return workers.stream().map(ExtractionWorker::process).flatMap(Optional::stream).toList();
    }

    /** Kills the children: a child parses on behalf of the server and has nothing to save. */
    @Override
    public void destroy() {
        scheduler.dispose();
        workers.forEach(ExtractionWorker::close);
        watchdog.shutdownNow();
    }
}
