package vn.edu.lms.search.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of results: the hits with highlighted snippets ({@code <mark>}, the rest HTML-escaped),
 * counts per facet value over everything the caller may see that matches, and the cursor of the
 * next page ({@code null} on the last). {@code total} is exact when {@code totalExact}; otherwise there
 * are at least that many ("more than 10,000"). The total and the facets come with the first page
 * only: a next page ({@code after}) has a {@code null} total and no facets.
 */
public record SearchPage(@Nullable Long total, boolean totalExact, List<Hit> hits, Map<SearchQuery.Facet, List<FacetCount>> facets, @Nullable String next) {

    public record Hit(String id, String title, @Nullable String description, String subjectCode, List<Integer> grades, String kind,
            @Nullable String schoolId, String licence, String language, String state, @Nullable Instant updatedAt,
            long downloads, Map<String, List<String>> highlights) {
    }

    public record FacetCount(String value, long count) {
    }

    /** A suggestion as the caller types: an item's title, with the typed part marked. */
    public record Suggestion(String id, String title, String marked) {
    }
}
