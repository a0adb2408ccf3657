package vn.edu.lms.content.library.processing;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.job.JobHandler;
import vn.edu.lms.content.job.JobRun;
import vn.edu.lms.content.library.extraction.ExtractionFailure;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.library.media.MediaFailure;

/**
 * When a processing attempt is the last one (a permanent failure, or no attempts left), the file
 * version is marked FAILED with a reason its owner can read; the error still goes to the job, which
 * keeps it in its dead letter.
 */
final class Failures {

    private Failures() {
    }

    static Mono<Void> recordIfFinal(LibraryItems items, JobRun run, JobHandler handler, String itemId, int number, Throwable failure) {
        boolean last = handler.isPermanent(failure) || run.job().attempts() >= run.job().maxAttempts();
        if (!last) {
            return Mono.error(failure);
        }
        String reason = reason(failure);
        return items.updateFile(itemId, number, file -> new FileVersion(file.number(), file.uploadId(), file.sha256(), file.blobKey(),
                file.size(), file.mediaType(), file.fileName(), file.uploadedAt(), file.uploadedBy(), FileVersion.State.FAILED, reason,
                file.progress(), file.extracted(), file.hls()))
            .onErrorResume(ignored -> Mono.empty())
            .then(Mono.error(failure));
    }

    static String reason(Throwable failure) {
        if (failure instanceof ExtractionFailure extraction) {
            return "extraction-" + extraction.reason();
        }
        if (failure instanceof MediaFailure media) {
            return "media-" + media.reason();
        }
        return "processing-error";
    }
}
