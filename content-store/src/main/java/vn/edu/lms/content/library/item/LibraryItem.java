package vn.edu.lms.content.library.item;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learning resource in the shared library. Every change is one atomic update of this document
 * guarded by {@code version}; it sets {@code changed} so that the feed sequencer gives it the next
 * {@code sequence} number (the change feed the search index follows).
 *
 * @param revisions  every metadata edit, oldest first: the history a teacher can read
 * @param files      every uploaded version, oldest first
 * @param appraisal  the district-sharing workflow and its recorded transitions
 * @param deleted    withdrawn by its owner: kept as a tombstone so the index learns of it
 */
@Document("library_items")
public record LibraryItem(
    @Id String id,
    long version,
    Metadata metadata,
    String ownerId,
    @Nullable String schoolId,
    Scope scope,
    List<String> classIds,
    List<Revision> revisions,
    List<FileVersion> files,
    Appraisal appraisal,
    boolean deleted,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Long sequence,
    boolean changed) {

    public LibraryItem {
        classIds = List.copyOf(classIds);
        revisions = List.copyOf(revisions);
        files = List.copyOf(files);
    }

    /** The newest file version, if any file was uploaded. */
    public @Nullable FileVersion current() {
        return files.isEmpty() ? null : files.get(files.size() - 1);
    }

    public @Nullable FileVersion file(int number) {
        return files.stream().filter(file -> file.number() == number).findFirst().orElse(null);
    }

    /** DRAFT before the first file; then the state of the newest version. */
    public State state() {
        FileVersion current = current();
        if (deleted) {
            return State.DELETED;
        }
        if (current == null) {
            return State.DRAFT;
        }
        return switch (current.state()) {
            case PROCESSING -> State.PROCESSING;
            case READY -> State.READY;
            case FAILED -> State.FAILED;
        };
    }

    public enum State {
        DRAFT, PROCESSING, READY, FAILED, DELETED
    }

    /** One metadata edit: who, when, and the metadata and sharing as they became. */
    public record Revision(int number, Instant at, String by, Metadata metadata, Scope scope, List<String> classIds) {
    }

    /**
     * Thẩm định: NONE until the owner submits for district sharing; a reviewer of the subject then
     * approves or rejects. Only APPROVED makes a district-scope item visible to other schools.
     */
    public record Appraisal(Status status, List<Transition> history) {

        public static Appraisal none() {
            return new Appraisal(Status.NONE, List.of());
        }

        public enum Status {
            NONE, SUBMITTED, APPROVED, REJECTED
        }

        public record Transition(Status from, Status to, String by, Instant at, @Nullable String comment) {
        }
    }
}
