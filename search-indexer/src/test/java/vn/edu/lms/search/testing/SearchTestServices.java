package vn.edu.lms.search.testing;

import java.nio.file.Path;
import java.time.Duration;

import vn.edu.lms.content.embedded.Ports;
import vn.edu.lms.content.testing.TestServices;
import vn.edu.lms.search.engine.embedded.EmbeddedElasticsearch;
import vn.edu.lms.search.engine.embedded.EmbeddedSearchProperties;

/**
 * The real Elasticsearch for tests: the embedded node, launched once per test JVM on free ports
 * and stopped when the JVM exits.
 */
public final class SearchTestServices {

    private static EmbeddedElasticsearch node;

    private SearchTestServices() {
    }

    public static synchronized EmbeddedElasticsearch node() {
        if (node == null) {
            Path root = TestServices.newRoot("elasticsearch");
            EmbeddedElasticsearch started = EmbeddedElasticsearch.launch(root, settings());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                TestServices.deleteTree(root);
            }, "test-elasticsearch-stop"));
            started.awaitReady(Duration.ofMinutes(3));
            node = started;
        }
        return node;
    }

    /** Settings for a node on free ports with a small heap. */
    public static EmbeddedSearchProperties settings() {
        return new EmbeddedSearchProperties(Ports.free(), Ports.free(), "384m", "lms-search", null, Duration.ofMinutes(3));
    }
}
