package vn.edu.lms.content.library.serving;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How files leave the library ({@code lms.library.serving.*}).
 *
 * @param presignedDownloads  answer a download with a redirect to a presigned object-storage URL
 *                            (production, when browsers can reach the store) instead of streaming it
 * @param presignedValidity   how long such a URL works
 */
@ConfigurationProperties("lms.library.serving")
public record ServingProperties(@DefaultValue("false") boolean presignedDownloads, @DefaultValue("5m") Duration presignedValidity) {
}
