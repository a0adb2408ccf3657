package vn.edu.lms.content.library.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** A private temporary directory for one job's files, removed whatever happens. */
final class WorkFiles {

    private final Scheduler files;

    WorkFiles(Scheduler files) {
        this.files = files;
    }

    <T> Mono<T> withDirectory(Function<Path, Mono<T>> work) {
        return Mono.usingWhen(Mono.fromCallable(() -> Files.createTempDirectory("lms-job-")).subscribeOn(files),
            work, directory -> Mono.fromRunnable(() -> delete(directory)).subscribeOn(files));
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
