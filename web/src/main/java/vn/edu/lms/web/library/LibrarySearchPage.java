package vn.edu.lms.web.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.content.library.CurrentLibraryCaller;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.LibraryItems;
import vn.edu.lms.content.platform.LmsProblem;
import vn.edu.lms.search.query.LibrarySearch;
import vn.edu.lms.search.query.SearchPage;
import vn.edu.lms.search.query.SearchQuery;

/**
 * The library's search page: a plain GET form (query, facet choices, order) answered with results
 * rendered here through the search's Java API, so that it works without scripts; the page's script
 * adds suggestions as one types and applies a facet as soon as it is ticked. Words may be typed
 * without diacritics: the search folds them.
 */
@Controller
class LibrarySearchPage {

    private static final Logger log = LoggerFactory.getLogger(LibrarySearchPage.class);
    private static final int PAGE_SIZE = 20;
    private static final int MAX_TEXT = 200;
    private static final int RECENT = 5;

    /** The facets in the order the page shows them, each with the request parameter the search API also uses. */
    enum Filter {
        SUBJECT(SearchQuery.Facet.SUBJECT, "subjectCode"), GRADE(SearchQuery.Facet.GRADE, "grade"), KIND(SearchQuery.Facet.KIND, "kind"),
        SCHOOL(SearchQuery.Facet.SCHOOL, "schoolId"), LICENCE(SearchQuery.Facet.LICENCE, "licence"),
        LANGUAGE(SearchQuery.Facet.LANGUAGE, "language");

        final SearchQuery.Facet facet;
        final String param;

        Filter(SearchQuery.Facet facet, String param) {
            this.facet = facet;
            this.param = param;
        }

        public String param() {
            return param;
        }
    }

    /** One value of a facet: how many matches have it (under the other facets' choices), and whether it is chosen. */
    record Option(String value, long count, boolean chosen) {
    }

    record FacetView(Filter filter, List<Option> options) {
    }

    private final LibrarySearch search;
    private final CurrentLibraryCaller callers;
    private final LibraryItems items;
    private final LibraryNames names;
    private final MessageSource messages;

    LibrarySearchPage(LibrarySearch search, CurrentLibraryCaller callers, LibraryItems items, LibraryNames names, MessageSource messages) {
        this.search = search;
        this.callers = callers;
        this.items = items;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/library")
    Mono<String> search(@RequestParam MultiValueMap<String, String> params, Locale locale, Model model) {
        String asked = params.getFirst("q");
        String text = asked == null ? "" : asked.strip();
        String after = blankToNull(params.getFirst("after"));
        Map<Filter, List<String>> chosen = new EnumMap<>(Filter.class);
        for (Filter filter : Filter.values()) {
            List<String> values = params.getOrDefault(filter.param, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty())
                .distinct().toList();
            if (!values.isEmpty()) {
                chosen.put(filter, values);
            }
        }
        SearchQuery.Order sort = order(params.getFirst("sort"));
        model.addAttribute("q", text);
        model.addAttribute("sort", sort);
        model.addAttribute("orders", SearchQuery.Order.values());
        model.addAttribute("chosen", chosen);
        model.addAttribute("after", after);
        model.addAttribute("firstUrl", url(text, chosen, sort, null));
        model.addAttribute("clearUrl", url(text, Map.of(), sort, null));
        return callers.current().flatMap(caller -> {
            Mono<List<LibraryItem>> recent = text.isEmpty() && chosen.isEmpty() && after == null && caller.mayContribute()
                ? items.browse(caller, new LibraryItems.Browse(true, null, null, null, null, 0, RECENT)).collectList()
                : Mono.just(List.of());
            return Mono.zip(results(caller, text, chosen, sort, after, locale, model), recent).map(found -> {
                model.addAttribute("recent", found.getT2());
                model.addAttribute("mayContribute", caller.mayContribute());
                return "library/search";
            });
        });
    }

    /** Runs the search and puts its page into the model; a refused or failed search becomes a notice on the page. */
    private Mono<Boolean> results(LibraryCaller caller, String text, Map<Filter, List<String>> chosen, SearchQuery.Order sort,
            @Nullable String after, Locale locale, Model model) {
        Mono<SearchPage> found;
        if (text.length() > MAX_TEXT) {
            found = Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "search-text-too-long", MAX_TEXT));
        } else if (chosen.values().stream().anyMatch(values -> values.size() > 20 || values.stream().anyMatch(v -> v.length() > 100))) {
            found = Mono.error(new LmsProblem(HttpStatus.BAD_REQUEST, "search-bad-filter", ""));
        } else {
            Map<SearchQuery.Facet, List<String>> filters = new EnumMap<>(SearchQuery.Facet.class);
            chosen.forEach((filter, values) -> filters.put(filter.facet, values));
            // Browsing without words, every item is as relevant as the next: the newest come first.
            SearchQuery.Order order = text.isEmpty() && sort == SearchQuery.Order.RELEVANCE ? SearchQuery.Order.DATE : sort;
            found = search.search(caller, new SearchQuery(text.isEmpty() ? null : text, filters, order, PAGE_SIZE, after));
        }
        return found.flatMap(page -> {
            List<FacetView> facets = facets(page, chosen);
            Set<String> schoolIds = new LinkedHashSet<>();
            facets.stream().filter(facet -> facet.filter() == Filter.SCHOOL).forEach(facet -> facet.options().forEach(o -> schoolIds.add(o.value())));
            page.hits().forEach(hit -> {
                if (hit.schoolId() != null) {
                    schoolIds.add(hit.schoolId());
                }
            });
            return names.schools(schoolIds).map(schools -> {
                model.addAttribute("page", page);
                model.addAttribute("facets", facets);
                model.addAttribute("schools", schools);
                model.addAttribute("nextUrl", page.next() == null ? null : url(text, chosen, sort, page.next()));
                return true;
            });
        }).onErrorResume(LmsProblem.class, problem -> {
            ProblemDetail body = problem.updateAndGetBody(messages, locale);
            model.addAttribute("problem", body.getTitle() + (body.getDetail() == null ? "" : ": " + body.getDetail()));
            return Mono.just(false);
        }).onErrorResume(failure -> {
            log.warn("Library search failed: {}", failure.toString());
            model.addAttribute("unavailable", true);
            return Mono.just(false);
        });
    }

    /**
     * The facets as the page lists them. A first page has the counts; a value chosen but no longer
     * counted stays listed (with 0) so that it can be unticked; a next page, which has no counts,
     * shows the choices only.
     */
    private static List<FacetView> facets(SearchPage page, Map<Filter, List<String>> chosen) {
        List<FacetView> views = new ArrayList<>();
        for (Filter filter : Filter.values()) {
            List<String> picked = chosen.getOrDefault(filter, List.of());
            List<Option> options = new ArrayList<>();
            for (SearchPage.FacetCount count : page.facets().getOrDefault(filter.facet, List.of())) {
                options.add(new Option(count.value(), count.count(), picked.contains(count.value())));
            }
            for (String value : picked) {
                if (options.stream().noneMatch(option -> option.value().equals(value))) {
                    options.add(new Option(value, 0, true));
                }
            }
            if (filter == Filter.GRADE) {
                options.sort(Comparator.comparingInt(option -> gradeOrder(option.value())));
            }
            if (!options.isEmpty()) {
                views.add(new FacetView(filter, options));
            }
        }
        return views;
    }

    private static int gradeOrder(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The order asked for, relevance by default. */
    private static SearchQuery.Order order(@Nullable String asked) {
        for (SearchQuery.Order order : SearchQuery.Order.values()) {
            if (order.name().equals(asked)) {
                return order;
            }
        }
        return SearchQuery.Order.RELEVANCE;
    }

    /** This page's address with the same words, choices and order, at the page after {@code after}. */
    static String url(String text, Map<Filter, List<String>> chosen, SearchQuery.Order sort, @Nullable String after) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/library");
        if (!text.isEmpty()) {
            url.queryParam("q", text);
        }
        chosen.forEach((filter, values) -> url.queryParam(filter.param, values.toArray()));
        url.queryParam("sort", sort.name());
        if (after != null) {
            url.queryParam("after", after);
        }
        return url.build().encode().toUriString();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Component
    static class Rules implements EndpointRules {
        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/library").authenticated();
        }
    }
}
