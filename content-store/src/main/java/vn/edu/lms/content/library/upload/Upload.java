package vn.edu.lms.content.library.upload;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tus upload in progress. {@code offset} counts only bytes that are durable in object storage:
 * whole parts of the multipart upload plus, after an interrupted or short PATCH, a "tail" object
 * holding the bytes of the unfinished part. {@code digestState} is the SHA-256 state over exactly
 * {@code offset} bytes, so hashing resumes where it stopped, on any instance, after any restart.
 *
 * @param itemId        the library item the file becomes a version of; null for a private file (a student's
 *                      submission), which is only stored and handed to whoever claims it ({@code PrivateFiles})
 * @param key           object key the parts are joined into
 * @param patchOwner    the PATCH request currently receiving (a lease), if any
 * @param fileVersion   the item's file version once finished
 * @param blobKey       where the finished bytes are (stored once per digest)
 */
@Document("library_uploads")
public record Upload(
    @Id String id,
    @Nullable String itemId,
    String ownerId,
    String fileName,
    long length,
    long offset,
    String key,
    String multipartId,
    List<PartRef> parts,
    @Nullable String tailKey,
    long tailSize,
    byte[] digestState,
    State state,
    @Nullable String failure,
    @Nullable String sha256,
    @Nullable String mediaType,
    @Nullable Integer fileVersion,
    Instant createdAt,
    Instant expiresAt,
    @Nullable String patchOwner,
    @Nullable Instant patchLeaseUntil,
    @Nullable String blobKey) {

    public Upload {
        parts = List.copyOf(parts);
    }

    public enum State {
        /** Taking bytes. */
        RECEIVING,
        /** Every byte arrived; being joined, checked and added to the item. */
        FINISHING,
        /** A version of the item, or a private file ready to be claimed. */
        COMPLETED,
        /** Refused (type, virus): the bytes are gone, {@code failure} says why. */
        REFUSED
    }

    /** One part of the multipart upload. */
    public record PartRef(int number, String etag, long size) {
    }

    public long partsSize() {
        return parts.stream().mapToLong(PartRef::size).sum();
    }
}
