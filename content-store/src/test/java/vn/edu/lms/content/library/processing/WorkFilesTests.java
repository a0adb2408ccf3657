package vn.edu.lms.content.library.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class WorkFilesTests {

    @TempDir
    Path root;

    @Test
    void aJobsDirectoryIsRemovedWhenTheJobEndsEvenWhenItFails() {
        WorkFiles workFiles = new WorkFiles(Schedulers.boundedElastic(), root);
        AtomicReference<Path> seen = new AtomicReference<>();
        Mono<Void> failing = workFiles.withDirectory(directory -> {
            seen.set(directory);
            return Mono.fromCallable(() -> Files.write(directory.resolve("source"), new byte[1024]))
                .then(Mono.error(new IllegalStateException("ffmpeg failed")));
        });
        assertThat(failing.onErrorResume(IllegalStateException.class, e -> Mono.empty()).block(Duration.ofSeconds(10))).isNull();
        assertThat(seen.get()).doesNotExist();
    }

    @Test
    void aDirectoryWhoseProcessDiedIsRemovedAtStartAndOneInUseIsLeftAlone() throws Exception {
        WorkFiles workFiles = new WorkFiles(Schedulers.boundedElastic(), root);
        // What a killed instance leaves: its lock file no longer locked by anyone.
        Path orphan = Files.createDirectory(root.resolve(WorkFiles.PREFIX + "killed"));
        Files.createFile(orphan.resolve(".owner"));
        Files.write(orphan.resolve("source"), new byte[4096]);
        Path foreign = Files.createDirectory(root.resolve("someone-elses"));

        AtomicReference<Integer> removedWhileWorking = new AtomicReference<>();
        AtomicReference<Path> working = new AtomicReference<>();
        workFiles.withDirectory(directory -> Mono.fromCallable(() -> {
            working.set(directory);
            removedWhileWorking.set(workFiles.removeOrphans());
            assertThat(directory).exists();
            return directory;
        })).block(Duration.ofSeconds(10));

        assertThat(removedWhileWorking.get()).isEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(foreign).exists();
        assertThat(working.get()).doesNotExist();
    }
}
