package vn.edu.lms.search.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.search.index.LibraryIndex;
import vn.edu.lms.search.index.SearchDocument;
import vn.edu.lms.search.text.VietnameseText;

/**
 * Library search over the index: the words typed are matched as given (NFC) and folded, so that
 * "toan lop 5" finds "Toán lớp 5" while an exact match, which scores on both, ranks above a folded
 * one. The caller's visibility is a filter inside the query, never a step after it: hits, totals
 * and facet counts only ever count what the caller may see.
 */
@Service
public class LibrarySearch {

    static final int MAX_SIZE = 50;
    static final int MAX_TEXT = 200;
    /** Characters of a text the highlighter reads (texts may hold up to 300,000). */
    static final int HIGHLIGHTED_CHARS = 100_000;
    private static final int MAX_HIGHLIGHTED_WORDS = 32;
    private static final int SPELLINGS_PER_WORD = 256;
    /** Totals are counted exactly up to this; beyond, the page says "more than" (counting every match costs every query). */
    static final int EXACT_TOTAL_UP_TO = 10_000;
    private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");
    /** One or two words: both; three to five: all but one (one unknown or misspelt word still finds); more: three quarters. */
    private static final String ENOUGH_WORDS = "2<-1 5<75%";
    /** The body text is matched folded only: indexing it twice would cost a third of the indexing time. */
    private static final List<String> FIELDS = List.of("title^6", "tags^4", "labels^3", "description^2");
    private static final List<String> FOLDED_FIELDS = List.of("titleFolded^6", "tagsFolded^4", "labelsFolded^3", "descriptionFolded^2",
        "textFolded");
    private static final List<String> LARGE_FIELDS = List.of("text", "textFolded", "titleFolded", "descriptionFolded", "tagsFolded",
        "labels", "labelsFolded");

    private final ElasticsearchAsyncClient client;
    private final JsonMapper json;

    LibrarySearch(ElasticsearchAsyncClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    public Mono<SearchPage> search(LibraryCaller caller, SearchQuery query) {
        return search(caller, query, LibraryIndex.ALIAS);
    }

    /** The same search over another index (the relevance set and the benchmark search their own). */
    public Mono<SearchPage> search(LibraryCaller caller, SearchQuery query, String index) {
        SearchRequest request = request(caller, query, index);
        return Mono.fromFuture(() -> client.search(request, SearchDocument.class)).map(response -> page(response, query));
    }

    /**
     * The request {@link #search} sends. A first page counts the total (up to 10,000) and the facets,
     * which means reading every match; a next page ({@code after}) does neither, as the caller has
     * them from the first, and only ranks what comes after the cursor.
     */
    public SearchRequest request(LibraryCaller caller, SearchQuery query, String index) {
        List<FieldValue> after = query.after() == null ? List.of() : decodeCursor(query.after());
        Query visible = VisibilityFilter.of(caller);
        boolean browsing = query.text() == null || query.text().isBlank();
        Query matching = browsing ? QueryBuilders.matchAll(m -> m) : text(query.text());
        Map<SearchQuery.Facet, Query> chosen = chosenFilters(query);
        SearchRequest.Builder request = new SearchRequest.Builder().index(index)
            .query(q -> q.bool(b -> b.must(matching).filter(visible)))
            .postFilter(f -> f.bool(b -> b.filter(List.copyOf(chosen.values()))))
            .size(query.size())
            .source(s -> s.filter(f -> f.excludes(LARGE_FIELDS)))
            .sort(sort(query.sort()));
        if (!browsing) {
            request.highlight(highlight(query.text()));
        }
        if (!after.isEmpty()) {
            return request.searchAfter(after).trackTotalHits(t -> t.enabled(false)).build();
        }
        request.trackTotalHits(t -> t.count(EXACT_TOTAL_UP_TO));
        for (SearchQuery.Facet facet : SearchQuery.Facet.values()) {
            Aggregation values = Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(100)));
            List<Query> others = chosen.entrySet().stream().filter(entry -> entry.getKey() != facet).map(Map.Entry::getValue).toList();
            // Each facet counts under the other facets' choices; with none chosen, it counts every match.
            request.aggregations(facet.name(), others.isEmpty() ? values
                : Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(others))).aggregations("values", values)));
        }
        return request.build();
    }

    /** Titles that start with what the caller is typing, diacritics or not, among what they may see. */
    public Mono<List<SearchPage.Suggestion>> suggest(LibraryCaller caller, String typed, int size) {
        String given = VietnameseText.normalize(typed.strip());
        String folded = VietnameseText.fold(given);
        Query prefixes = QueryBuilders.bool(b -> b.must(m -> m.matchBoolPrefix(p -> p.field("titleFolded").query(folded)))
            .should(sh -> sh.matchBoolPrefix(p -> p.field("title").query(given))));
        SearchRequest request = SearchRequest.of(s -> s.index(LibraryIndex.ALIAS).size(size)
            .query(q -> q.bool(b -> b.must(prefixes).filter(VisibilityFilter.of(caller))))
            .source(src -> src.filter(f -> f.includes("id", "title")))
            .highlight(h -> markedTitle(h, spellingsIn(List.of("title"), typed, true))));
        return Mono.fromFuture(() -> client.search(request, SearchDocument.class)).map(response -> response.hits().hits().stream()
            .filter(hit -> hit.source() != null)
            .map(hit -> new SearchPage.Suggestion(hit.id(), hit.source().title(),
                hit.highlight().getOrDefault("title", List.of(HtmlUtils.htmlEscape(hit.source().title()))).get(0)))
            .toList());
    }

    /** The words as given and folded; quoted parts as phrases; a phrase-like order of the words ranks higher. */
    static Query text(String typed) {
        String given = VietnameseText.normalize(typed.strip());
        List<String> phrases = new ArrayList<>();
        Matcher matcher = PHRASE.matcher(given);
        while (matcher.find()) {
            phrases.add(matcher.group(1).strip());
        }
        String words = PHRASE.matcher(given).replaceAll(" ").replace('"', ' ').strip();
        return QueryBuilders.bool(b -> {
            if (!words.isEmpty()) {
                String folded = VietnameseText.fold(words);
                b.must(m -> m.bool(either -> either
                    .should(s -> s.multiMatch(mm -> mm.query(words).type(TextQueryType.CrossFields).minimumShouldMatch(ENOUGH_WORDS).boost(2f)
                        .fields(FIELDS)))
                    .should(s -> s.multiMatch(mm -> mm.query(folded).type(TextQueryType.CrossFields).minimumShouldMatch(ENOUGH_WORDS)
                        .fields(FOLDED_FIELDS)))
                    .minimumShouldMatch("1")));
                // Items whose title, tags, labels and description hold every word rank above others
                // (one or two words: all must match anyway). Not the text: its long postings make
                // this clause cost as much as the rest of the query.
                if (words.split("[^\\p{L}\\p{N}]+").length > 2) {
                    b.should(s -> s.multiMatch(mm -> mm.query(folded).type(TextQueryType.CrossFields).operator(Operator.And).boost(2f)
                        .fields(FOLDED_FIELDS.subList(0, 4))));
                }
                b.should(s -> s.matchPhrase(p -> p.field("titleFolded").query(folded).slop(2).boost(4f)));
            }
            for (String phrase : phrases) {
                String folded = VietnameseText.fold(phrase);
                b.must(m -> m.bool(either -> either.minimumShouldMatch("1")
                    .should(s -> s.multiMatch(mm -> mm.query(phrase).type(TextQueryType.Phrase).boost(2f)
                        .fields("title^6", "tags^4", "description^2")))
                    .should(s -> s.multiMatch(mm -> mm.query(folded).type(TextQueryType.Phrase)
                        .fields("titleFolded^6", "tagsFolded^4", "descriptionFolded^2", "textFolded")))));
            }
            return b;
        });
    }

    private static Map<SearchQuery.Facet, Query> chosenFilters(SearchQuery query) {
        Map<SearchQuery.Facet, Query> chosen = new EnumMap<>(SearchQuery.Facet.class);
        query.filters().forEach((facet, values) -> {
            if (!values.isEmpty()) {
                chosen.put(facet, VisibilityFilter.terms(facet.field(), values));
            }
        });
        return chosen;
    }

    private static List<SortOptions> sort(SearchQuery.Order order) {
        SortOptions tieBreaker = SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
        return switch (order) {
            case RELEVANCE -> List.of(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))), tieBreaker);
            case DATE -> List.of(SortOptions.of(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc))), tieBreaker);
            case POPULARITY -> List.of(SortOptions.of(s -> s.field(f -> f.field("popularity").order(SortOrder.Desc))),
                SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))), tieBreaker);
        };
    }

    /**
     * Snippets of the title, description and text with every word marked, whether it matched as
     * typed or folded. The original fields are analyzed again as written (the standard analyzer, a
     * few kilobytes per hit), so what they must mark is every spelling that folds to a word typed:
     * the folded twins' offsets are not kept in the index, as writing them costs a third of the
     * indexing time. Only the first {@value #HIGHLIGHTED_CHARS} characters of a text are read.
     */
    private static Highlight highlight(String typed) {
        // The text is not indexed as written, so its spellings are asked of its folded twin, and
        // the highlighter is told to mark them whatever field they were asked of.
        return Highlight.of(h -> markedTitle(h, spellingsIn(List.of("title"), typed, false)).maxAnalyzedOffset(HIGHLIGHTED_CHARS)
            .fields("description", f -> f.type(HighlighterType.Unified).highlightQuery(spellingsIn(List.of("description"), typed, false))
                .fragmentSize(200).numberOfFragments(1))
            .fields("text", f -> f.type(HighlighterType.Unified).highlightQuery(spellingsIn(List.of("textFolded"), typed, false))
                .requireFieldMatch(false).fragmentSize(160).numberOfFragments(2)));
    }

    /**
     * Any spelling of the words typed in any of {@code fields}; with {@code lastIsPrefix}, the last
     * word is the start of one (as typed in the search box). Quotes do not matter here.
     */
    static Query spellingsIn(List<String> fields, String typed, boolean lastIsPrefix) {
        List<String> words = List.of(VietnameseText.normalize(typed).strip().split("[^\\p{L}\\p{N}]+")).stream()
            .filter(word -> !word.isEmpty()).limit(MAX_HIGHLIGHTED_WORDS).toList();
        List<FieldValue> whole = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Set<String> spellings = VietnameseText.spellings(words.get(i), SPELLINGS_PER_WORD);
            if (lastIsPrefix && i == words.size() - 1) {
                starts.addAll(spellings);
            } else {
                spellings.forEach(spelling -> whole.add(FieldValue.of(spelling)));
            }
        }
        return QueryBuilders.bool(b -> {
            for (String field : fields) {
                if (!whole.isEmpty()) {
                    b.should(s -> s.terms(t -> t.field(field).terms(v -> v.value(whole))));
                }
                starts.forEach(start -> b.should(s -> s.prefix(p -> p.field(field).value(start))));
            }
            return b;
        });
    }

    /** The whole title with the words of {@code words} marked, in HTML-escaped text. */
    private static Highlight.Builder markedTitle(Highlight.Builder highlight, Query words) {
        return highlight.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>")
            .fields("title", f -> f.type(HighlighterType.Unified).numberOfFragments(0).highlightQuery(words));
    }

    private SearchPage page(SearchResponse<SearchDocument> response, SearchQuery query) {
        List<SearchPage.Hit> hits = response.hits().hits().stream().filter(hit -> hit.source() != null).map(hit -> {
            SearchDocument doc = hit.source();
            return new SearchPage.Hit(doc.id(), doc.title(), doc.description(), doc.subjectCode(), doc.grades(), doc.kind(), doc.schoolId(),
                doc.licence(), doc.language(), doc.state(), doc.updatedAt(), doc.popularity(), Map.copyOf(hit.highlight()));
        }).toList();
        Map<SearchQuery.Facet, List<SearchPage.FacetCount>> facets = new EnumMap<>(SearchQuery.Facet.class);
        for (SearchQuery.Facet facet : response.aggregations().isEmpty() ? List.<SearchQuery.Facet>of() : List.of(SearchQuery.Facet.values())) {
            Aggregate counted = response.aggregations().get(facet.name());
            Aggregate values = counted.isFilter() ? counted.filter().aggregations().get("values") : counted;
            facets.put(facet, values.isLterms()
                ? values.lterms().buckets().array().stream().map(b -> new SearchPage.FacetCount(String.valueOf(b.key()), b.docCount())).toList()
                : values.sterms().buckets().array().stream().map(b -> new SearchPage.FacetCount(b.key().stringValue(), b.docCount())).toList());
        }
        var last = response.hits().hits().isEmpty() ? null : response.hits().hits().get(response.hits().hits().size() - 1);
        String next = last == null || response.hits().hits().size() < query.size() ? null : encodeCursor(last.sort());
        if (response.hits().total() == null) {
            return new SearchPage(null, false, hits, facets, next);
        }
        boolean exact = response.hits().total().relation() == TotalHitsRelation.Eq;
        return new SearchPage(response.hits().total().value(), exact, hits, facets, next);
    }

    private String encodeCursor(List<FieldValue> values) {
        List<Object> plain = values.stream().map(FieldValue::_get).toList();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8));
    }

    private List<FieldValue> decodeCursor(String cursor) {
        try {
            List<?> plain = json.readValue(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8), List.class);
            if (plain.isEmpty() || plain.size() > 3) {
                throw new IllegalArgumentException("cursor of " + plain.size() + " values");
            }
            return plain.stream().map(LibrarySearch::cursorValue).toList();
        } catch (RuntimeException e) {
            throw new LmsProblem(HttpStatus.BAD_REQUEST, "search-bad-cursor");
        }
    }

    private static FieldValue cursorValue(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return FieldValue.of(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return FieldValue.of(number.doubleValue());
        }
        if (value instanceof String text) {
            return FieldValue.of(text);
        }
        throw new IllegalArgumentException("cursor value " + value);
    }
}
