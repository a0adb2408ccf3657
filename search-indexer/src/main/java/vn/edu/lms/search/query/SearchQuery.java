package vn.edu.lms.search.query;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a caller asks the library search.
 *
 * @param text     words typed, with or without diacritics; "quoted" parts must appear as a phrase
 * @param filters  chosen facet values, by facet; values of one facet are alternatives (OR)
 * @param sort     relevance (default), newest first, or most downloaded first
 * @param size     hits per page
 * @param after    the cursor of the previous page's last hit (search_after), for the next page
 */
public record SearchQuery(@Nullable String text, Map<Facet, List<String>> filters, Order sort, int size, @Nullable String after) {

    public SearchQuery {
        filters = Map.copyOf(filters);
    }

    public enum Order {
        RELEVANCE, DATE, POPULARITY
    }

    /** The facets counted and filtered on, with the index field behind each. */
    public enum Facet {
        SUBJECT("subjectCode"), GRADE("grades"), KIND("kind"), SCHOOL("schoolId"), LICENCE("licence"), LANGUAGE("language");

        private final String field;

        Facet(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
