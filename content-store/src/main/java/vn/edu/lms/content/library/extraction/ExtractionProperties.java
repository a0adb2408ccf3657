package vn.edu.lms.content.library.extraction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Limits of text extraction.
 *
 * @param timeout               the longest one file may take; the child parsing it is then killed and replaced
 * @param maxHeap               the heap of each child JVM: a file that needs more fails as out-of-memory
 * @param maxTextChars          text kept per file; the rest is dropped and the extraction marked truncated
 * @param maxEmbeddedDepth      how deep attachments inside attachments are followed (0: the file itself only);
 *                              deeper ones are skipped, not failed
 * @param maxEmbeddedResources  how many attachments of one file are parsed; the rest are skipped
 * @param workers               child JVMs, i.e. files extracted at once (each costs a core and about max-heap of memory)
 * @param thumbnailWidth        the width of thumbnails, in pixels
 */
@ConfigurationProperties("lms.extraction")
@Validated
public record ExtractionProperties(
    @DefaultValue("60s") @NotNull Duration timeout,
    @DefaultValue("256MB") @NotNull DataSize maxHeap,
    @DefaultValue("2000000") @Min(1) int maxTextChars,
    @DefaultValue("3") @Min(0) int maxEmbeddedDepth,
    @DefaultValue("100") @Min(0) int maxEmbeddedResources,
    @DefaultValue("1") @Min(1) @Max(64) int workers,
    @DefaultValue("320") @Min(16) @Max(2048) int thumbnailWidth) {

    /** The values used when nothing is configured. */
    public static ExtractionProperties defaults() {
        return new ExtractionProperties(Duration.ofSeconds(60), DataSize.ofMegabytes(256), 2_000_000, 3, 100, 1, 320);
    }

    @AssertTrue(message = "lms.extraction.timeout must be positive")
    boolean isTimeoutPositive() {
        return timeout.toMillis() > 0;
    }

    @AssertTrue(message = "lms.extraction.max-heap must be at least 64MB")
    boolean isHeapLargeEnough() {
        return maxHeap.toMegabytes() >= 64;
    }
}
