package vn.edu.lms.content.library.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.content.platform.BlockingSchedulers;

/**
 * A private temporary directory for one job's files (a video's copy and its renditions can be
 * gigabytes), removed whatever happens to the job. Each directory holds a file locked by its
 * process while it works; the operating system drops the lock when the process dies, so the
 * directories of an instance killed with {@code kill -9} are recognised and removed at the next
 * start, while those of other instances sharing the temp directory are left alone.
 */
@Component
final class WorkFiles implements SmartInitializingSingleton {

    static final String PREFIX = "lms-job-";
    private static final String OWNER = ".owner";
    /** A directory without its lock file is one being created, unless it is this old. */
    private static final Duration UNCLAIMED = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(WorkFiles.class);

    private final Scheduler files;
    private final Path root;

    @Autowired
    WorkFiles(BlockingSchedulers schedulers) {
        this(schedulers.files(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    WorkFiles(Scheduler files, Path root) {
        this.files = files;
        this.root = root;
    }

    <T> Mono<T> withDirectory(Function<Path, Mono<T>> work) {
        return Mono.usingWhen(Mono.fromCallable(this::claim).subscribeOn(files), directory -> work.apply(directory.path()),
            directory -> Mono.fromRunnable(directory::remove).subscribeOn(files));
    }

    @Override
    public void afterSingletonsInstantiated() {
        int removed = removeOrphans();
        if (removed > 0) {
            log.info("Removed {} work directories left by a process that died mid-job", removed);
        }
    }

    /** Removes the work directories whose process has died; how many. */
    int removeOrphans() {
        int removed = 0;
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path directory : directories) {
                if (orphaned(directory)) {
                    delete(directory);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for orphaned work directories in {}: {}", root, e.toString());
        }
        return removed;
    }

    private static boolean orphaned(Path directory) {
        Path owner = directory.resolve(OWNER);
        try {
            if (!Files.exists(owner)) {
                return Files.getLastModifiedTime(directory).toInstant().isBefore(Instant.now().minus(UNCLAIMED));
            }
            try (FileChannel channel = FileChannel.open(owner, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
                return lock != null;
            }
        } catch (OverlappingFileLockException mine) {
            return false; // held by this very process: a job of ours is using it
        } catch (IOException e) {
            return false;
        }
    }

    private WorkDirectory claim() throws IOException {
        Path directory = Files.createTempDirectory(root, PREFIX);
        FileChannel owner = FileChannel.open(directory.resolve(OWNER), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new WorkDirectory(directory, owner, owner.lock());
    }

    private record WorkDirectory(Path path, FileChannel owner, FileLock lock) {

        void remove() {
            try {
                owner.close(); // releases the lock
            } catch (IOException ignored) {
                // closing a lock file cannot lose anything
            }
            delete(path);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover temp file is not worth failing a finished job for.
        }
    }
}
