package vn.edu.lms.search.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.edu.lms.content.embedded.EmbeddedServiceException;
import vn.edu.lms.content.testing.TestServices;
import vn.edu.lms.search.testing.SearchTestServices;

class EmbeddedElasticsearchTests {

    private Path root;

    @BeforeEach
    void createRoot() {
        root = TestServices.newRoot("es-launch");
    }

    @AfterEach
    void deleteRoot() {
        TestServices.deleteTree(root);
    }

    @Test
    void aNodeLeftByAKilledApplicationIsStoppedBeforeTheNextStarts() {
        EmbeddedSearchProperties settings = SearchTestServices.settings();
        EmbeddedElasticsearch orphan = EmbeddedElasticsearch.launch(root, settings);
        orphan.awaitReady(Duration.ofMinutes(3));
        long serverPid = EmbeddedElasticsearch.readPid(EmbeddedElasticsearch.pidFile(root.toAbsolutePath())).orElseThrow();
        ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();

        // The next start on the same directory finds the old node by its pid file.
        EmbeddedElasticsearch.stopStaleChild(root.toAbsolutePath());

        await().atMost(Duration.ofSeconds(60)).until(() -> !server.isAlive());
        assertThat(ProcessHandle.of(orphan.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aTakenPortIsReportedInOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            EmbeddedSearchProperties settings = new EmbeddedSearchProperties(taken.getLocalPort(), 0, "256m",
                "lms-search", null, Duration.ofSeconds(5));
            assertThatThrownBy(() -> EmbeddedElasticsearch.launch(root, settings))
                .isInstanceOf(EmbeddedServiceException.class)
                .hasMessageContaining("port " + taken.getLocalPort())
                .hasMessageContaining("lms.embedded.elasticsearch.port");
        }
    }

    @Test
    void aMissingDistributionSaysWhereItLookedAndWhatToDo() {
        assertThatThrownBy(() -> ElasticsearchDistribution.locateZip(root.resolve("nowhere.zip")))
            .isInstanceOf(EmbeddedServiceException.class)
            .hasMessageContaining("nowhere.zip")
            .hasMessageContaining("lms.embedded.elasticsearch.distribution");
    }

    @Test
    void aZipWhoseEntriesEscapeTheTargetIsRefused() throws IOException {
        Path zip = root.resolve("hostile.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("../../escaped.txt"));
            out.write("x".getBytes());
            out.closeEntry();
        }
        assertThatThrownBy(() -> ElasticsearchDistribution.unpack(zip, root.resolve("dist")))
            .isInstanceOf(EmbeddedServiceException.class)
            .hasMessageContaining("escapes");
        assertThat(root.getParent().resolve("escaped.txt")).doesNotExist();
    }
}
