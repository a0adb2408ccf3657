package vn.edu.lms.search.query;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.CurrentLibraryCaller;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * Searching the library: {@code GET /api/v1/library/search?q=phan so&subjectCode=toan&grade=5}
 * (filters repeatable; {@code after} is the previous page's {@code next}); suggestions as the
 * user types: {@code GET /api/v1/library/search/suggestions?q=phan s}.
 */
@RestController
@RequestMapping("/api/v1/library/search")
class SearchController {

    private final LibrarySearch search;
    private final CurrentLibraryCaller caller;

    SearchController(LibrarySearch search, CurrentLibraryCaller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GetMapping
    Mono<SearchPage> search(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> subjectCode, @RequestParam(required = false) @Nullable List<String> grade,
            @RequestParam(required = false) @Nullable List<String> kind, @RequestParam(required = false) @Nullable List<String> schoolId,
            @RequestParam(required = false) @Nullable List<String> licence, @RequestParam(required = false) @Nullable List<String> language,
            @RequestParam(defaultValue = "RELEVANCE") SearchQuery.Order sort,
            @RequestParam(defaultValue = "20") @Min(1) @Max(LibrarySearch.MAX_SIZE) int size,
            @RequestParam(required = false) @Nullable String after) {
        checkText(q);
        Map<SearchQuery.Facet, List<String>> filters = new EnumMap<>(SearchQuery.Facet.class);
        put(filters, SearchQuery.Facet.SUBJECT, subjectCode);
        put(filters, SearchQuery.Facet.GRADE, grade);
        put(filters, SearchQuery.Facet.KIND, kind);
        put(filters, SearchQuery.Facet.SCHOOL, schoolId);
        put(filters, SearchQuery.Facet.LICENCE, licence);
        put(filters, SearchQuery.Facet.LANGUAGE, language);
        SearchQuery query = new SearchQuery(q, filters, sort, size, after);
        return caller.current().flatMap(who -> search.search(who, query));
    }

    @GetMapping("/suggestions")
    Mono<List<SearchPage.Suggestion>> suggestions(@RequestParam String q, @RequestParam(defaultValue = "8") @Min(1) @Max(20) int size) {
        checkText(q);
        return caller.current().flatMap(who -> q.isBlank() ? Mono.just(List.<SearchPage.Suggestion>of()) : search.suggest(who, q, size));
    }

    private static void checkText(@Nullable String q) {
        if (q != null && q.length() > LibrarySearch.MAX_TEXT) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "search-text-too-long", LibrarySearch.MAX_TEXT);
        }
    }

    private static void put(Map<SearchQuery.Facet, List<String>> filters, SearchQuery.Facet facet, @Nullable List<String> values) {
        if (values != null && !values.isEmpty()) {
            if (values.size() > 20 || values.stream().anyMatch(value -> value.isBlank() || value.length() > 100)) {
                throw new LmsProblem(HttpStatus.BAD_REQUEST, "search-bad-filter", facet.field());
            }
            filters.put(facet, values);
        }
    }
}
