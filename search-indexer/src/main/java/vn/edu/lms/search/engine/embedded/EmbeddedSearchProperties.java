package vn.edu.lms.search.engine.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The Elasticsearch started as a child process when {@code lms.search.url} is not set.
 *
 * @param port            HTTP port on loopback
 * @param transportPort   node-to-node port on loopback (a single node still binds one)
 * @param heap            the child's JVM heap, e.g. {@code 512m}
 * @param runAsUser       the unprivileged account the child runs as when the application runs as root
 *                        (Elasticsearch refuses to run as root); created if missing
 * @param distribution    the distribution zip; by default the one Maven resolved for this build
 * @param startupTimeout  how long to wait for the cluster to answer before giving up
 */
@ConfigurationProperties("lms.embedded.elasticsearch")
@Validated
public record EmbeddedSearchProperties(
    @DefaultValue("9250") @Min(1) @Max(65535) int port,
    @DefaultValue("9350") @Min(1) @Max(65535) int transportPort,
    @DefaultValue("512m") @Pattern(regexp = "^[0-9]+[mg]$", message = "must be a size like 512m or 1g") String heap,
    @DefaultValue("lms-search") @NotBlank @Pattern(regexp = "^[a-z_][a-z0-9_-]{0,31}$") String runAsUser,
    @Nullable Path distribution,
    @DefaultValue("180s") @NotNull Duration startupTimeout) {
}
