package vn.edu.lms.content.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the services the application starts itself when no external one is configured.
 * Everything they keep lives under {@code dataDir}.
 *
 * @param dataDir  the one directory holding the database file, the objects and the search index
 * @param mongodb  the embedded MongoDB-wire-protocol server
 * @param storage  the embedded S3-compatible object storage
 */
@ConfigurationProperties("lms.embedded")
@Validated
public record EmbeddedProperties(
    @DefaultValue("./data") @NotNull Path dataDir,
    @DefaultValue @Valid Mongodb mongodb,
    @DefaultValue @Valid Storage storage) {

    /**
     * @param port   loopback port (0 picks a free one)
     * @param fsync  force each commit to the disk as well: survives power loss, not only a killed process
     * @param cacheSize  heap for the database pages read from the file (at least 1 MB)
     */
    public record Mongodb(@DefaultValue("27117") @Min(0) @Max(65535) int port, @DefaultValue("true") boolean fsync,
                          @DefaultValue(EmbeddedMongoServer.DEFAULT_CACHE_SIZE) @NotNull DataSize cacheSize) {
    }

    /**
     * @param port  loopback port (0 picks a free one)
     */
    public record Storage(@DefaultValue("9100") @Min(0) @Max(65535) int port) {
    }

    /** The data directory made absolute, so logs and child processes name it unambiguously. */
    public Path absoluteDataDir() {
        return dataDir.toAbsolutePath().normalize();
    }
}
