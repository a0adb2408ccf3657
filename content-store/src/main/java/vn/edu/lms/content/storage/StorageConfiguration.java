package vn.edu.lms.content.storage;

import java.util.Objects;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    MinioClient embeddedMinioClient(EmbeddedObjectStorage storage, StorageProperties properties) {
        return MinioClient.builder()
            .endpoint(storage.endpoint().toString())
            .credentials(storage.keys().accessKey(), storage.keys().secretKey())
            .region(properties.region())
            .build();
    }

    @Bean
    @ConditionalOnExternal("lms.storage.endpoint")
    MinioClient configuredMinioClient(StorageProperties properties) {
        return MinioClient.builder()
            .endpoint(Objects.requireNonNull(properties.endpoint()).toString())
            .credentials(Objects.requireNonNull(properties.accessKey()), Objects.requireNonNull(properties.secretKey()))
            .region(properties.region())
            .build();
    }

    @Bean
    ObjectStorage objectStorage(MinioClient client, StorageProperties properties, BlockingSchedulers schedulers) {
        return new ObjectStorage(client, properties.bucket(), schedulers.objectStorage());
    }
}
