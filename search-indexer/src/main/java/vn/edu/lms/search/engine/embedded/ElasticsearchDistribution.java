package vn.edu.lms.search.engine.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.edu.lms.content.embedded.EmbeddedServiceException;

/**
 * The Elasticsearch distribution zip that Maven resolved from Maven Central, and its unpacked copy
 * under the data directory. Unpacking goes to a temporary directory renamed into place, so a
 * crash mid-way leaves no half distribution behind.
 */
final class ElasticsearchDistribution {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);
    private static final String BUILD_INFO = "META-INF/lms/elasticsearch-distribution.properties";

    private ElasticsearchDistribution() {
    }

    /** The version this application was built for. */
    static String version() {
        return buildInfo().getProperty("version");
    }

    /** Finds the zip: the configured path, else where the build's Maven put it, else the default local repository. */
    static Path locateZip(@Nullable Path configured) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(configured);
        } else {
            Properties info = buildInfo();
            candidates.add(Path.of(info.getProperty("zip")));
            String version = info.getProperty("version");
            candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "elasticsearch",
                "distribution", "integ-test-zip", "elasticsearch", version, "elasticsearch-" + version + ".zip"));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
            new EmbeddedServiceException("Embedded Elasticsearch cannot start: distribution zip not found at "
                + candidates + ". Build once with './mvnw -DskipTests install' (Maven fetches it) "
                + "or set lms.embedded.elasticsearch.distribution to the zip."));
    }

    /** Returns the distribution's home under {@code parent}, unpacking the zip there the first time. */
    static Path unpack(Path zip, Path parent) {
        String version = version();
        Path home = parent.resolve("elasticsearch-" + version);
        if (Files.isRegularFile(home.resolve("lib").resolve("elasticsearch-" + version + ".jar"))) {
            return home;
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, ".unpacking-");
            extract(zip, staging);
            Path unpacked = staging.resolve("elasticsearch-" + version);
            if (!Files.isDirectory(unpacked)) {
                throw new IOException("the zip has no elasticsearch-" + version + " directory");
            }
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(staging);
        } catch (IOException e) {
            throw new EmbeddedServiceException("Embedded Elasticsearch cannot unpack " + zip + " into " + parent
                + ": " + e.getMessage(), e);
        }
        log.info("Unpacked Elasticsearch {} into {} in {} ms", version, home, (System.nanoTime() - started) / 1_000_000);
        return home;
    }

    private static void extract(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                // A zip read by Java loses the Unix modes: the launch scripts must be executable again.
                if (destination.getParent().getFileName().toString().equals("bin")) {
                    Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Properties buildInfo() {
        Properties properties = new Properties();
        try (InputStream in = ElasticsearchDistribution.class.getClassLoader().getResourceAsStream(BUILD_INFO)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_INFO + " missing from the build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILD_INFO, e);
        }
        return properties;
    }
}
