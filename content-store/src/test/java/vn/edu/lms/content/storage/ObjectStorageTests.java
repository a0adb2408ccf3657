package vn.edu.lms.content.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.BucketExistsArgs;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.edu.lms.content.ContentTestApplication;
import vn.edu.lms.content.embedded.EmbeddedObjectStorage;
import vn.edu.lms.content.testing.TestServices;

@SpringBootTest(classes = ContentTestApplication.class)
class ObjectStorageTests {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    ObjectStorage storage;

    @Autowired
    ObjectStorageHealthIndicator health;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @BeforeEach
    void bucket() {
        StepVerifier.create(storage.ensureBucket()).expectComplete().verify(BOUND);
    }

    @Test
    void anObjectPutIsThereWholeAndGoneOnceRemoved() {
        byte[] content = "Bài giảng Toán lớp 5".getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(storage.put("lessons/toan-5.txt", () -> new ByteArrayInputStream(content), content.length, "text/plain"))
            .assertNext(stored -> assertThat(stored.size()).isEqualTo(content.length))
            .expectComplete().verify(BOUND);
        StepVerifier.create(storage.stat("lessons/toan-5.txt"))
            .assertNext(stat -> assertThat(stat.size()).isEqualTo(content.length))
            .expectComplete().verify(BOUND);
        StepVerifier.create(storage.remove("lessons/toan-5.txt").then(storage.stat("lessons/toan-5.txt")))
            .expectComplete().verify(BOUND);
    }

    @Test
    void aMissingObjectIsEmptyNotAnError() {
        StepVerifier.create(storage.stat("no/such/object")).expectComplete().verify(BOUND);
    }

    @Test
    void theStorageRefusesWrongKeys() {
        MinioClient intruder = MinioClient.builder().endpoint(TestServices.get().storageEndpoint())
            .credentials(TestServices.get().storageKeys().accessKey(), "not-the-secret-key").build();
        StepVerifier.create(Mono.fromCallable(() -> intruder.bucketExists(BucketExistsArgs.builder().bucket("lms-test").build()))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
            .expectError(ErrorResponseException.class).verify(BOUND);
    }

    @Test
    void readinessIsUpWithTheBucketThere() {
        StepVerifier.create(health.health())
            .assertNext(result -> assertThat(result.getStatus()).isEqualTo(Status.UP))
            .expectComplete().verify(BOUND);
    }

    @Test
    void givenAnEndpointNothingEmbeddedStarts() {
        assertThat(context.getBeanNamesForType(EmbeddedObjectStorage.class)).isEmpty();
        assertThat(TestServices.get().unusedEmbeddedDataDir()).doesNotExist();
    }
}
