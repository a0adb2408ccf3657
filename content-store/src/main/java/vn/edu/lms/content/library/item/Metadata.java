package vn.edu.lms.content.library.item;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a contributor says about an item: the Dublin Core elements a person writes (title, creator,
 * subject keywords, description, publisher, date, language, rights) plus the school facets (môn học,
 * khối lớp, bộ sách, loại học liệu), tags and licence. Dublin Core's type, format and identifier are
 * derived (from the kind, the file and the id), never typed in.
 */
public record Metadata(
    @NotBlank @Size(max = 300) String title,
    @Size(max = 200) @Nullable String creator,
    @Size(max = 500) @Nullable String subject,
    @Size(max = 5000) @Nullable String description,
    @Size(max = 200) @Nullable String publisher,
    @Nullable LocalDate date,
    @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?") @Nullable String language,
    @Size(max = 500) @Nullable String rights,
    @NotBlank @Pattern(regexp = "[a-z0-9-]{2,40}") String subjectCode,
    @NotNull @Size(min = 1, max = 9) List<@Min(1) @Max(12) Integer> grades,
    @Size(max = 100) @Nullable String bookSeries,
    @NotNull ResourceKind kind,
    @Size(max = 20) @Nullable List<@NotBlank @Size(max = 50) String> tags,
    @NotNull Licence licence) {

    public Metadata {
        grades = grades == null ? List.of() : grades.stream().distinct().sorted().toList();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
        language = language == null ? "vi" : language;
    }
}
