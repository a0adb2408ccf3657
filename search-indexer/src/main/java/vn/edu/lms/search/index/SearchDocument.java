package vn.edu.lms.search.index;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A library item as the index holds it: each text as given (NFC) and folded (no diacritics, same
 * length, so highlights line up), the facets, and what visibility is decided from. A withdrawn item
 * stays as a tombstone ({@code deleted}) so that an older version of it can never come back.
 */
public record SearchDocument(
    String id,
    long sequence,
    boolean deleted,
    @Nullable String title,
    @Nullable String titleFolded,
    @Nullable String description,
    @Nullable String descriptionFolded,
    @Nullable String text,
    @Nullable String textFolded,
    List<String> tags,
    List<String> tagsFolded,
    @Nullable String labels,
    @Nullable String labelsFolded,
    @Nullable String creator,
    @Nullable String subjectCode,
    List<Integer> grades,
    @Nullable String kind,
    @Nullable String bookSeries,
    @Nullable String licence,
    @Nullable String language,
    @Nullable String schoolId,
    @Nullable String ownerId,
    @Nullable String scope,
    List<String> classIds,
    @Nullable String appraisal,
    @Nullable String state,
    @Nullable String mediaType,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    long popularity) {

    public static SearchDocument tombstone(String id, long sequence) {
        return new SearchDocument(id, sequence, true, null, null, null, null, null, null, List.of(), List.of(), null, null, null, null,
            List.of(), null, null, null, null, null, null, null, List.of(), null, null, null, null, null, 0);
    }
}
