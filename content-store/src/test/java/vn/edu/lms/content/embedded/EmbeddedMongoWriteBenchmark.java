package vn.edu.lms.content.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.h2.mvstore.MVStore;

import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.testing.TestServices;

/**
 * How many acknowledged inserts a second the embedded database takes, with the durable group
 * commit (with and without fsync) against the stock backend that commits once a second in the
 * background (the baseline, which loses acknowledged writes). All in one run, so the ratios hold
 * on a noisy machine. Run it with the command in the README.
 */
public final class EmbeddedMongoWriteBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(2);

    private EmbeddedMongoWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        int[] concurrencies = { 1, 16, 64 };
        Map<String, double[]> results = new LinkedHashMap<>();
        for (String mode : new String[] { "stock (baseline, not durable)", "durable commit", "durable commit + fsync" }) {
            double[] rates = new double[concurrencies.length];
            for (int i = 0; i < concurrencies.length; i++) {
                rates[i] = run(mode, concurrencies[i], measure);
            }
            results.put(mode, rates);
        }
        double[] baseline = results.values().iterator().next();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
            "%nEmbedded MongoDB: acknowledged inserts per second (%d s each, write concern JOURNALED)%n", measure.toSeconds()));
        report.append(String.format(Locale.ROOT, "%-32s", "mode"));
        for (int c : concurrencies) {
            report.append(String.format(Locale.ROOT, "%22s", c + " concurrent"));
        }
        report.append('\n');
        results.forEach((mode, rates) -> {
            report.append(String.format(Locale.ROOT, "%-32s", mode));
            for (int i = 0; i < rates.length; i++) {
                report.append(String.format(Locale.ROOT, "%12.0f (x%5.2f)", rates[i], rates[i] / baseline[i]));
            }
            report.append('\n');
        });
        System.out.print(report);
        System.exit(0);
    }

    private static double run(String mode, int concurrency, Duration measure) throws Exception {
        Path root = TestServices.newRoot("benchmark");
        try {
            Files.createDirectories(root.resolve("db"));
            AutoCloseable server;
            String uri;
            if (mode.startsWith("stock")) {
                MongoServer stock = new MongoServer(new H2Backend(new MVStore.Builder()
                    .fileName(root.resolve("db/lms.mv.db").toString()).open()));
                InetSocketAddress address = stock.bind();
                uri = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/bench";
                server = stock::shutdownNow;
            } else {
                EmbeddedMongoServer durable = EmbeddedMongoServer.start(root.resolve("db"), 0, mode.endsWith("fsync"));
                uri = durable.connectionString("bench");
                server = durable;
            }
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> collection = client.getDatabase("bench").getCollection("answers")
                    .withWriteConcern(WriteConcern.JOURNALED);
                AtomicLong ids = new AtomicLong();
                insertFor(collection, ids, concurrency, WARM_UP);
                long before = ids.get();
                long started = System.nanoTime();
                insertFor(collection, ids, concurrency, measure);
                return (ids.get() - before) / ((System.nanoTime() - started) / 1e9);
            } finally {
                server.close();
            }
        } finally {
            TestServices.deleteTree(root);
        }
    }

    private static void insertFor(MongoCollection<Document> collection, AtomicLong ids, int concurrency, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        Flux.generate(sink -> sink.next(ids.get()))
            .takeWhile(tick -> System.nanoTime() < deadline)
            .flatMap(tick -> {
                long id = ids.incrementAndGet();
                return Mono.from(collection.insertOne(new Document("_id", id).append("question", (int) (id % 40))
                    .append("answer", "B").append("savedAt", System.currentTimeMillis())));
            }, concurrency)
            .blockLast(duration.plusSeconds(60));
    }
}
