package vn.edu.lms.content.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-wire-protocol server in this process, its data in one MVStore file. The application
 * talks to it only through the official driver, exactly as it would to a real MongoDB.
 * Acknowledged writes are in the file before the reply leaves (see {@link DurableH2Backend}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    /** Enough workers that concurrent clients reach the group commit together. */
    private static final int WORKER_THREADS = 64;
    /**
     * The default of {@code lms.embedded.mongodb.cache-size}: the documents the test-taking burst
     * works on (3,000 attempts, their papers, accounts and sessions) stay on the heap.
     */
    static final String DEFAULT_CACHE_SIZE = "64MB";

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, DurableH2Backend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    /**
     * Opens (or creates) the database file under {@code directory} and listens on loopback.
     *
     * @param port   0 for any free port
     * @param fsync  also force each commit to the disk (survives power loss, not only a killed process)
     */
    public static EmbeddedMongoServer start(Path directory, int port, boolean fsync) {
        return start(directory, port, fsync, DataSize.parse(DEFAULT_CACHE_SIZE));
    }

    /**
     * @param cacheSize  heap for the pages read from the file, counted as the documents' size on the
     *                   heap; a page missing from it is read and decoded again, and the time-up and
     *                   grading sweeps read every attempt each round
     */
    public static EmbeddedMongoServer start(Path directory, int port, boolean fsync, DataSize cacheSize) {
        Ports.requireFree("Embedded MongoDB", port, "lms.embedded.mongodb.port");
        MVStore store = openStore(directory, cacheSize);
        DurableH2Backend backend = new DurableH2Backend(store, fsync);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            backend.close();
            throw new EmbeddedServiceException(
                "Embedded MongoDB cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = server.getLocalAddress();
        log.info("Embedded MongoDB listening on {} (data {}, fsync {})", bound, directory, fsync);
        return new EmbeddedMongoServer(server, backend, bound);
    }

    private static MVStore openStore(Path directory, DataSize cacheSize) {
        Path file = directory.resolve("lms.mv.db");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EmbeddedServiceException("Embedded MongoDB cannot create its directory " + directory
                + ": " + e.getMessage(), e);
        }
        try {
            return new MVStore.Builder().fileName(file.toString())
                .cacheSize((int) Math.max(1, cacheSize.toMegabytes())).open();
        } catch (MVStoreException e) {
            throw new EmbeddedServiceException("Embedded MongoDB cannot open " + file
                + " (is another instance using this data directory?): " + e.getMessage(), e);
        }
    }

    /** The connection string for the official driver, naming {@code database}. */
    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    long commitCount() {
        return backend.commitCount();
    }

    long fullScanCount() {
        return backend.fullScanCount();
    }

    /** Stops listening, answers what is in flight, then closes the file cleanly. */
    @Override
    public void close() {
        server.shutdown();
        log.info("Embedded MongoDB stopped");
    }
}
