package vn.edu.lms.content.storage;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where objects are stored. Without an endpoint the embedded object storage starts and keeps its
 * own keys; with one, both keys are required.
 *
 * @param endpoint   S3 endpoint, e.g. {@code http://minio:9000}
 * @param accessKey  access key of the application's account
 * @param secretKey  secret key of the application's account
 * @param region     region the bucket lives in
 * @param bucket     the bucket holding every object of the library
 */
@ConfigurationProperties("lms.storage")
@Validated
public record StorageProperties(
    @Nullable URI endpoint,
    @Nullable String accessKey,
    @Nullable String secretKey,
    @DefaultValue("us-east-1") @NotBlank String region,
    @DefaultValue("lms-content") @Pattern(regexp = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
        message = "must be a valid S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)") String bucket) {

    @AssertTrue(message = "lms.storage.access-key and lms.storage.secret-key are required when lms.storage.endpoint is set")
    boolean isKeyedWhenExternal() {
        return !external() || (hasText(accessKey) && hasText(secretKey));
    }

    @AssertTrue(message = "lms.storage.endpoint must be an http or https URL")
    boolean isHttpEndpoint() {
        return !external() || "http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme());
    }

    /** Whether an external endpoint is configured (a blank one counts as none). */
    public boolean external() {
        return endpoint != null && !endpoint.toString().isBlank();
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
