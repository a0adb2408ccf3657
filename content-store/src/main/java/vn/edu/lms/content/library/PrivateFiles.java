package vn.edu.lms.content.library;

import java.io.InputStream;
import java.io.OutputStream;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.upload.Upload;
import vn.edu.lms.content.library.upload.Uploads;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * Private files: bytes sent over the library's tus uploads with {@code purpose private} (a student's
 * submission), stored once per digest like library files but never shown in the library. A feature
 * claims a finished upload for its owner and keeps the {@link PrivateFile} it gets; reading one back
 * is the feature's own permission check.
 */
@Service
public class PrivateFiles {

    private final Uploads uploads;
    private final ObjectStorage storage;

    PrivateFiles(Uploads uploads, ObjectStorage storage) {
        this.uploads = uploads;
        this.storage = storage;
    }

    /** A stored private file: what a feature keeps to find it again. */
    public record PrivateFile(String uploadId, String fileName, long size, String mediaType, String sha256, String blobKey) {
    }

    /**
     * The finished private upload of {@code ownerId}: 404 when there is none of theirs, 409 while its
     * bytes are still coming or being checked, 422 when it was refused (its type or a virus).
     */
    public Mono<PrivateFile> claim(String ownerId, String uploadId) {
        return uploads.upload(uploadId)
            .filter(upload -> upload.ownerId().equals(ownerId) && upload.itemId() == null)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "private-file-not-found")))
            .flatMap(upload -> switch (upload.state()) {
                case COMPLETED -> Mono.just(fileOf(upload));
                case REFUSED -> Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "private-file-refused", upload.fileName()));
                case RECEIVING, FINISHING -> Mono.error(new LmsProblem(HttpStatus.CONFLICT, "private-file-unfinished", upload.fileName()));
            });
    }

    private static PrivateFile fileOf(Upload upload) {
        return new PrivateFile(upload.id(), upload.fileName(), upload.length(), java.util.Objects.requireNonNull(upload.mediaType()),
            java.util.Objects.requireNonNull(upload.sha256()), java.util.Objects.requireNonNull(upload.blobKey()));
    }

    /** The file's bytes as buffers, read on the object-storage scheduler, never held whole. */
    public Flux<DataBuffer> content(PrivateFile file, DataBufferFactory buffers) {
        return storage.read(file.blobKey(), 0, file.size(), buffers);
    }

    /**
     * Copies the file's bytes into {@code out} on the calling thread: blocking, for an archive written
     * on a bounded blocking scheduler, one file after another.
     */
    public void copyBlocking(PrivateFile file, OutputStream out) throws Exception {
        try (InputStream in = storage.openBlocking(file.blobKey())) {
            in.transferTo(out);
        }
    }
}
