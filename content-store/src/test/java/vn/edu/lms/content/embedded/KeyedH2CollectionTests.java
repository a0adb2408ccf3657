package vn.edu.lms.content.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.testing.TestServices;

/**
 * A save of one answer names the attempt and the conditions it must meet. The stock embedded
 * server read every attempt for it; these tests hold the lookup by key and the answers it gives.
 */
class KeyedH2CollectionTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path root;
    private EmbeddedMongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        root = TestServices.newRoot("keyed");
        server = EmbeddedMongoServer.start(root.resolve("db"), 0, false);
        client = MongoClients.create(server.connectionString("keyed"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        TestServices.deleteTree(root);
    }

    @Test
    void aConditionalSaveByIdReadsTheOneAttemptNotTheCollection() {
        MongoCollection<Document> attempts = attempts(500);
        long before = server.fullScanCount();

        Document after = save(attempts, Filters.and(Filters.eq("_id", "s1.student-250"), Filters.eq("state", "RUNNING"),
            Filters.or(Filters.exists("answers.3", false), Filters.lt("answers.3.seq", 1))), 1);

        assertThat(after.getString("_id")).isEqualTo("s1.student-250");
        assertThat(after.get("answers", Document.class).get("3", Document.class).getLong("seq")).isEqualTo(1L);
        assertThat(server.fullScanCount()).isEqualTo(before);

        Mono.from(attempts.find(Filters.eq("state", "RUNNING")).first()).block(WAIT);
        assertThat(server.fullScanCount()).as("a filter without the key still reads the collection").isEqualTo(before + 1);
    }

    @Test
    void theRestOfTheFilterStillDecidesWhetherTheKeyedDocumentMatches() {
        MongoCollection<Document> attempts = attempts(20);
        save(attempts, Filters.eq("_id", "s1.student-7"), 5);

        assertThat(save(attempts, Filters.and(Filters.eq("_id", "s1.student-7"), Filters.lt("answers.3.seq", 5)), 4))
            .as("an older save").isNull();
        assertThat(save(attempts, Filters.and(Filters.eq("_id", "s1.student-7"), Filters.eq("state", "SUBMITTED")), 9))
            .as("a submitted attempt").isNull();
        assertThat(save(attempts, new Document("_id", "s1.student-7").append("$and",
            List.of(new Document("_id", "s1.student-8"))), 9)).as("two keys that cannot both hold").isNull();
        assertThat(Mono.from(attempts.find(Filters.eq("_id", "s1.student-7")).first()).block(WAIT)
            .get("answers", Document.class).get("3", Document.class).getLong("seq")).isEqualTo(5L);

        Document raced = save(attempts, Filters.and(Filters.eq("_id", "s1.student-7"), Filters.lt("answers.3.seq", 6)), 6);
        assertThat(raced.get("answers", Document.class).get("3", Document.class).getLong("seq")).isEqualTo(6L);
    }

    @Test
    void aFilterOnAUniqueFieldAndMoreUsesThatKeyAndFindsWhatAScanWould() {
        MongoCollection<Document> tokens = client.getDatabase("keyed").getCollection("tokens");
        Mono.from(tokens.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true))).block(WAIT);
        Flux.range(0, 300).concatMap(i -> Mono.from(tokens.insertOne(new Document("_id", "t" + i).append("hash", "h" + i)
            .append("revoked", i % 2 == 0)))).blockLast(WAIT);
        long before = server.fullScanCount();

        List<Document> live = Flux.from(tokens.find(Filters.and(Filters.eq("hash", "h41"), Filters.eq("revoked", false)))).collectList()
            .block(WAIT);
        List<Document> revoked = Flux.from(tokens.find(Filters.and(Filters.eq("hash", "h42"), Filters.eq("revoked", false))))
            .collectList().block(WAIT);

        assertThat(live).extracting(document -> document.getString("_id")).containsExactly("t41");
        assertThat(revoked).isEmpty();
        assertThat(server.fullScanCount()).isEqualTo(before);
    }

    @Test
    void uniqueKeysHoldAndADroppedIndexNoLongerRefuses() {
        MongoCollection<Document> tokens = client.getDatabase("keyed").getCollection("tokens");
        String index = Mono.from(tokens.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true))).block(WAIT);
        Flux.range(0, 200).concatMap(i -> Mono.from(tokens.insertOne(new Document("_id", i).append("hash", "h" + i)))).blockLast(WAIT);

        assertThatThrownBy(() -> Mono.from(tokens.insertOne(new Document("_id", 7).append("hash", "other"))).block(WAIT))
            .as("the same _id").isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> Mono.from(tokens.insertOne(new Document("_id", 1000).append("hash", "h150"))).block(WAIT))
            .as("the same hash").isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThat(Flux.from(tokens.find(Filters.eq("_id", 150))).map(found -> found.getString("hash")).collectList().block(WAIT))
            .containsExactly("h150");

        Mono.from(tokens.dropIndex(index)).block(WAIT);
        Mono.from(tokens.insertOne(new Document("_id", 1000).append("hash", "h150"))).block(WAIT);
        assertThat(Mono.from(tokens.countDocuments(Filters.eq("hash", "h150"))).block(WAIT)).isEqualTo(2L);
    }

    @Test
    void aDatabaseWrittenByTheStockServerOpensWithItsDocumentsAndItsUniqueKeys() throws Exception {
        Path stockDirectory = Files.createDirectories(root.resolve("stock"));
        MVStore store = new MVStore.Builder().fileName(stockDirectory.resolve("lms.mv.db").toString()).open();
        MongoServer stock = new MongoServer(new H2Backend(store));
        java.net.InetSocketAddress address = stock.bind();
        try (MongoClient stockClient = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> accounts = stockClient.getDatabase("keyed").getCollection("accounts");
            Mono.from(accounts.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true))).block(WAIT);
            Mono.from(accounts.insertOne(new Document("_id", "a1").append("username", "lan").append("failed", 0))).block(WAIT);
        } finally {
            stock.shutdown();
        }

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(stockDirectory, 0, false);
             MongoClient reopenedClient = MongoClients.create(reopened.connectionString("keyed"))) {
            MongoCollection<Document> accounts = reopenedClient.getDatabase("keyed").getCollection("accounts");
            Document found = Mono.from(accounts.findOneAndUpdate(Filters.and(Filters.eq("_id", "a1"), Filters.eq("failed", 0)),
                Updates.inc("failed", 1), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).block(WAIT);
            assertThat(found.getInteger("failed")).isEqualTo(1);
            assertThatThrownBy(() -> Mono.from(accounts.insertOne(new Document("_id", "a2").append("username", "lan"))).block(WAIT))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    private MongoCollection<Document> attempts(int count) {
        MongoCollection<Document> attempts = client.getDatabase("keyed").getCollection("attempts");
        Flux.fromStream(IntStream.range(0, count).boxed())
            .concatMap(i -> Mono.from(attempts.insertOne(new Document("_id", "s1.student-" + i).append("state", "RUNNING")
                .append("answers", new Document()))))
            .blockLast(WAIT);
        return attempts;
    }

    /** Stores answer 3 with this sequence number where the filter matches; the document after, or null. */
    private static Document save(MongoCollection<Document> attempts, Bson filter, long seq) {
        return Mono.from(attempts.findOneAndUpdate(filter, Updates.set("answers.3", new Document("seq", seq).append("response", "B")),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).block(WAIT);
    }
}
