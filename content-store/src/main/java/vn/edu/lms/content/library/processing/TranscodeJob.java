package vn.edu.lms.content.library.processing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.content.job.Job;
import vn.edu.lms.content.job.JobHandler;
import vn.edu.lms.content.job.JobRun;
import vn.edu.lms.content.job.PermanentJobFailure;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.library.media.HlsResult;
import vn.edu.lms.content.library.media.MediaFailure;
import vn.edu.lms.content.library.media.MediaTranscoder;
import vn.edu.lms.content.platform.BlockingSchedulers;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * Second step for video and audio: FFmpeg makes the HLS ladder (or an AAC rendition), the
 * playlists, segments and poster go to object storage under the digest, and the version becomes
 * READY. Killed midway, the job is taken over after its lease and starts the encode again (a
 * partial encode is not worth trusting); already-uploaded files are simply overwritten.
 */
@Component
class TranscodeJob implements JobHandler {

    static final String TYPE = "library.transcode";

    private final LibraryItems items;
    private final ObjectStorage storage;
    private final MediaTranscoder transcoder;
    private final WorkFiles workFiles;
    private final Scheduler files;

    TranscodeJob(LibraryItems items, ObjectStorage storage, MediaTranscoder transcoder, WorkFiles workFiles, BlockingSchedulers schedulers) {
        this.items = items;
        this.storage = storage;
        this.transcoder = transcoder;
        this.files = schedulers.files();
        this.workFiles = workFiles;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int maxAttempts() {
        return 3;
    }

    @Override
    public Duration timeout() {
        return Duration.ofHours(3);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        // Not media, or a corrupt file, stays so; a timeout or an ffmpeg crash may be the moment's.
        return failure instanceof PermanentJobFailure
            || failure instanceof MediaFailure media && ("not-media".equals(media.reason()) || "corrupt".equals(media.reason()));
    }

    @Override
    public Mono<Void> run(JobRun run) {
        String itemId = run.payload().get("itemId");
        int number = Integer.parseInt(run.payload().get("version"));
        return items.item(itemId).flatMap(item -> Mono.justOrEmpty(item.file(number)))
            .switchIfEmpty(Mono.error(() -> new PermanentJobFailure("item version gone")))
            .flatMap(file -> workFiles.withDirectory(directory -> storage.download(file.blobKey(), directory.resolve("source"))
                .flatMap(source -> encode(run, itemId, number, source, directory.resolve("hls")))
                .flatMap(result -> upload(file, directory.resolve("hls"), result))
                .flatMap(hls -> items.updateFile(itemId, number, version -> version.withHls(hls).ready()))))
            .then();
    }

    @Override
    public Mono<Void> deadLettered(Job job, @Nullable Throwable failure) {
        return Failures.markFailed(items, job, failure);
    }

    /**
     * FFmpeg's progress, at most every 5 %, from 30 % (extraction done) to 95 %: to the job, and to
     * the file version, whose progress is what the uploader sees (it never goes back, also when a
     * retried encode starts again). A lost report is made good by the next one.
     */
    private Mono<HlsResult> encode(JobRun run, String itemId, int number, Path source, Path output) {
        AtomicInteger reported = new AtomicInteger(-5);
        return Mono.fromCallable(() -> Files.createDirectories(output)).subscribeOn(files)
            .then(transcoder.toHls(source, output, percent -> {
                if (percent >= reported.get() + 5) {
                    reported.set(percent);
                    int overall = 30 + percent * 65 / 100;
                    run.progress(overall).then(items.updateFile(itemId, number, version -> version.progressed(overall)))
                        .onErrorResume(failure -> Mono.empty()).subscribe();
                }
            }));
    }

    private Mono<FileVersion.Hls> upload(FileVersion file, Path output, HlsResult result) {
        String prefix = "hls/" + file.sha256() + "/";
        return Mono.fromCallable(() -> {
            try (Stream<Path> paths = Files.walk(output)) {
                return paths.filter(Files::isRegularFile).toList();
            }
        }).subscribeOn(files).flatMapMany(Flux::fromIterable)
            .flatMap(path -> storage.putFile(prefix + output.relativize(path).toString().replace('\\', '/'), path, contentType(path)), 4)
            .then(Mono.fromSupplier(() -> new FileVersion.Hls(prefix, result.masterPlaylist(), result.audioOnly(), result.durationSeconds(),
                renditions(result), result.poster() == null ? null : prefix + result.poster())));
    }

    private static List<FileVersion.Hls.Rendition> renditions(HlsResult result) {
        return result.renditions().stream().map(r -> new FileVersion.Hls.Rendition(r.name(), r.width(), r.height(), r.videoKbps(),
            r.audioKbps())).toList();
    }

    private static String contentType(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : name.endsWith(".ts") ? "video/mp2t"
            : name.endsWith(".jpg") ? "image/jpeg" : "application/octet-stream";
    }
}
