package vn.edu.lms.content.library.upload;

import java.time.Clock;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.storage.ObjectStorage;

/**
 * Identical bytes are stored once: the first upload with a given SHA-256 registers its object as
 * the blob for that digest (the digest is the document id, so two racing uploads cannot both
 * win); every later one deletes its own copy and points at the registered object.
 */
@Component
class Blobs {

    private final ReactiveMongoTemplate mongo;
    private final ObjectStorage storage;
    private final Clock clock;

    Blobs(ReactiveMongoTemplate mongo, ObjectStorage storage, Clock clock) {
        this.mongo = mongo;
        this.storage = storage;
        this.clock = clock;
    }

    /** The key that holds these bytes from now on: {@code key} if they are new, the earlier object's otherwise. */
    Mono<String> register(String sha256, String key, long size, String mediaType) {
        Document blob = new Document("_id", sha256).append("key", key).append("size", size).append("mediaType", mediaType)
            .append("createdAt", clock.instant());
        return mongo.insert(blob, "library_blobs").thenReturn(key)
            .onErrorResume(DuplicateKeyException.class, exists -> mongo.findById(sha256, Document.class, "library_blobs")
                .map(found -> found.getString("key"))
                .flatMap(existing -> existing.equals(key) ? Mono.just(key) : storage.remove(key).thenReturn(existing)));
    }
}
