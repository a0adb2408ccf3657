package vn.edu.lms.content.storage;

import java.util.Objects;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import vn.edu.lms.content.embedded.ConditionalOnEmbedded;
import vn.edu.lms.content.embedded.ConditionalOnExternal;
import vn.edu.lms.content.embedded.EmbeddedObjectStorage;
import vn.edu.lms.content.embedded.EmbeddedProperties;
import vn.edu.lms.content.embedded.StorageKeys;
import vn.edu.lms.content.platform.BlockingSchedulers;

/** Connects the MinIO client to the configured S3 endpoint, or to the embedded one started here. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ StorageProperties.class, EmbeddedProperties.class })
class StorageConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnEmbedded("lms.storage.endpoint")
    EmbeddedObjectStorage embeddedObjectStorage(EmbeddedProperties embedded) {
        var directory = embedded.absoluteDataDir().resolve("object-storage");
        StorageKeys keys = StorageKeys.loadOrCreate(embedded.absoluteDataDir().resolve("object-storage.keys"));
        return EmbeddedObjectStorage.start(directory, embedded.storage().port(), keys);
    }

    @Bean
    @ConditionalOnEmbedded("lms.storage.endpoint")
    S3Endpoint embeddedS3Endpoint(EmbeddedObjectStorage storage, StorageProperties properties) {
        return new S3Endpoint(storage.endpoint().toString(), storage.keys().accessKey(), storage.keys().secretKey(), properties.region());
    }

    @Bean
    @ConditionalOnExternal("lms.storage.endpoint")
    S3Endpoint configuredS3Endpoint(StorageProperties properties) {
        return new S3Endpoint(Objects.requireNonNull(properties.endpoint()).toString(), Objects.requireNonNull(properties.accessKey()),
            Objects.requireNonNull(properties.secretKey()), properties.region());
    }

    @Bean
    MinioClient minioClient(S3Endpoint endpoint) {
        return MinioClient.builder().endpoint(endpoint.url()).credentials(endpoint.accessKey(), endpoint.secretKey())
            .region(endpoint.region()).build();
    }

    /** The multipart calls of resumable uploads are public only on the asynchronous client. */
    @Bean
    MinioAsyncClient minioAsyncClient(S3Endpoint endpoint) {
        return MinioAsyncClient.builder().endpoint(endpoint.url()).credentials(endpoint.accessKey(), endpoint.secretKey())
            .region(endpoint.region()).build();
    }

    /** Where the S3 API answers and with which keys: the embedded store's or the configured one. */
    record S3Endpoint(String url, String accessKey, String secretKey, String region) {
    }

    @Bean
    ObjectStorage objectStorage(MinioClient client, MinioAsyncClient asyncClient, StorageProperties properties,
            BlockingSchedulers schedulers) {
        return new ObjectStorage(client, asyncClient, properties.bucket(), schedulers.objectStorage());
    }
}
