package vn.edu.lms.content.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The access keys of the embedded object storage. There is no default password: the first start
 * draws random keys and keeps them, readable by the owner only, beside the objects.
 */
public record StorageKeys(String accessKey, String secretKey) {

    public StorageKeys {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.length() < 8) {
            throw new IllegalArgumentException("object storage keys must be set (secret key of 8 characters or more)");
        }
    }

    /** Reads the keys kept in {@code file}, or draws new ones and keeps them there. */
    public static StorageKeys loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.getParent());
            SecureRandom random = new SecureRandom();
            StorageKeys keys = new StorageKeys("lms-" + hex(random, 8), hex(random, 24));
            Properties properties = new Properties();
            properties.setProperty("access-key", keys.accessKey());
            properties.setProperty("secret-key", keys.secretKey());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                properties.store(out, "Keys of the embedded object storage, drawn at first start");
            }
            return keys;
        } catch (FileAlreadyExistsException raced) {
            return read(file);
        } catch (IOException e) {
            throw new EmbeddedServiceException("Cannot keep the object storage keys in " + file + ": " + e.getMessage(), e);
        }
    }

    private static StorageKeys read(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new EmbeddedServiceException("Cannot read the object storage keys in " + file + ": " + e.getMessage(), e);
        }
        return new StorageKeys(properties.getProperty("access-key"), properties.getProperty("secret-key"));
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public String toString() {
        return "StorageKeys[accessKey=" + accessKey + ", secretKey=***]";
    }
}
