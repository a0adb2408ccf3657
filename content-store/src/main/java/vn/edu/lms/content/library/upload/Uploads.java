package vn.edu.lms.content.library.upload;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
import vn.edu.lms.content.job.JobQueue;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryAccess;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.platform.BlockingSchedulers;
import vn.edu.lms.content.platform.Ids;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * Resumable uploads (the tus protocol's state, without its HTTP): bytes go to object storage as
 * parts of a multipart upload while the SHA-256 is computed; a receiving request holds two part
 * buffers, one filling from the connection while the other is hashed and written. Each part
 * written moves the acknowledged offset, so a dropped connection or a killed process loses at most
 * the unacknowledged parts, and the client resumes from the offset.
 */
@Service
public class Uploads implements SmartInitializingSingleton {

    /** The job that extracts and renders a new file version. */
    public static final String PROCESS_JOB = "library.process";
    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final int EARLY_SNIFF_BYTES = 8 * 1024;

    private final ReactiveMongoTemplate mongo;
    private final ObjectStorage storage;
    private final LibraryItems items;
    private final Blobs blobs;
    private final TypeGate typeGate;
    private final VirusScanner scanner;
    private final JobQueue jobs;
    private final BlockingSchedulers schedulers;
    private final UploadProperties properties;
    private final Clock clock;
    private final Semaphore receiving;

    Uploads(ReactiveMongoTemplate mongo, ObjectStorage storage, LibraryItems items, Blobs blobs, TypeGate typeGate,
            VirusScanner scanner, JobQueue jobs, BlockingSchedulers schedulers, UploadProperties properties, Clock clock) {
        this.mongo = mongo;
        this.storage = storage;
        this.items = items;
        this.blobs = blobs;
        this.typeGate = typeGate;
        this.scanner = scanner;
        this.jobs = jobs;
        this.schedulers = schedulers;
        this.properties = properties;
        this.clock = clock;
        this.receiving = new Semaphore(properties.maxConcurrent());
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Upload.class).createIndex(new Index().on("state", Sort.Direction.ASC).on("expiresAt", Sort.Direction.ASC))
            .block(java.time.Duration.ofMinutes(2));
    }

    public UploadProperties properties() {
        return properties;
    }

    /** Creates an upload of {@code length} bytes for a new version of an item the caller may edit. */
    public Mono<Upload> create(LibraryCaller caller, long length, String itemId, String fileName) {
        LmsProblem badLength = lengthProblem(length, properties.maxSize());
        if (badLength != null) {
            return Mono.error(badLength);
        }
        return items.item(itemId)
            .filter(item -> !item.deleted())
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")))
            .filter(item -> LibraryAccess.mayEdit(caller, item))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.FORBIDDEN, "forbidden")))
            .flatMap(item -> start(caller, length, itemId, fileName));
    }

    /**
     * Creates an upload of a private file: anyone signed in may send one (a student's submission);
     * it belongs to nobody but its owner until a feature claims it ({@code PrivateFiles}).
     */
    public Mono<Upload> createPrivate(LibraryCaller caller, long length, String fileName) {
        LmsProblem badLength = lengthProblem(length, properties.privateMaxSize());
        return badLength != null ? Mono.error(badLength) : start(caller, length, null, fileName);
    }

    private static @Nullable LmsProblem lengthProblem(long length, org.springframework.util.unit.DataSize limit) {
        if (length < 1) {
            return new LmsProblem(HttpStatus.BAD_REQUEST, "upload-empty");
        }
        if (length > limit.toBytes()) {
            return new LmsProblem(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", limit.toMegabytes());
        }
        return null;
    }

    private Mono<Upload> start(LibraryCaller caller, long length, @Nullable String itemId, String fileName) {
        String id = Ids.newId();
        String key = "uploads/" + id;
        return storage.startMultipart(key, "application/octet-stream").flatMap(multipartId -> {
            Instant now = clock.instant();
            return mongo.insert(new Upload(id, itemId, caller.accountId(), fileName, length, 0, key, multipartId, List.of(), null,
                0, new SHA256Digest().getEncodedState(), Upload.State.RECEIVING, null, null, null, null, now,
                now.plus(properties.expiry()), null, null, null));
        });
    }

    /** A finished upload by id, whoever owns it (the private-file API checks the owner itself). */
    public Mono<Upload> upload(String id) {
        return mongo.findById(id, Upload.class);
    }

    /** The caller's own upload (403 for anyone else's, as everywhere), 410 once expired. */
    public Mono<Upload> status(LibraryCaller caller, String id) {
        return mongo.findById(id, Upload.class)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.NOT_FOUND, "not-found")))
            .filter(upload -> upload.ownerId().equals(caller.accountId()))
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.FORBIDDEN, "forbidden")))
            .flatMap(upload -> expired(upload) ? Mono.error(new LmsProblem(HttpStatus.GONE, "upload-expired")) : Mono.just(upload));
    }

    private boolean expired(Upload upload) {
        return upload.state() == Upload.State.RECEIVING && upload.expiresAt().isBefore(clock.instant());
    }

    /**
     * Receives bytes at {@code offset}. Only one request receives for an upload at a time (a lease
     * taken atomically with the offset check); the answer is the upload as acknowledged afterwards.
     */
    public Mono<Upload> receive(LibraryCaller caller, String id, long offset, Flux<DataBuffer> body) {
        if (!receiving.tryAcquire()) {
            return Mono.error(new LmsProblem(HttpStatus.SERVICE_UNAVAILABLE, "upload-busy"));
        }
        String patch = Ids.newId();
        return claim(caller, id, offset, patch)
            .flatMap(upload -> startReceiving(upload, patch))
            .flatMap(session -> body.concatMap(data -> absorb(session, data).doFinally(signal -> DataBufferUtils.release(data)), 1)
                .then(Mono.defer(() -> session.ending.compareAndSet(false, true) ? endOfBody(session) : Mono.<Upload>empty()))
                .onErrorResume(failure -> failure instanceof LmsProblem ? Mono.error(failure) : keepTail(session).then(Mono.error(failure)))
                // A client that goes away mid-body (Pause in the browser, a dropped link) may cancel the request rather
                // than fail its body: what arrived is kept all the same, unless the request's end is already being handled.
                .doOnCancel(() -> keepTail(session).subscribe()))
            .doFinally(signal -> receiving.release());
    }

    private Mono<Upload> claim(LibraryCaller caller, String id, long offset, String patch) {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(id).and("ownerId").is(caller.accountId()).and("state")
            .is(Upload.State.RECEIVING.name()).and("offset").is(offset).and("expiresAt").gt(now)
            .orOperator(Criteria.where("patchLeaseUntil").is(null), Criteria.where("patchLeaseUntil").lt(now)));
        return mongo.findAndModify(free, new Update().set("patchOwner", patch).set("patchLeaseUntil", now.plus(properties.lease())),
                FindAndModifyOptions.options().returnNew(true), Upload.class)
            .switchIfEmpty(Mono.defer(() -> status(caller, id).flatMap(upload -> Mono.error(
                upload.state() != Upload.State.RECEIVING || upload.offset() != offset
                    ? new LmsProblem(HttpStatus.CONFLICT, "upload-offset-mismatch", upload.offset())
                    : new LmsProblem(HttpStatus.LOCKED, "upload-locked")))));
    }

    /**
     * The state of one receiving request. Its fields belong to the receiving chain, which runs one
     * step at a time; the part in flight only reads its own buffer and the digest, which the chain
     * leaves alone until it has settled that part.
     */
    private static final class Session {
        final String patch;
        byte[] buffer;
        byte @Nullable [] spare;
        Upload upload;
        final SHA256Digest digest;
        int fill;
        int hashedUpTo;
        boolean sniffed;
        Instant renewedAt;
        @Nullable Mono<Upload> inFlight;
        int inFlightLength;
        /** Set by whichever handles the end of the request first: its body's end, its failure or its cancellation. */
        final java.util.concurrent.atomic.AtomicBoolean ending = new java.util.concurrent.atomic.AtomicBoolean();

        Session(Upload upload, String patch, int partSize, Instant now) {
            this.upload = upload;
            this.patch = patch;
            this.buffer = new byte[partSize];
            this.digest = new SHA256Digest(upload.digestState());
            this.sniffed = upload.offset() > 0;
            this.renewedAt = now;
        }

        long received() {
            return upload.partsSize() + inFlightLength + fill;
        }
    }

    private Mono<Session> startReceiving(Upload upload, String patch) {
        Session session = new Session(upload, patch, (int) properties.partSize().toBytes(), clock.instant());
        if (upload.tailKey() == null) {
            return Mono.just(session);
        }
        // The unfinished part's bytes are already counted and hashed: they only go back into the buffer.
        return storage.readSmall(upload.tailKey()).map(tail -> {
            System.arraycopy(tail, 0, session.buffer, 0, tail.length);
            session.fill = tail.length;
            session.hashedUpTo = tail.length;
            return session;
        });
    }

    private Mono<Void> absorb(Session session, DataBuffer data) {
        return Mono.defer(() -> {
            if (session.received() + data.readableByteCount() > session.upload.length()) {
                return Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "upload-longer-than-declared", session.upload.length()));
            }
            int take = Math.min(data.readableByteCount(), session.buffer.length - session.fill);
            data.read(session.buffer, session.fill, take);
            session.fill += take;
            Mono<Void> next = Mono.empty();
            if (!session.sniffed && (session.fill >= EARLY_SNIFF_BYTES || session.received() == session.upload.length())) {
                next = next.then(sniffEarly(session));
            }
            if (session.fill == session.buffer.length && session.received() < session.upload.length()) {
                next = next.then(flushPart(session));
            } else if (clock.instant().isAfter(session.renewedAt.plus(properties.lease().dividedBy(3)))) {
                next = next.then(renew(session));
            }
            return data.readableByteCount() > 0 ? next.then(absorb(session, data)) : next;
        });
    }

    /** Executables and scripts are refused from their first bytes, before the rest is sent for nothing. */
    private Mono<Void> sniffEarly(Session session) {
        session.sniffed = true;
        byte[] head = java.util.Arrays.copyOf(session.buffer, Math.min(session.fill, TypeGate.SNIFF_BYTES));
        return Mono.fromCallable(() -> typeGate.detect(head)).subscribeOn(schedulers.files()).flatMap(type -> {
            String refusal = typeGate.refusal(type);
            return refusal == null ? Mono.<Void>empty() : refuse(session.upload, refusal).then(Mono.error(refused(refusal)));
        });
    }

    private static LmsProblem refused(String reason) {
        return new LmsProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload-refused-" + reason);
    }

    /**
     * Sends the full buffer as the next part, in the background: once the part before it has been
     * acknowledged, the buffers swap and receiving goes on into the other one while this part is
     * hashed and written (hashing and writing at once, both only read it).
     */
    private Mono<Void> flushPart(Session session) {
        return settle(session).then(Mono.fromRunnable(() -> {
            byte[] full = session.buffer;
            int length = session.fill;
            int hashedFrom = session.hashedUpTo;
            session.buffer = session.spare != null ? session.spare : new byte[full.length];
            session.spare = full;
            session.fill = 0;
            session.hashedUpTo = 0;
            session.inFlightLength = length;
            Mono<Upload> part = storePart(session, session.upload, full, hashedFrom, length).cache();
            session.inFlight = part;
            part.subscribe(stored -> { }, failure -> { });
        }));
    }

    /** Writes one part, then moves the acknowledged offset (and the digest's saved state) past it. */
    private Mono<Upload> storePart(Session session, Upload before, byte[] data, int hashedFrom, int length) {
        int number = before.parts().size() + 1;
        Mono<Void> hash = Mono.<Void>fromRunnable(() -> session.digest.update(data, hashedFrom, length - hashedFrom))
            .subscribeOn(schedulers.files());
        return Mono.zip(storage.uploadPart(before.key(), before.multipartId(), number, data, length), hash.thenReturn(number))
            .flatMap(written -> {
                List<Upload.PartRef> parts = new ArrayList<>(before.parts());
                parts.add(new Upload.PartRef(number, written.getT1(), length));
                Instant now = clock.instant();
                Update update = new Update().set("parts", parts).set("offset", before.partsSize() + length)
                    .set("tailKey", null).set("tailSize", 0L).set("digestState", session.digest.getEncodedState())
                    .set("patchLeaseUntil", now.plus(properties.lease())).set("expiresAt", now.plus(properties.expiry()));
                return ownedUpdate(session, update)
                    .flatMap(upload -> before.tailKey() == null ? Mono.just(upload) : storage.remove(before.tailKey()).thenReturn(upload));
            });
    }

    /**
     * Keeps what arrived of a request cut short (as the tail), once: its body failing and its
     * cancellation can both come, from different threads, and only the first may write. The saving
     * runs to its end on its own, as the request's cancellation would otherwise cut it short too.
     */
    private Mono<Upload> keepTail(Session session) {
        return Mono.defer(() -> {
            if (!session.ending.compareAndSet(false, true)) {
                return Mono.empty();
            }
            Mono<Upload> kept = saveTail(session).onErrorResume(ignored -> release(session)).cache();
            kept.subscribe(upload -> { }, failure -> { });
            return kept;
        });
    }

    /** Waits for the part in flight, if any, and takes its acknowledgement as the upload's state. */
    private Mono<Void> settle(Session session) {
        Mono<Upload> part = session.inFlight;
        if (part == null) {
            return Mono.empty();
        }
        return part.doOnNext(upload -> {
            session.upload = upload;
            session.inFlight = null;
            session.inFlightLength = 0;
            session.renewedAt = clock.instant();
        }).then();
    }

    /** Hashes the buffered bytes not yet hashed (CPU work, off the event loop). */
    private Mono<Void> hashRest(Session session) {
        return Mono.<Void>fromRunnable(() -> {
            session.digest.update(session.buffer, session.hashedUpTo, session.fill - session.hashedUpTo);
            session.hashedUpTo = session.fill;
        }).subscribeOn(schedulers.files());
    }

    private Mono<Upload> ownedUpdate(Session session, Update update) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(session.upload.id()).and("patchOwner").is(session.patch)), update,
                FindAndModifyOptions.options().returnNew(true), Upload.class)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "upload-lease-lost")));
    }

    private Mono<Void> renew(Session session) {
        Instant now = clock.instant();
        session.renewedAt = now;
        return ownedUpdate(session, new Update().set("patchLeaseUntil", now.plus(properties.lease()))).then();
    }

    private Mono<Upload> endOfBody(Session session) {
        return settle(session).then(Mono.defer(() -> session.received() == session.upload.length() ? finishReceiving(session)
            : saveTail(session)));
    }

    /**
     * Keeps the bytes of an unfinished part as a small object, so that they count as acknowledged
     * and the next request (on any instance) continues from them; releases the upload.
     */
    private Mono<Upload> saveTail(Session session) {
        return settle(session).then(Mono.defer(() -> saveSettledTail(session)));
    }

    private Mono<Upload> saveSettledTail(Session session) {
        if (session.fill == session.hashedUpTo && session.fill == session.upload.tailSize()) {
            return release(session);
        }
        String tailKey = session.upload.key() + ".tail";
        byte[] tail = java.util.Arrays.copyOf(session.buffer, session.fill);
        return hashRest(session).then(storage.putBytes(tailKey, tail, "application/octet-stream"))
            .then(Mono.defer(() -> ownedUpdate(session, new Update().set("offset", session.received()).set("tailKey", tailKey)
                .set("tailSize", (long) session.fill).set("digestState", session.digest.getEncodedState()).set("patchOwner", null)
                .set("patchLeaseUntil", null).set("expiresAt", clock.instant().plus(properties.expiry())))));
    }

    private Mono<Upload> release(Session session) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(session.upload.id()).and("patchOwner").is(session.patch)),
            new Update().set("patchOwner", null).set("patchLeaseUntil", null), FindAndModifyOptions.options().returnNew(true),
            Upload.class).defaultIfEmpty(session.upload);
    }

    /** Every byte is here: the last part goes out, and the upload is finished (joined, checked, added). */
    private Mono<Upload> finishReceiving(Session session) {
        int number = session.upload.parts().size() + 1;
        int length = session.fill;
        Mono<List<Upload.PartRef>> parts = length == 0 && !session.upload.parts().isEmpty() ? Mono.just(session.upload.parts())
            : hashRest(session).then(storage.uploadPart(session.upload.key(), session.upload.multipartId(), number, session.buffer, length))
                .map(etag -> {
                    List<Upload.PartRef> all = new ArrayList<>(session.upload.parts());
                    all.add(new Upload.PartRef(number, etag, length));
                    return all;
                });
        return parts.flatMap(all -> ownedUpdate(session, new Update().set("parts", all).set("offset", session.upload.length())
                .set("digestState", session.digest.getEncodedState()).set("state", Upload.State.FINISHING.name())
                .set("patchLeaseUntil", clock.instant().plus(properties.lease()))))
            .flatMap(this::finish);
    }

    /**
     * Joins the parts, checks the bytes (type, script, virus), stores them once per digest, adds the
     * item's new version and queues its processing. Every step can run again: an instance that dies
     * here leaves a FINISHING upload that housekeeping finishes.
     */
    Mono<Upload> finish(Upload upload) {
        String sha256 = HexFormat.of().formatHex(digestOf(upload));
        return joinParts(upload)
            .then(upload.tailKey() == null ? Mono.empty() : storage.remove(upload.tailKey()))
            .then(storage.readHead(upload.key(), Math.min(upload.length(), TypeGate.SNIFF_BYTES)))
            .flatMap(head -> Mono.fromCallable(() -> typeGate.detect(head)).subscribeOn(schedulers.files()))
            .flatMap(mediaType -> check(upload, mediaType).thenReturn(mediaType))
            .flatMap(mediaType -> upload.itemId() == null ? finishPrivate(upload, sha256, mediaType) : blobs.register(sha256, upload.key(),
                    upload.length(), mediaType)
                .flatMap(blobKey -> items.addVersion(upload.itemId(), new FileVersion(0, upload.id(), sha256, blobKey, upload.length(),
                    mediaType, upload.fileName(), clock.instant(), upload.ownerId(), FileVersion.State.PROCESSING, null, 0, null, null)))
                .flatMap(item -> {
                    int number = item.files().stream().filter(file -> file.uploadId().equals(upload.id())).findFirst()
                        .orElseThrow().number();
                    return jobs.enqueue(PROCESS_JOB, Map.of("itemId", item.id(), "version", String.valueOf(number)),
                            PROCESS_JOB + ":" + item.id() + ":" + number, 5)
                        .then(mongo.findAndModify(Query.query(Criteria.where("_id").is(upload.id())),
                            new Update().set("state", Upload.State.COMPLETED.name()).set("sha256", sha256).set("mediaType", mediaType)
                                .set("fileVersion", number).set("patchOwner", null).set("patchLeaseUntil", null),
                            FindAndModifyOptions.options().returnNew(true), Upload.class));
                }));
    }

    /** A private file is only stored: no item, no processing; its blob waits to be claimed. */
    private Mono<Upload> finishPrivate(Upload upload, String sha256, String mediaType) {
        return blobs.register(sha256, upload.key(), upload.length(), mediaType)
            .flatMap(blobKey -> mongo.findAndModify(Query.query(Criteria.where("_id").is(upload.id())),
                new Update().set("state", Upload.State.COMPLETED.name()).set("sha256", sha256).set("mediaType", mediaType)
                    .set("blobKey", blobKey).set("patchOwner", null).set("patchLeaseUntil", null),
                FindAndModifyOptions.options().returnNew(true), Upload.class));
    }

    private static byte[] digestOf(Upload upload) {
        SHA256Digest digest = new SHA256Digest(upload.digestState());
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Completes the multipart upload; one already completed by an earlier attempt is recognised by its object. */
    private Mono<Void> joinParts(Upload upload) {
        List<Map.Entry<Integer, String>> parts = upload.parts().stream().map(part -> Map.entry(part.number(), part.etag())).toList();
        return storage.completeMultipart(upload.key(), upload.multipartId(), parts, upload.length()).then()
            .onErrorResume(failure -> storage.stat(upload.key()).filter(object -> object.size() == upload.length())
                .switchIfEmpty(Mono.error(failure)).then());
    }

    private Mono<Void> check(Upload upload, String mediaType) {
        String refusal = typeGate.refusal(mediaType);
        if (refusal != null) {
            return refuse(upload, refusal).then(Mono.error(refused(refusal)));
        }
        Mono<Void> markup = !typeGate.isMarkup(mediaType) ? Mono.empty()
            : storage.withContent(upload.key(), typeGate::scriptFound).flatMap(script -> script
                ? refuse(upload, "script-in-markup").then(Mono.error(refused("script-in-markup"))) : Mono.empty());
        Mono<Void> virus = !scanner.enabled(upload.length()) ? Mono.empty()
            : storage.withContent(upload.key(), in -> Optional.ofNullable(scanner.scan(in))).flatMap(found -> found.isEmpty()
                ? Mono.empty()
                : refuse(upload, "virus").doOnSuccess(done -> log.warn("Upload {} refused: clamd found {}", upload.id(), found.get()))
                    .then(Mono.error(new LmsProblem(HttpStatus.UNPROCESSABLE_CONTENT, "upload-refused-virus"))));
        return markup.then(virus);
    }

    /** Drops the bytes of a refused upload and records why. */
    private Mono<Void> refuse(Upload upload, String reason) {
        return storage.abortMultipart(upload.key(), upload.multipartId())
            .then(storage.remove(upload.key()))
            .then(upload.tailKey() == null ? Mono.empty() : storage.remove(upload.tailKey()))
            .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(upload.id())), new Update().set("state", Upload.State.REFUSED.name())
                .set("failure", reason).set("patchOwner", null).set("patchLeaseUntil", null), Upload.class))
            .then();
    }

    /** tus termination: the caller's unfinished upload and its bytes are removed. */
    public Mono<Void> terminate(LibraryCaller caller, String id) {
        return status(caller, id).flatMap(upload -> upload.state() != Upload.State.RECEIVING
            ? Mono.error(new LmsProblem(HttpStatus.CONFLICT, "upload-finished"))
            : remove(upload));
    }

    private Mono<Void> remove(Upload upload) {
        return mongo.remove(Query.query(Criteria.where("_id").is(upload.id()).and("state").is(Upload.State.RECEIVING.name())), Upload.class)
            .flatMap(result -> result.getDeletedCount() == 0 ? Mono.empty()
                : storage.abortMultipart(upload.key(), upload.multipartId())
                    .then(upload.tailKey() == null ? Mono.empty() : storage.remove(upload.tailKey())));
    }

    /** Removes unfinished uploads past their expiry (with their parts); how many. */
    public Mono<Long> removeExpired() {
        Instant now = clock.instant();
        Query expired = Query.query(Criteria.where("state").is(Upload.State.RECEIVING.name()).and("expiresAt").lt(now)
            .orOperator(Criteria.where("patchLeaseUntil").is(null), Criteria.where("patchLeaseUntil").lt(now))).limit(500);
        return mongo.find(expired, Upload.class).concatMap(upload -> remove(upload).thenReturn(1L)
            .onErrorResume(failure -> {
                log.warn("Could not remove expired upload {}", upload.id(), failure);
                return Mono.just(0L);
            })).reduce(0L, Long::sum);
    }

    /** Finishes uploads whose finishing instance died (their lease ran out); how many. */
    public Mono<Long> finishInterrupted() {
        Instant now = clock.instant();
        Query stuck = Query.query(Criteria.where("state").is(Upload.State.FINISHING.name()).and("patchLeaseUntil").lt(now)).limit(100);
        return mongo.find(stuck, Upload.class).concatMap(upload -> mongo.findAndModify(
                Query.query(Criteria.where("_id").is(upload.id()).and("state").is(Upload.State.FINISHING.name()).and("patchLeaseUntil")
                    .lt(now)), new Update().set("patchLeaseUntil", now.plus(properties.lease())), FindAndModifyOptions.options().returnNew(true),
                Upload.class)
            .flatMap(claimed -> finish(claimed).thenReturn(1L))
            .onErrorResume(failure -> {
                log.warn("Could not finish interrupted upload {}: {}", upload.id(), failure.toString());
                return Mono.just(0L);
            })).reduce(0L, Long::sum);
    }
}
