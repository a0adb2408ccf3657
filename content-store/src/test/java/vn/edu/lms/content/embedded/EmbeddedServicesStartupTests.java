package vn.edu.lms.content.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.edu.lms.content.testing.TestServices;

/** An operator who starts the application twice, or on a busy port, is told so in one line. */
class EmbeddedServicesStartupTests {

    private Path root;

    @BeforeEach
    void createRoot() {
        root = TestServices.newRoot("startup");
    }

    @AfterEach
    void deleteRoot() {
        TestServices.deleteTree(root);
    }

    @Test
    void mongoOnATakenPortFailsWithAOneLineMessageNamingPortAndSetting() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedMongoServer.start(root.resolve("db"), port, true))
                .isInstanceOf(EmbeddedServiceException.class)
                .hasMessageContaining("port " + port)
                .hasMessageContaining("lms.embedded.mongodb.port")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void objectStorageOnATakenPortFailsWithAOneLineMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            StorageKeys keys = StorageKeys.loadOrCreate(root.resolve("keys"));
            assertThatThrownBy(() -> EmbeddedObjectStorage.start(root.resolve("objects"), port, keys))
                .isInstanceOf(EmbeddedServiceException.class)
                .hasMessageContaining("port " + port)
                .hasMessageContaining("lms.embedded.storage.port");
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsRefused() {
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(root.resolve("db"), 0, true)) {
            assertThatThrownBy(() -> EmbeddedMongoServer.start(root.resolve("db"), 0, true))
                .isInstanceOf(EmbeddedServiceException.class)
                .hasMessageContaining("another instance");
        }
    }

    @Test
    void storageKeysAreDrawnOnceAndReadableByTheOwnerOnly() throws IOException {
        Path file = root.resolve("object-storage.keys");
        StorageKeys first = StorageKeys.loadOrCreate(file);
        StorageKeys again = StorageKeys.loadOrCreate(file);
        assertThat(again).isEqualTo(first);
        assertThat(first.secretKey()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(file))
            .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(first.toString()).doesNotContain(first.secretKey());
        assertThat(StorageKeys.loadOrCreate(root.resolve("other.keys"))).isNotEqualTo(first);
        assertThat(Set.of(first.accessKey())).allMatch(key -> key.startsWith("lms-"));
    }
}
