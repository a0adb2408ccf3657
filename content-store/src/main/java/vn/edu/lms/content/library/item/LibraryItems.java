package vn.edu.lms.content.library.item;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.item.LibraryItem.Appraisal;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The library's items: create, edit with history, add file versions, record processing results,
 * appraise, withdraw. Each change replaces the one document on the condition that its version is
 * the one read (single-document atomic, no transactions), retried when another writer won, and
 * flags the item for the change feed.
 */
@Service
public class LibraryItems implements SmartInitializingSingleton {

    static final String COLLECTION = "library_items";
    private static final int RETRIES = 8;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    LibraryItems(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        createIndexes().block(java.time.Duration.ofMinutes(2));
    }

    /** Indexes for listing by owner and school, and for the feed. */
    Mono<Void> createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        return indexes.createIndex(new Index().on("ownerId", Sort.Direction.ASC).on("updatedAt", Sort.Direction.DESC))
            .then(indexes.createIndex(new Index().on("schoolId", Sort.Direction.ASC).on("scope", Sort.Direction.ASC)))
            .then(indexes.createIndex(new Index().on("sequence", Sort.Direction.ASC)))
            .then(indexes.createIndex(new Index().on("changed", Sort.Direction.ASC)))
            .then();
    }

    /** What a contributor sends to create an item or to change its metadata and sharing. */
    public record Draft(Metadata metadata, @Nullable String schoolId, Scope scope, List<String> classIds) {

        public Draft {
            classIds = classIds == null ? List.of() : classIds.stream().distinct().toList();
        }
    }

    public Mono<LibraryItem> create(LibraryCaller caller, Draft draft) {
        String schoolId = draft.schoolId() != null ? draft.schoolId() : defaultSchool(caller);
        return checkSchool(caller, schoolId).then(checkClasses(caller, schoolId, draft)).then(Mono.fromCallable(() -> {
            Instant now = clock.instant();
            // Not yet offered to reviewers, even when shared with the district: there is nothing to appraise until its first file.
            return new LibraryItem(Ids.newId(), 1, draft.metadata(), caller.accountId(), schoolId, draft.scope(), draft.classIds(),
                List.of(new LibraryItem.Revision(1, now, caller.accountId(), draft.metadata(), draft.scope(), draft.classIds())),
                List.of(), Appraisal.none(), false, now, now, null, true);
        })).flatMap(mongo::insert);
    }

    private static @Nullable String defaultSchool(LibraryCaller caller) {
        return caller.contributorSchools().size() == 1 ? caller.contributorSchools().iterator().next() : null;
    }

    /** Contributors add items at a school where they teach or administer (district admins also with no school). */
    private static Mono<Void> checkSchool(LibraryCaller caller, @Nullable String schoolId) {
        boolean allowed = schoolId == null ? caller.districtAdmin()
            : caller.contributorSchools().contains(schoolId) || caller.administers(schoolId);
        return allowed ? Mono.empty() : Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "library-school-not-yours"));
    }

    /** Class sharing names classes the caller teaches (or of a school the caller administers). */
    private static Mono<Void> checkClasses(LibraryCaller caller, @Nullable String schoolId, Draft draft) {
        if (draft.scope() == Scope.CLASS) {
            if (draft.classIds().isEmpty()) {
                return Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "library-classes-required"));
            }
            if (!caller.administers(schoolId) && !caller.classIds().containsAll(draft.classIds())) {
                return Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "library-class-not-yours"));
            }
        }
        if (draft.scope() != Scope.CLASS && !draft.classIds().isEmpty()) {
            return Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "library-classes-only-for-class-scope"));
        }
        return Mono.empty();
    }

    public Mono<LibraryItem> item(String id) {
        return mongo.findById(id, LibraryItem.class, COLLECTION);
    }

    /** The item if the caller may see it: 404 when it does not exist, 403 when hidden. */
    public Mono<LibraryItem> visible(LibraryCaller caller, String id) {
        return item(id).switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")))
            .flatMap(item -> LibraryAccess.maySee(caller, item) ? Mono.just(item)
                : Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "forbidden")));
    }

    /** Filters for browsing; the search index (search-indexer) does full text. */
    public record Browse(boolean mine, @Nullable String subjectCode, @Nullable Integer grade, @Nullable ResourceKind kind,
            @Nullable String schoolId, int page, int size) {
    }

    public Flux<LibraryItem> browse(LibraryCaller caller, Browse browse) {
        List<Criteria> all = new ArrayList<>(List.of(LibraryAccess.visibleTo(caller)));
        if (browse.mine()) {
            all.add(Criteria.where("ownerId").is(caller.accountId()).and("deleted").is(false));
        }
        if (browse.subjectCode() != null) {
            all.add(Criteria.where("metadata.subjectCode").is(browse.subjectCode()));
        }
        if (browse.grade() != null) {
            all.add(Criteria.where("metadata.grades").is(browse.grade()));
        }
        if (browse.kind() != null) {
            all.add(Criteria.where("metadata.kind").is(browse.kind().name()));
        }
        if (browse.schoolId() != null) {
            all.add(Criteria.where("schoolId").is(browse.schoolId()));
        }
        Query query = Query.query(new Criteria().andOperator(all)).with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")))
            .skip((long) browse.page() * browse.size()).limit(browse.size());
        return mongo.find(query, LibraryItem.class, COLLECTION);
    }

    /** Items waiting for appraisal in the subjects the caller reviews. */
    public Flux<LibraryItem> awaitingAppraisal(LibraryCaller caller) {
        if (caller.reviewedSubjects().isEmpty()) {
            return Flux.empty();
        }
        Query query = Query.query(Criteria.where("appraisal.status").is(Appraisal.Status.SUBMITTED.name()).and("deleted").is(false)
            .and("scope").is(Scope.DISTRICT.name()).and("metadata.subjectCode").in(caller.reviewedSubjects())
            .and("ownerId").ne(caller.accountId())).with(Sort.by("updatedAt")).limit(500);
        return mongo.find(query, LibraryItem.class, COLLECTION);
    }

    /** Items of these schools offered to the district and waiting for a reviewer, oldest first: the admins' view of the queue. */
    public Flux<LibraryItem> awaitingAppraisalAt(java.util.Collection<String> schoolIds) {
        Query query = Query.query(Criteria.where("appraisal.status").is(Appraisal.Status.SUBMITTED.name()).and("deleted").is(false)
            .and("scope").is(Scope.DISTRICT.name()).and("schoolId").in(schoolIds)).with(Sort.by("updatedAt")).limit(500);
        return mongo.find(query, LibraryItem.class, COLLECTION);
    }

    /**
     * New metadata and sharing, kept as a revision. {@code expectedVersion} (from If-Match) makes a
     * stale editor's change fail with 412 instead of silently overwriting another's.
     */
    public Mono<LibraryItem> edit(LibraryCaller caller, String id, @Nullable Long expectedVersion, Draft draft) {
        return change(id, item -> {
            if (!LibraryAccess.mayEdit(caller, item)) {
                return Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "forbidden"));
            }
            if (expectedVersion != null && expectedVersion != item.version()) {
                return Mono.error(new LmsProblem(HttpStatus.PRECONDITION_FAILED, "library-item-changed"));
            }
            Draft checked = new Draft(draft.metadata(), item.schoolId(), draft.scope(), draft.classIds());
            return checkClasses(caller, item.schoolId(), checked).then(Mono.fromCallable(() -> {
                    Instant now = clock.instant();
                    List<LibraryItem.Revision> revisions = new ArrayList<>(item.revisions());
                    revisions.add(new LibraryItem.Revision(revisions.size() + 1, now, caller.accountId(), draft.metadata(), draft.scope(),
                        checked.classIds()));
                    Appraisal appraisal = item.appraisal();
                    if (draft.scope() == Scope.DISTRICT && appraisal.status() == Appraisal.Status.NONE && item.current() != null) {
                        appraisal = submitted(appraisal, caller.accountId(), now, null);
                    }
                    if (draft.scope() != Scope.DISTRICT && appraisal.status() != Appraisal.Status.NONE) {
                        appraisal = transition(appraisal, Appraisal.Status.NONE, caller.accountId(), now, "scope " + draft.scope());
                    }
                    return new LibraryItem(item.id(), item.version(), draft.metadata(), item.ownerId(), item.schoolId(), draft.scope(),
                        checked.classIds(), revisions, item.files(), appraisal, false, item.createdAt(), now, item.sequence(), true);
                }));
        });
    }

    /** Withdraws an item: it disappears from every list, and the index learns of it through the feed. */
    public Mono<LibraryItem> withdraw(LibraryCaller caller, String id) {
        return change(id, item -> LibraryAccess.mayEdit(caller, item)
            ? Mono.just(new LibraryItem(item.id(), item.version(), item.metadata(), item.ownerId(), item.schoolId(), item.scope(),
                item.classIds(), item.revisions(), item.files(), item.appraisal(), true, item.createdAt(), clock.instant(),
                item.sequence(), true))
            : Mono.error(new LmsProblem(HttpStatus.FORBIDDEN, "forbidden")));
    }

    /**
     * Adds an uploaded file as the item's newest version. The first file of a district item offers
     * it to the reviewers; a new file of an approved one sends it back to appraisal: reviewers
     * approved the old bytes, not these.
     */
    public Mono<LibraryItem> addVersion(String id, FileVersion file) {
        return change(id, item -> {
            if (item.files().stream().anyMatch(existing -> existing.uploadId().equals(file.uploadId()))) {
                return Mono.just(item);
            }
            List<FileVersion> files = new ArrayList<>(item.files());
            files.add(file.numbered(files.size() + 1));
            Appraisal appraisal = item.appraisal();
            if (item.scope() == Scope.DISTRICT && appraisal.status() == Appraisal.Status.NONE && item.current() == null) {
                appraisal = submitted(appraisal, file.uploadedBy(), clock.instant(), null);
            } else if (appraisal.status() == Appraisal.Status.APPROVED) {
                appraisal = transition(appraisal, Appraisal.Status.SUBMITTED, file.uploadedBy(), clock.instant(), "new file version");
            }
            return Mono.just(withFiles(item, files, appraisal));
        });
    }

    /**
     * Changes one file version (processing results, progress, failure). An update that returns the
     * version as it was writes nothing.
     */
    public Mono<LibraryItem> updateFile(String id, int number, UnaryOperator<FileVersion> update) {
        return change(id, item -> {
            List<FileVersion> files = new ArrayList<>(item.files());
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i).number() == number) {
                    FileVersion updated = update.apply(files.get(i));
                    if (updated == files.get(i)) {
                        return Mono.just(item);
                    }
                    files.set(i, updated);
                    return Mono.just(withFiles(item, files, item.appraisal()));
                }
            }
            return Mono.error(new LmsProblem(HttpStatus.NOT_FOUND, "not-found"));
        });
    }

    /** Moves the appraisal on; the caller has been checked by the appraisal feature. */
    public Mono<LibraryItem> appraise(String id, Function<LibraryItem, Mono<Appraisal>> next) {
        return change(id, item -> next.apply(item).map(appraisal -> new LibraryItem(item.id(), item.version(), item.metadata(),
            item.ownerId(), item.schoolId(), item.scope(), item.classIds(), item.revisions(), item.files(), appraisal, item.deleted(),
            item.createdAt(), clock.instant(), item.sequence(), true)));
    }

    public static Appraisal transition(Appraisal appraisal, Appraisal.Status to, String by, Instant at, @Nullable String comment) {
        List<Appraisal.Transition> history = new ArrayList<>(appraisal.history());
        history.add(new Appraisal.Transition(appraisal.status(), to, by, at, comment));
        return new Appraisal(to, history);
    }

    private static Appraisal submitted(Appraisal appraisal, String by, Instant at, @Nullable String comment) {
        return transition(appraisal, Appraisal.Status.SUBMITTED, by, at, comment);
    }

    private LibraryItem withFiles(LibraryItem item, List<FileVersion> files, Appraisal appraisal) {
        return new LibraryItem(item.id(), item.version(), item.metadata(), item.ownerId(), item.schoolId(), item.scope(),
            item.classIds(), item.revisions(), files, appraisal, item.deleted(), item.createdAt(), clock.instant(), item.sequence(), true);
    }

    /**
     * Flags the item for the feed without changing it (its popularity moved): the sequencer gives it
     * a new sequence and the index reads it again. Withdrawn items stay as they are.
     */
    public Mono<Void> markChanged(String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("deleted").is(false)), new Update().set("changed", true),
            COLLECTION).then();
    }

    /** Item ids whose files use {@code sha256}: for jobs that finish work shared by identical bytes. */
    public Flux<String> usingBlob(String sha256) {
        Query query = Query.query(Criteria.where("files.sha256").is(sha256));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).map(found -> String.valueOf(found.get("_id")));
    }

    /**
     * Reads the item, lets {@code next} compute its new state, and replaces it only if nobody
     * changed it meanwhile (the version read), bumping the version; another writer's win retries.
     */
    private Mono<LibraryItem> change(String id, Function<LibraryItem, Mono<LibraryItem>> next) {
        return Mono.defer(() -> item(id)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")))
            .flatMap(found -> next.apply(found).flatMap(changed -> {
                if (changed == found) {
                    return Mono.just(found);
                }
                LibraryItem bumped = new LibraryItem(changed.id(), found.version() + 1, changed.metadata(), changed.ownerId(),
                    changed.schoolId(), changed.scope(), changed.classIds(), changed.revisions(), changed.files(), changed.appraisal(),
                    changed.deleted(), changed.createdAt(), changed.updatedAt(), found.sequence(), true);
                return mongo.findAndReplace(Query.query(Criteria.where("_id").is(id).and("version").is(found.version())), bumped,
                    COLLECTION).map(previous -> bumped).switchIfEmpty(Mono.error(VersionConflict::new));
            })))
            .retryWhen(Retry.max(RETRIES).filter(VersionConflict.class::isInstance));
    }

    private static final class VersionConflict extends RuntimeException {
        VersionConflict() {
            super("library item changed meanwhile", null, false, false);
        }
    }
}
