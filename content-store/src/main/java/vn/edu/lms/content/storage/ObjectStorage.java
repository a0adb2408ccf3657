package vn.edu.lms.content.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;

import io.minio.AbortMultipartUploadArgs;
import io.minio.BucketExistsArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.UploadPartArgs;

import io.minio.messages.Part;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import reactor.core.publisher.Flux;
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
    private final MinioAsyncClient asyncClient;
    private final String bucket;
    private final Scheduler scheduler;

    ObjectStorage(MinioClient client, MinioAsyncClient asyncClient, String bucket, Scheduler scheduler) {
        this.client = client;
        this.asyncClient = asyncClient;
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

    /** Stores a small object held in memory (a thumbnail, a playlist, an upload's unfinished tail). */
    public Mono<StoredObject> putBytes(String key, byte[] bytes, String contentType) {
        return put(key, () -> new ByteArrayInputStream(bytes), bytes.length, contentType);
    }

    /** Stores a local file. */
    public Mono<StoredObject> putFile(String key, Path file, String contentType) {
        return blocking(() -> Files.size(file)).flatMap(size -> put(key, () -> Files.newInputStream(file), size, contentType));
    }

    /** Copies the whole object into a local file (for jobs that need a file: Tika, FFmpeg). */
    public Mono<Path> download(String key, Path target) {
        return withContent(key, in -> {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        });
    }

    /** The whole object in memory: only for objects known to be small. */
    public Mono<byte[]> readSmall(String key) {
        return withContent(key, InputStream::readAllBytes);
    }

    /** The first {@code length} bytes of an object (fewer if it is shorter). */
    public Mono<byte[]> readHead(String key, long length) {
        return blocking(() -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).offset(0L).length(length).build())) {
                return in.readAllBytes();
            }
        });
    }

    /** Runs {@code reader} over the object's content, on the object-storage scheduler (for scans that stream). */
    public <T> Mono<T> withContent(String key, ContentReader<T> reader) {
        return blocking(() -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                return reader.read(in);
            }
        });
    }

    /**
     * The object's content, opened on the calling thread: blocking, for code already running on a
     * bounded blocking scheduler (an archive written from one thread). The caller closes it.
     */
    public InputStream openBlocking(String key) throws Exception {
        return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    /** Reads an object's stream; may block. */
    @FunctionalInterface
    public interface ContentReader<T> {
        T read(InputStream content) throws Exception;
    }

    /**
     * The bytes {@code [offset, offset + length)} of an object as a stream of buffers, read on the
     * object-storage scheduler in 64 KiB pieces, so that no object is ever held whole.
     */
    public Flux<DataBuffer> read(String key, long offset, long length, DataBufferFactory buffers) {
        if (length == 0) {
            return Flux.empty();
        }
        Callable<InputStream> open = () -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key)
            .offset(offset).length(length).build());
        return DataBufferUtils.readInputStream(open, buffers, 64 * 1024).subscribeOn(scheduler);
    }

    /** Keys under {@code prefix}. */
    public Flux<String> list(String prefix) {
        return blocking(() -> {
            List<String> keys = new ArrayList<>();
            for (var result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
                keys.add(result.get().objectName());
            }
            return keys;
        }).flatMapIterable(keys -> keys);
    }

    /** A time-limited URL that lets a browser fetch the object straight from the store. */
    public Mono<String> presignedGet(String key, Duration validFor, Map<String, String> responseHeaders) {
        return blocking(() -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.GET)
            .bucket(bucket).object(key).expiry((int) validFor.toSeconds()).extraQueryParams(responseHeaders).build()));
    }

    /** Starts a multipart upload; the id its parts are sent under. */
    public Mono<String> startMultipart(String key, String contentType) {
        return Mono.fromFuture(() -> asyncClient.createMultipartUpload(CreateMultipartUploadArgs.builder().bucket(bucket).object(key)
            .headers(new Http.Headers("Content-Type", contentType)).build())).map(created -> created.result().uploadId());
    }

    /** Sends one part (at least 5 MiB except the last); its entity tag. */
    public Mono<String> uploadPart(String key, String uploadId, int partNumber, byte[] data, int length) {
        return Mono.fromFuture(() -> asyncClient.uploadPart(UploadPartArgs.builder().bucket(bucket).object(key).uploadId(uploadId)
            .partNumber(partNumber).data(data, length).build())).map(uploaded -> uploaded.part().etag())
            .subscribeOn(scheduler); // the client hashes the part (SHA-256, MD5 for plain HTTP) before it returns its future
    }

    /** Joins the parts, in number order, into the object. */
    public Mono<StoredObject> completeMultipart(String key, String uploadId, List<Map.Entry<Integer, String>> parts, long size) {
        Part[] sent = parts.stream().map(part -> new Part(part.getKey(), part.getValue())).toArray(Part[]::new);
        return Mono.fromFuture(() -> asyncClient.completeMultipartUpload(CompleteMultipartUploadArgs.builder().bucket(bucket)
            .object(key).uploadId(uploadId).parts(sent).build())).map(done -> new StoredObject(key, size, done.etag()));
    }

    /** Drops a multipart upload and its parts; an upload already gone is not an error. */
    public Mono<Void> abortMultipart(String key, String uploadId) {
        return Mono.fromFuture(() -> asyncClient.abortMultipartUpload(AbortMultipartUploadArgs.builder().bucket(bucket).object(key)
            .uploadId(uploadId).build())).then().onErrorResume(ErrorResponseException.class, gone -> Mono.empty())
            .onErrorResume(CompletionException.class, gone -> Mono.empty());
    }

    private <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(scheduler);
    }
}
