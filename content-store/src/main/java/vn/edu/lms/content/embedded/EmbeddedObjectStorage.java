package vn.edu.lms.content.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server in this process (s3proxy over its filesystem store), used only
 * through the MinIO client. The store writes each object to a temporary file and renames it
 * into place, so after a crash an object is either whole or absent, never truncated.
 */
public final class EmbeddedObjectStorage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedObjectStorage.class);

    private final S3Proxy proxy;
    private final URI endpoint;
    private final StorageKeys keys;

    private EmbeddedObjectStorage(S3Proxy proxy, URI endpoint, StorageKeys keys) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.keys = keys;
    }

    /**
     * Serves the objects under {@code directory} on a loopback port, requiring the given keys
     * (AWS signature v2 or v4), as a real object store would.
     */
    public static EmbeddedObjectStorage start(Path directory, int port, StorageKeys keys) {
        Ports.requireFree("Embedded object storage", port, "lms.embedded.storage.port");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EmbeddedServiceException("Embedded object storage cannot create its directory "
                + directory + ": " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        S3Proxy proxy = S3Proxy.builder()
            .blobStore(BlobStores.create("filesystem-nio2", properties))
            .endpoint(URI.create("http://" + host + ":" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, keys.accessKey(), keys.secretKey())
            .metricsEnabled(false)
            .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new EmbeddedServiceException("Embedded object storage cannot listen on " + host + ":" + port
                + ": " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://" + host + ":" + proxy.getPort());
        log.info("Embedded object storage listening on {} (data {})", endpoint, directory);
        return new EmbeddedObjectStorage(proxy, endpoint, keys);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The keys a client must sign its requests with. */
    public StorageKeys keys() {
        return keys;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
            log.info("Embedded object storage stopped");
        } catch (Exception e) {
            log.warn("Embedded object storage did not stop cleanly: {}", e.toString());
        }
    }
}
