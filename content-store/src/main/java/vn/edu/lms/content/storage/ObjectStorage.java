package vn.edu.lms.content.storage;

import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The library's bucket, seen reactively. The MinIO client blocks on the network, so every call
 * runs on the bounded {@code object-storage} scheduler, never on an event-loop thread.
 */
public class ObjectStorage {

    private static final Logger log = LoggerFactory.getLogger(ObjectStorage.class);
    /** Multipart uploads in parts of this size when the length is known up front. */
    private static final long PART_SIZE = 16L * 1024 * 1024;

    private final MinioClient client;
    private final String bucket;
    private final Scheduler scheduler;

    ObjectStorage(MinioClient client, String bucket, Scheduler scheduler) {
        this.client = client;
        this.bucket = bucket;
        this.scheduler = scheduler;
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket unless it is there. */
    public Mono<Void> ensureBucket() {
        return blocking(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                log.info("Created bucket {}", bucket);
            }
            return Boolean.TRUE;
        }).then();
    }

    /** Whether the bucket exists: the readiness check of the object storage. */
    public Mono<Boolean> bucketExists() {
        return blocking(() -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    /**
     * Stores {@code size} bytes read from {@code content} under {@code key}. The returned Mono
     * completes only once the store acknowledged the whole object.
     */
    public Mono<StoredObject> put(String key, Callable<InputStream> content, long size, String contentType) {
        return blocking(() -> {
            try (InputStream in = content.call()) {
                var written = client.putObject(PutObjectArgs.builder()
                    .bucket(bucket).object(key)
                    .stream(in, size, size < 0 ? PART_SIZE : null)
                    .contentType(contentType)
                    .build());
                return new StoredObject(key, size, written.etag());
            }
        });
    }

    /** The object's size and entity tag, or empty when there is no such object. */
    public Mono<StoredObject> stat(String key) {
        return blocking(() -> {
            try {
                var stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
                return Optional.of(new StoredObject(key, stat.size(), stat.etag()));
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return Optional.<StoredObject>empty();
                }
                throw e;
            }
        }).flatMap(Mono::justOrEmpty);
    }

    public Mono<Void> remove(String key) {
        return blocking(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return Boolean.TRUE;
        }).then();
    }

    private <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(scheduler);
    }
}
