package vn.edu.lms.content.library.upload;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of resumable uploads ({@code lms.library.upload.*}).
 *
 * @param maxSize          largest file accepted (tus {@code Tus-Max-Size})
 * @param privateMaxSize   largest private file (a student's submission) accepted
 * @param expiry           an unfinished upload untouched this long is removed with its parts
 * @param partSize         bytes gathered before a part goes to object storage (S3 minimum 5 MiB); a
 *                         running PATCH holds two such buffers (one filling while the other is written)
 * @param maxConcurrent    PATCH requests receiving at once in this instance (heap ≤ 2 × partSize × this)
 * @param lease            how long a PATCH holds its upload without progress before another may take it
 * @param housekeepingEvery how often expired uploads are removed and interrupted finishes completed
 * @param clamd            optional virus scanning
 */
@ConfigurationProperties("lms.library.upload")
public record UploadProperties(
    @DefaultValue("4GB") DataSize maxSize,
    @DefaultValue("100MB") DataSize privateMaxSize,
    @DefaultValue("24h") Duration expiry,
    @DefaultValue("8MB") DataSize partSize,
    @DefaultValue("8") int maxConcurrent,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("1m") Duration housekeepingEvery,
    @DefaultValue Clamd clamd) {

    /**
     * clamd's INSTREAM scan, on when {@code host} is set. Files above {@code maxSize} are not
     * scanned (clamd's own StreamMaxLength refuses them); keep both in step.
     */
    public record Clamd(@Nullable String host, @DefaultValue("3310") int port, @DefaultValue("60s") Duration timeout,
            @DefaultValue("100MB") DataSize maxSize) {

        public boolean enabled() {
            return host != null && !host.isBlank();
        }
    }
}
