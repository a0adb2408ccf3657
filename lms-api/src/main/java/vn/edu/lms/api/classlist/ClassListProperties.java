package vn.edu.lms.api.classlist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Limits and pacing of class-list imports.
 *
 * @param maxFileSize   a larger upload is refused before it is read (a whole school's list is well under 1 MB)
 * @param maxRows       a list with more data rows is refused (a large THCS has ~2,000 students)
 * @param batchSize     rows written per round trip while applying
 * @param lease         how long an applying instance may go silent before its import counts as interrupted
 * @param recoveryEvery how often interrupted imports are looked for (and once at start-up)
 */
@ConfigurationProperties("lms.class-list")
@Validated
public record ClassListProperties(
    @DefaultValue("10MB") @NotNull DataSize maxFileSize,
    @DefaultValue("5000") @Min(1) @Max(100_000) int maxRows,
    @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
    @DefaultValue("30s") @NotNull Duration lease,
    @DefaultValue("15s") @NotNull Duration recoveryEvery) {
}
