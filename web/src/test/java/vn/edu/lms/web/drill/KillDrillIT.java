package vn.edu.lms.web.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import vn.edu.lms.content.embedded.StorageKeys;
import vn.edu.lms.content.testing.TestServices;

/**
 * The promise of the embedded default, tested the hard way: the packaged application takes
 * documents and objects at a steady rate, is killed with {@code kill -9} mid-stream, restarts on the
 * same data directory, and must hold every write the clients saw acknowledged, whole. Its
 * Elasticsearch must die with it, and a normal stop must leave no process behind.
 */
class KillDrillIT {

    private static final Logger log = LoggerFactory.getLogger(KillDrillIT.class);
    private static final int DOCUMENTS_BEFORE_KILL = 400;
    private static final int OBJECTS_BEFORE_KILL = 25;

    private final Path root = TestServices.newRoot("kill-drill");
    private final ApplicationProcess application = new ApplicationProcess(root.resolve("data"));
    private final Set<Integer> acknowledgedDocuments = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> acknowledgedObjects = new ConcurrentHashMap<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (application.ready()) {
            application.stop();
        }
        application.children().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNineAndNoElasticsearchIsLeftBehind() throws Exception {
        double firstStart = application.startAndAwaitReady("first-start.log");
        log.info("First start on an empty data directory: ready in {} s", String.format("%.1f", firstStart));
        assertThat(application.children()).as("the embedded Elasticsearch runs as a child").isNotEmpty();

        StorageKeys keys = StorageKeys.loadOrCreate(application.dataDir.resolve("object-storage.keys"));
        MinioClient storage = MinioClient.builder().endpoint(application.storageEndpoint())
            .credentials(keys.accessKey(), keys.secretKey()).build();
        try (MongoClient mongo = MongoClients.create(application.mongoUri())) {
            MongoCollection<Document> answers = mongo.getDatabase("lms").getCollection("drill_answers")
                .withWriteConcern(WriteConcern.JOURNALED);
            Disposable documentWriter = writeDocumentsSteadily(answers);
            Disposable objectWriter = writeObjectsSteadily(storage);

            await().atMost(Duration.ofMinutes(2)).until(() ->
                acknowledgedDocuments.size() >= DOCUMENTS_BEFORE_KILL && acknowledgedObjects.size() >= OBJECTS_BEFORE_KILL);
            application.kill();
            documentWriter.dispose();
            objectWriter.dispose();
        }
        log.info("Killed with {} documents and {} objects acknowledged", acknowledgedDocuments.size(), acknowledgedObjects.size());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(application.children()).as("Elasticsearch dies with the killed application").isEmpty());

        double restart = application.startAndAwaitReady("restart.log");
        log.info("Restart after kill -9: ready in {} s", String.format("%.1f", restart));
        try (MongoClient mongo = MongoClients.create(application.mongoUri())) {
            assertEveryDocumentIsThere(mongo.getDatabase("lms").getCollection("drill_answers"));
        }
        assertEveryObjectIsWhole(MinioClient.builder().endpoint(application.storageEndpoint())
            .credentials(keys.accessKey(), keys.secretKey()).build());

        assertThat(application.stop()).as("a normal stop exits cleanly").isIn(0, 143);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(application.children()).as("no Elasticsearch after a normal stop").isEmpty());
    }

    private Disposable writeDocumentsSteadily(MongoCollection<Document> answers) {
        return Flux.interval(Duration.ofMillis(2))
            .onBackpressureDrop()
            .map(Long::intValue)
            .flatMap(id -> Mono.from(answers.insertOne(new Document("_id", id).append("answer", "A").append("student", "hs-" + id)))
                .doOnSuccess(ok -> acknowledgedDocuments.add(id))
                .onErrorResume(failure -> Mono.empty()), 16)
            .subscribe();
    }

    private Disposable writeObjectsSteadily(MinioClient storage) {
        return Flux.interval(Duration.ofMillis(20))
            .onBackpressureDrop()
            .flatMap(i -> Mono.fromCallable(() -> putRandomObject(storage))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(failure -> Mono.empty()), 4)
            .subscribe();
    }

    private String putRandomObject(MinioClient storage) throws Exception {
        byte[] content = new byte[ThreadLocalRandom.current().nextInt(1024, 768 * 1024)];
        ThreadLocalRandom.current().nextBytes(content);
        String sha256 = sha256(new ByteArrayInputStream(content));
        storage.putObject(PutObjectArgs.builder().bucket("lms-content").object("drill/" + sha256)
            .stream(new ByteArrayInputStream(content), (long) content.length, null).build());
        acknowledgedObjects.put(sha256, content.length);
        return sha256;
    }

    private void assertEveryDocumentIsThere(MongoCollection<Document> answers) {
        List<Integer> ids = List.copyOf(acknowledgedDocuments);
        StepVerifier.create(Mono.from(answers.countDocuments(Filters.in("_id", ids))))
            .expectNext((long) ids.size())
            .expectComplete().verify(Duration.ofSeconds(60));
    }

    private void assertEveryObjectIsWhole(MinioClient storage) throws Exception {
        for (Map.Entry<String, Integer> object : acknowledgedObjects.entrySet()) {
            try (InputStream in = storage.getObject(GetObjectArgs.builder().bucket("lms-content")
                    .object("drill/" + object.getKey()).build())) {
                assertThat(sha256(in)).as("object %s is whole", object.getKey()).isEqualTo(object.getKey());
            }
        }
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
