package vn.edu.lms.content.library.processing;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.job.Job;
import vn.edu.lms.content.job.JobHandler;
import vn.edu.lms.content.job.JobQueue;
import vn.edu.lms.content.job.JobRun;
import vn.edu.lms.content.job.PermanentJobFailure;
import vn.edu.lms.content.library.extraction.Extraction;
import vn.edu.lms.content.library.extraction.ExtractionFailure;
import vn.edu.lms.content.library.extraction.Extractor;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.library.upload.Uploads;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * First processing step of a new file version: Tika extracts its text and metadata in a child
 * process, the text and thumbnail go to object storage (keyed by the bytes' digest, so identical
 * files share them), and the version becomes READY, or, for video and audio, waits for its
 * renditions ({@link TranscodeJob}). A hostile or broken file fails its own version with the reason.
 */
@Component
class ProcessFileJob implements JobHandler {

    private final LibraryItems items;
    private final ObjectStorage storage;
    private final Extractor extractor;
    private final JobQueue jobs;
    private final WorkFiles workFiles;

    ProcessFileJob(LibraryItems items, ObjectStorage storage, Extractor extractor, JobQueue jobs, WorkFiles workFiles) {
        this.items = items;
        this.storage = storage;
        this.extractor = extractor;
        this.jobs = jobs;
        this.workFiles = workFiles;
    }

    @Override
    public String type() {
        return Uploads.PROCESS_JOB;
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        // A timeout or a crashed child may be the machine's moment, not the file: those are retried.
        return failure instanceof PermanentJobFailure || failure instanceof ExtractionFailure extraction
            && !ExtractionFailure.TIMEOUT.equals(extraction.reason()) && !ExtractionFailure.CRASHED.equals(extraction.reason());
    }

    @Override
    public Mono<Void> run(JobRun run) {
        String itemId = run.payload().get("itemId");
        int number = Integer.parseInt(run.payload().get("version"));
        return items.item(itemId).flatMap(item -> Mono.justOrEmpty(item.file(number)))
            .switchIfEmpty(Mono.error(() -> new PermanentJobFailure("item version gone")))
            .flatMap(file -> workFiles.withDirectory(directory -> storage.download(file.blobKey(), directory.resolve("source"))
                .flatMap(source -> run.progress(10).then(extractor.extract(source)))
                .flatMap(extraction -> store(file, extraction))
                .flatMap(extracted -> items.updateFile(itemId, number, version -> version.withExtracted(extracted, version.isMedia() ? 30 : 90)))
                .flatMap(item -> file.isMedia()
                    ? jobs.enqueue(TranscodeJob.TYPE, Map.of("itemId", itemId, "version", String.valueOf(number)),
                        TranscodeJob.TYPE + ":" + itemId + ":" + number, 3).then()
                    : items.updateFile(itemId, number, FileVersion::ready).then())));
    }

    @Override
    public Mono<Void> deadLettered(Job job, @Nullable Throwable failure) {
        return Failures.markFailed(items, job, failure);
    }

    /** Keeps the text and thumbnail under the digest: a second item with the same bytes reuses them. */
    private Mono<FileVersion.Extracted> store(FileVersion file, Extraction extraction) {
        String textKey = "text/" + file.sha256() + ".txt";
        byte[] text = extraction.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Mono<String> thumbnail = extraction.thumbnailPng() == null ? Mono.empty()
            : storage.putBytes("thumbnails/" + file.sha256() + ".png", extraction.thumbnailPng(), "image/png").map(stored -> stored.key());
        return storage.putBytes(textKey, text, "text/plain; charset=UTF-8")
            .then(thumbnail.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
            .map(thumbnailKey -> new FileVersion.Extracted(textKey, extraction.text().length(), extraction.textTruncated(),
                extraction.title(), extraction.author(), extraction.pages(), extraction.language(), extraction.durationSeconds(),
                thumbnailKey.orElse(null)));
    }
}
