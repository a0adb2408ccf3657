package vn.edu.lms.content.library.processing;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.job.Job;
import vn.edu.lms.content.library.extraction.ExtractionFailure;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.library.media.MediaFailure;

/**
 * What a processing job does once it is dead-lettered (its last attempt failed, or was cut off):
 * the file version becomes FAILED with a reason its owner can read.
 */
final class Failures {

    private Failures() {
    }

    static Mono<Void> markFailed(LibraryItems items, Job job, @Nullable Throwable failure) {
        String itemId = job.payload().get("itemId");
        int number = Integer.parseInt(job.payload().get("version"));
        return items.updateFile(itemId, number, file -> file.failed(reason(failure))).then();
    }

    static String reason(@Nullable Throwable failure) {
        if (failure == null) {
            return "processing-interrupted";
        }
        if (failure instanceof ExtractionFailure extraction) {
            return "extraction-" + extraction.reason();
        }
        if (failure instanceof MediaFailure media) {
            return "media-" + media.reason();
        }
        return "processing-error";
    }
}
