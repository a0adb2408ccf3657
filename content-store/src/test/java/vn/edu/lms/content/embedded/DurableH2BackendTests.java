package vn.edu.lms.content.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.MongoServer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.edu.lms.content.testing.TestServices;

/**
 * What a crash leaves: the database file as it is on disk at the moment the writes were
 * acknowledged. Copying the file while the server keeps running captures exactly that state, which
 * a fresh store then opens the way the next start would.
 */
class DurableH2BackendTests {

    private Path root;

    @BeforeEach
    void createRoot() {
        root = TestServices.newRoot("durable");
    }

    @AfterEach
    void deleteRoot() {
        TestServices.deleteTree(root);
    }

    @Test
    void everyAcknowledgedInsertIsInTheFileBeforeTheReply() throws IOException {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(root.resolve("db"), 0, false);
             MongoClient client = MongoClients.create(server.connectionString("drill"))) {
            insert(collection(client), 300, 16);
            Path copy = crashCopy(root.resolve("db/lms.mv.db"));
            assertThat(documentsIn(copy)).isEqualTo(300);
        }
    }

    @Test
    void concurrentWritersShareCommits() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(root.resolve("db"), 0, true);
             MongoClient client = MongoClients.create(server.connectionString("drill"))) {
            long before = server.commitCount();
            insert(collection(client), 400, 32);
            long commits = server.commitCount() - before;
            assertThat(commits).isPositive().isLessThan(400);
        }
    }

    @Test
    void withoutTheDurableCommitAcknowledgedInsertsAreMissingFromTheFile() throws IOException {
        // The measured fault this backend exists for: the stock backend commits once a second in the background.
        Files.createDirectories(root.resolve("plain"));
        // A background commit landing in the few milliseconds before the copy would hide the fault: push it out.
        MVStore store = new MVStore.Builder().fileName(root.resolve("plain/lms.mv.db").toString()).open();
        store.setAutoCommitDelay(60_000);
        MongoServer server = new MongoServer(new H2Backend(store));
        try (MongoClient client = MongoClients.create("mongodb://" + hostPort(server.bind()) + "/drill")) {
            insert(collection(client), 50, 4);
            Path copy = crashCopy(root.resolve("plain/lms.mv.db"));
            assertThat(documentsIn(copy)).isLessThan(50);
        } finally {
            server.shutdownNow();
        }
    }

    private static String hostPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("drill").getCollection("answers").withWriteConcern(WriteConcern.JOURNALED);
    }

    private static void insert(MongoCollection<Document> collection, int count, int concurrency) {
        Flux<Object> inserts = Flux.fromStream(IntStream.range(0, count).boxed())
            .flatMap(i -> Mono.from(collection.insertOne(new Document("_id", i).append("answer", "A" + i))), concurrency)
            .cast(Object.class);
        StepVerifier.create(inserts.count()).expectNext((long) count).expectComplete().verify(Duration.ofSeconds(60));
    }

    /** The file as a crash at this instant would leave it, in a directory of its own. */
    private Path crashCopy(Path file) throws IOException {
        Path directory = Files.createDirectories(root.resolve("after-crash"));
        Files.copy(file, directory.resolve("lms.mv.db"));
        return directory;
    }

    /** Starts a server on the copied file, as the next start would, and counts what it holds. */
    private static long documentsIn(Path directory) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(directory, 0, false);
             MongoClient client = MongoClients.create(server.connectionString("drill"))) {
            AtomicLong count = new AtomicLong();
            StepVerifier.create(collection(client).countDocuments())
                .consumeNextWith(count::set).expectComplete().verify(Duration.ofSeconds(30));
            return count.get();
        }
    }
}
