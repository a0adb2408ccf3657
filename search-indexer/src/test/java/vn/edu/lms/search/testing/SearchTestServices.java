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
    private static Path root;
    private static EmbeddedSearchProperties settings;

    private SearchTestServices() {
    }

    public static synchronized EmbeddedElasticsearch node() {
        if (node == null) {
            root = TestServices.newRoot("elasticsearch");
            settings = settings();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped().close();
                TestServices.deleteTree(root);
            }, "test-elasticsearch-stop"));
            node = EmbeddedElasticsearch.launch(root, settings);
            node.awaitReady(Duration.ofMinutes(3));
        }
        return node;
    }

    /**
     * Stops the node, runs {@code whileDown}, and starts it again on the same ports and data, as an
     * operator restarting Elasticsearch would: clients configured with its address reconnect.
     */
    public static synchronized void restart(Runnable whileDown) {
        node().close();
        try {
            whileDown.run();
        } finally {
            node = EmbeddedElasticsearch.launch(root, settings);
            node.awaitReady(Duration.ofMinutes(3));
        }
    }

    private static synchronized EmbeddedElasticsearch stopped() {
        return node;
    }

    /** Settings for a node on free ports with a small heap. */
    public static EmbeddedSearchProperties settings() {
        return new EmbeddedSearchProperties(Ports.free(), Ports.free(), "384m", "lms-search", null, Duration.ofMinutes(3));
    }
}
