package vn.edu.lms.content.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.testing.TestServices;

/** Documents kept in the file as BSON: every kind of value comes back as it went in, across restarts and from old files. */
class BsonDocumentTypeTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path root;

    @BeforeEach
    void createRoot() {
        root = TestServices.newRoot("bson");
    }

    @AfterEach
    void deleteRoot() {
        TestServices.deleteTree(root);
    }

    @Test
    void everyKindOfValueComesBackAfterARestartAsItWasStored() {
        Document stored = new Document("_id", new ObjectId())
            .append("text", "Nguyễn Thị Ánh – đề kiểm tra giữa kỳ 🙂").append("int", 7).append("long", 1L << 40)
            .append("double", -1.5).append("decimal", Decimal128.parse("8.25")).append("yes", true).append("nothing", null)
            .append("at", Date.from(Instant.parse("2026-11-24T07:30:00.123Z"))).append("bytes", new Binary(new byte[] {0, 1, 2, (byte) 255}))
            .append("uuid", new Binary((byte) 4, new byte[16]))
            .append("list", List.of(1, "hai", List.of(3.0), new Document("bốn", 4)))
            .append("answers", new Document("3", new Document("seq", 2L).append("response", new Document("choice", "B"))));

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(root, 0, false);
             MongoClient client = MongoClients.create(server.connectionString("bson"))) {
            Mono.from(client.getDatabase("bson").getCollection("things").insertOne(stored)).block(WAIT);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(root, 0, false);
             MongoClient client = MongoClients.create(server.connectionString("bson"))) {
            Document found = Mono.from(client.getDatabase("bson").getCollection("things").find().first()).block(WAIT);
            assertThat(found).isEqualTo(stored);
        }
    }

    @Test
    void aFileWrittenByTheStockServerIsConvertedOnceAndKeepsEveryDocument() throws Exception {
        Path stockDirectory = Files.createDirectories(root.resolve("stock"));
        MongoServer stock = new MongoServer(new H2Backend(new MVStore.Builder().fileName(stockDirectory.resolve("lms.mv.db").toString()).open()));
        java.net.InetSocketAddress address = stock.bind();
        try (MongoClient stockClient = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> attempts = stockClient.getDatabase("bson").getCollection("attempts");
            Flux.range(0, 500).concatMap(i -> Mono.from(attempts.insertOne(new Document("_id", "a" + i).append("n", i)
                .append("answers", new Document("1", new Document("seq", 1L)))))).blockLast(WAIT);
        } finally {
            stock.shutdown();
        }

        for (int start = 0; start < 2; start++) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(stockDirectory, 0, false);
                 MongoClient client = MongoClients.create(server.connectionString("bson"))) {
                MongoCollection<Document> attempts = client.getDatabase("bson").getCollection("attempts");
                assertThat(Mono.from(attempts.countDocuments()).block(WAIT)).as("start %d", start).isEqualTo(500L + start);
                assertThat(Mono.from(attempts.find(Filters.eq("_id", "a321")).first()).block(WAIT).getInteger("n")).isEqualTo(321);
                Mono.from(attempts.insertOne(new Document("_id", "new-" + start))).block(WAIT);
            }
        }
        MVStore reopened = new MVStore.Builder().fileName(stockDirectory.resolve("lms.mv.db").toString()).readOnly().open();
        try {
            assertThat(reopened.getMapNames()).as("the Java-serialized map is gone")
                .contains("databases.bson.attempts#bson").doesNotContain("databases.bson.attempts");
        } finally {
            reopened.close();
        }
    }

    @Test
    void aDroppedCollectionComesBackEmptyAndARenamedOneKeepsItsDocumentsAfterARestart() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(root, 0, false);
             MongoClient client = MongoClients.create(server.connectionString("bson"))) {
            MongoDatabase database = client.getDatabase("bson");
            MongoCollection<Document> dropped = database.getCollection("dropped");
            Mono.from(dropped.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true))).block(WAIT);
            Mono.from(dropped.insertOne(new Document("_id", 1).append("code", "x"))).block(WAIT);
            Mono.from(dropped.drop()).block(WAIT);
            Mono.from(database.getCollection("kept").insertOne(new Document("_id", 2).append("code", "y"))).block(WAIT);
            Mono.from(database.getCollection("kept").renameCollection(new com.mongodb.MongoNamespace("bson", "renamed"))).block(WAIT);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(root, 0, false);
             MongoClient client = MongoClients.create(server.connectionString("bson"))) {
            MongoDatabase database = client.getDatabase("bson");
            assertThat(Mono.from(database.getCollection("dropped").countDocuments()).block(WAIT)).isZero();
            Mono.from(database.getCollection("dropped").insertOne(new Document("_id", 1).append("code", "x"))).block(WAIT);
            assertThat(Mono.from(database.getCollection("kept").countDocuments()).block(WAIT)).isZero();
            assertThat(Flux.from(database.getCollection("renamed").find()).map(found -> found.getString("code")).collectList().block(WAIT))
                .containsExactly("y");
        }
    }

    @Test
    void aDocumentReadFromAPageLeavesThePositionAtTheNextOne() {
        de.bwaldvogel.mongo.bson.Document first = new de.bwaldvogel.mongo.bson.Document("_id", "a").append("n", 1);
        de.bwaldvogel.mongo.bson.Document second = new de.bwaldvogel.mongo.bson.Document("_id", "b").append("list", List.of("x", "y"));
        WriteBuffer page = new WriteBuffer();
        page.putInt(42);
        BsonDocumentType.INSTANCE.write(page, new Object[] {first, second}, 2);
        page.putInt(43);
        ByteBuffer read = page.getBuffer().flip();

        assertThat(read.getInt()).isEqualTo(42);
        de.bwaldvogel.mongo.bson.Document[] documents = BsonDocumentType.INSTANCE.createStorage(2);
        BsonDocumentType.INSTANCE.read(read, documents, 2);
        assertThat(documents).containsExactly(first, second);
        assertThat(read.getInt()).isEqualTo(43);
    }

    @Test
    void theCacheCountsADocumentByItsSizeOnTheHeapNotItsEncoding() {
        de.bwaldvogel.mongo.bson.Document small = new de.bwaldvogel.mongo.bson.Document("_id", "a");
        de.bwaldvogel.mongo.bson.Document answers = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 1; i <= 40; i++) {
            answers.append(String.valueOf(i), new de.bwaldvogel.mongo.bson.Document("seq", 3L).append("response", "B").append("at", Instant.now()));
        }
        de.bwaldvogel.mongo.bson.Document large = new de.bwaldvogel.mongo.bson.Document("_id", "b").append("answers", answers);
        WriteBuffer encoded = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(encoded, large);

        assertThat(BsonDocumentType.INSTANCE.getMemory(large)).isGreaterThan(encoded.position())
            .isGreaterThan(40 * BsonDocumentType.INSTANCE.getMemory(small));
    }
}
