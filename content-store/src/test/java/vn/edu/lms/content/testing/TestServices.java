package vn.edu.lms.content.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import vn.edu.lms.content.embedded.EmbeddedMongoServer;
import vn.edu.lms.content.embedded.EmbeddedObjectStorage;
import vn.edu.lms.content.embedded.Ports;
import vn.edu.lms.content.embedded.StorageKeys;

/**
 * The real database and object storage for tests: the embedded servers, started once per test JVM
 * on free ports and shared by every test, reached over their real protocols. Spring tests get them
 * as external services (see {@link TestServicesContextCustomizerFactory}), so the application code
 * under test takes the same path as against a real MongoDB and MinIO.
 */
public final class TestServices {

    private static TestServices instance;

    private final Path root;
    private final EmbeddedMongoServer mongo;
    private final EmbeddedObjectStorage storage;
    private final StorageKeys keys;

    private TestServices(Path root) {
        this.root = root;
        this.keys = StorageKeys.loadOrCreate(root.resolve("object-storage.keys"));
        this.mongo = EmbeddedMongoServer.start(root.resolve("mongodb"), Ports.free(), true);
        this.storage = EmbeddedObjectStorage.start(root.resolve("object-storage"), Ports.free(), keys);
    }

    /** The shared services, started on first use and stopped when the JVM exits. */
    public static synchronized TestServices get() {
        if (instance == null) {
            Path root = newRoot("services");
            TestServices services = new TestServices(root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                services.storage.close();
                services.mongo.close();
                deleteTree(root);
            }, "test-services-stop"));
            instance = services;
        }
        return instance;
    }

    /** A fresh directory under the build's test root, for one test's files. */
    public static Path newRoot(String name) {
        Path base = Path.of(System.getProperty("lms.test.root", "target/test-stack"));
        try {
            Files.createDirectories(base);
            // Traversable by others: under root, the embedded Elasticsearch runs as an unprivileged account.
            return Files.createTempDirectory(base.toAbsolutePath(), name + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a test directory under " + base, e);
        }
    }

    public String mongoUri() {
        return mongo.connectionString("lms-test");
    }

    public String storageEndpoint() {
        return storage.endpoint().toString();
    }

    public StorageKeys storageKeys() {
        return keys;
    }

    /** The properties that point the application at these services. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("lms.database.uri", mongoUri());
        properties.put("lms.storage.endpoint", storageEndpoint());
        properties.put("lms.storage.access-key", keys.accessKey());
        properties.put("lms.storage.secret-key", keys.secretKey());
        properties.put("lms.storage.bucket", "lms-test");
        // Nothing embedded may start in tests; if something did, it would land here, not in ./data.
        properties.put("lms.embedded.data-dir", root.resolve("unused-embedded-data").toString());
        return properties;
    }

    public Path unusedEmbeddedDataDir() {
        return root.resolve("unused-embedded-data");
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the build's target directory is cleaned anyway
        }
    }
}
