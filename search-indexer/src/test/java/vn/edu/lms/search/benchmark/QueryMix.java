package vn.edu.lms.search.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.item.ResourceKind;
import vn.edu.lms.search.query.SearchQuery;
import vn.edu.lms.search.text.VietnameseText;

/**
 * The searches people make, as a deterministic stream: the 75 real queries of the relevance set and
 * queries made from the library's own topics, typed with diacritics (plain) or without (folded),
 * narrowed by subject and grade (filtered), browsed by facets with little or no text (faceted),
 * paged through ten pages deep, and typed letter by letter (suggestions); asked by teachers and
 * students of several schools and by the district admin.
 */
final class QueryMix {

    enum Kind {
        PLAIN("plain"), FOLDED("folded"), FILTERED("filtered"), FACETED("faceted"), DEEP_PAGE("deep page"), SUGGEST("suggestions");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Pages a deep-page search follows (each page is one timed request). */
    static final int DEEP_PAGES = 10;
    static final int PAGE_SIZE = 20;
    static final int SUGGESTIONS = 8;
    /**
     * Shares of the requests made: plain 25 %, folded 25 %, filtered 15 %, faceted 10 %, deep pages
     * 10 % (a deep-page search makes {@value #DEEP_PAGES} requests), suggestions 15 %.
     */
    private static final Map<Kind, Double> WEIGHTS = new EnumMap<>(Map.of(Kind.PLAIN, 0.25, Kind.FOLDED, 0.25, Kind.FILTERED, 0.15,
        Kind.FACETED, 0.10, Kind.DEEP_PAGE, 0.10 / DEEP_PAGES, Kind.SUGGEST, 0.15));
    private static final double TOTAL_WEIGHT = WEIGHTS.values().stream().mapToDouble(Double::doubleValue).sum();

    /**
     * One search: {@code query} for searches (the first page, for a deep page), {@code typed} for
     * suggestions.
     */
    record Spec(Kind kind, String caller, LibraryCaller who, SearchQuery query, String typed) {
    }

    private final LibraryGenerator library;
    private final List<String> realWithDiacritics = new ArrayList<>();
    private final List<String> realFolded = new ArrayList<>();
    private final List<String> broad = new ArrayList<>();
    private final List<Caller> callers = new ArrayList<>();

    private record Caller(String label, LibraryCaller who, double weight) {
    }

    QueryMix(LibraryGenerator library) {
        this.library = library;
        try (InputStream in = QueryMix.class.getClassLoader().getResourceAsStream("relevance/queries.json")) {
            for (JsonNode query : new ObjectMapper().readTree(in)) {
                String text = query.get("query").asText();
                (VietnameseText.fold(text).equals(text) ? realFolded : realWithDiacritics).add(text);
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("relevance/queries.json is not on the class path", e);
        }
        // Queries with many hits: subject names, kinds, common lesson words.
        for (LibraryGenerator.Subject subject : library.subjects().values()) {
            broad.add(subject.name().toLowerCase(Locale.ROOT));
        }
        broad.addAll(List.of("phân số", "bài giảng", "giáo án", "luyện tập", "ôn tập", "đề kiểm tra", "tiếng việt", "số", "bài tập",
            "học sinh", "toán lớp 5", "video bài giảng", "hình học", "đọc hiểu"));

        // Four schools of each level: teachers (with their classes), students (one class), and the district admin.
        List<LibraryGenerator.School> schools = library.schools();
        for (int i = 0; i < 8; i++) {
            LibraryGenerator.School school = schools.get(i * 3 % schools.size());
            List<String> classes = new ArrayList<>();
            school.classes().values().forEach(ofGrade -> classes.add(ofGrade.get(0)));
            Set<String> taught = new LinkedHashSet<>(classes.subList(0, Math.min(3, classes.size())));
            callers.add(new Caller("teacher", new LibraryCaller(school.teachers().get(0), Set.of(school.id()), taught, Set.of(school.id()),
                Set.of(), false, Set.of()), 0.5 / 8));
            callers.add(new Caller("student", new LibraryCaller("hs-" + school.id() + "-1", Set.of(school.id()), Set.of(classes.get(i % classes.size())),
                Set.of(), Set.of(), false, Set.of()), 0.3 / 8));
        }
        callers.add(new Caller("district admin", new LibraryCaller("admin-phong-gd", Set.of(), Set.of(), Set.of(), Set.of(), true, Set.of()),
            0.2));
    }

    /** The {@code n}-th search of the stream started by {@code seed}. */
    Spec spec(long seed, long n) {
        SplittableRandom random = new SplittableRandom(seed * 0xBF58476D1CE4E5B9L + n);
        Caller caller = caller(random);
        double draw = random.nextDouble() * TOTAL_WEIGHT;
        Kind kind = Kind.SUGGEST;
        for (Kind candidate : Kind.values()) {
            draw -= WEIGHTS.get(candidate);
            if (draw < 0) {
                kind = candidate;
                break;
            }
        }
        return switch (kind) {
            case PLAIN -> search(kind, caller, plain(random), Map.of(), SearchQuery.Order.RELEVANCE);
            case FOLDED -> search(kind, caller, folded(random), Map.of(), SearchQuery.Order.RELEVANCE);
            case FILTERED -> filtered(caller, random);
            case FACETED -> faceted(caller, random);
            case DEEP_PAGE -> search(kind, caller, broad.get(random.nextInt(broad.size())), Map.of(), SearchQuery.Order.RELEVANCE);
            case SUGGEST -> suggestion(caller, random);
        };
    }

    private Caller caller(SplittableRandom random) {
        double draw = random.nextDouble();
        for (Caller caller : callers) {
            draw -= caller.weight();
            if (draw < 0) {
                return caller;
            }
        }
        return callers.get(callers.size() - 1);
    }

    /** A query with diacritics: a real one, or a topic of the library as a teacher would type it. */
    private String plain(SplittableRandom random) {
        if (random.nextBoolean()) {
            return realWithDiacritics.get(random.nextInt(realWithDiacritics.size()));
        }
        return topicQuery(random);
    }

    private String folded(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return realFolded.get(random.nextInt(realFolded.size()));
        }
        return VietnameseText.fold(plain(random).replace("\"", "")).toLowerCase(Locale.ROOT);
    }

    /** Some words of a template's topic, sometimes with the subject and grade ("toán 4 phép cộng phân số"). */
    private String topicQuery(SplittableRandom random) {
        LibraryGenerator.Template template = library.templates().get(random.nextInt(library.templates().size()));
        String topic = template.title().replaceAll("[–:(),.\"“”]", " ").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        String[] words = topic.split(" ");
        int from = words.length <= 3 ? 0 : random.nextInt(words.length - 2);
        int length = Math.min(words.length - from, 2 + random.nextInt(4));
        String query = String.join(" ", List.of(words).subList(from, from + length));
        if (random.nextInt(4) == 0) {
            LibraryGenerator.Subject subject = library.subjects().get(template.subjectCode());
            query = subject.name().toLowerCase(Locale.ROOT) + " " + template.grades().get(0) + " " + query;
        } else if (random.nextInt(6) == 0) {
            query = query + " " + library.word(random);
        }
        return query;
    }

    private Spec filtered(Caller caller, SplittableRandom random) {
        LibraryGenerator.Template template = library.templates().get(random.nextInt(library.templates().size()));
        Map<SearchQuery.Facet, List<String>> filters = new EnumMap<>(SearchQuery.Facet.class);
        filters.put(SearchQuery.Facet.SUBJECT, List.of(template.subjectCode()));
        filters.put(SearchQuery.Facet.GRADE, List.of(String.valueOf(template.grades().get(0))));
        if (random.nextInt(3) == 0) {
            filters.put(SearchQuery.Facet.KIND, List.of(template.kind().name()));
        }
        String text = random.nextBoolean() ? topicQuery(random) : VietnameseText.fold(topicQuery(random));
        return search(Kind.FILTERED, caller, text, filters, SearchQuery.Order.RELEVANCE);
    }

    /** Browsing: no text or one broad word, two or three facets with one to three values each, often newest first. */
    private Spec faceted(Caller caller, SplittableRandom random) {
        List<LibraryGenerator.Subject> subjects = List.copyOf(library.subjects().values());
        Map<SearchQuery.Facet, List<String>> filters = new EnumMap<>(SearchQuery.Facet.class);
        // A subject and one of its grades (sometimes the next grade and another subject of that grade too), as one browses.
        LibraryGenerator.Subject subject = subjects.get(random.nextInt(subjects.size()));
        int grade = subject.grades().get(random.nextInt(subject.grades().size()));
        List<String> chosenSubjects = new ArrayList<>(List.of(subject.code()));
        if (random.nextBoolean()) {
            LibraryGenerator.Subject other = subjects.get(random.nextInt(subjects.size()));
            if (other.grades().contains(grade)) {
                chosenSubjects.add(other.code());
            }
        }
        filters.put(SearchQuery.Facet.SUBJECT, List.copyOf(new LinkedHashSet<>(chosenSubjects)));
        List<String> grades = new ArrayList<>(List.of(String.valueOf(grade)));
        if (random.nextBoolean() && subject.grades().contains(grade + 1)) {
            grades.add(String.valueOf(grade + 1));
        }
        filters.put(SearchQuery.Facet.GRADE, grades);
        if (random.nextBoolean()) {
            ResourceKind[] kinds = ResourceKind.values();
            filters.put(SearchQuery.Facet.KIND, List.copyOf(new LinkedHashSet<>(List.of(kinds[random.nextInt(kinds.length)].name(),
                kinds[random.nextInt(kinds.length)].name(), kinds[random.nextInt(kinds.length)].name()))));
        }
        if (random.nextInt(4) == 0) {
            filters.put(SearchQuery.Facet.LICENCE, List.of("CC_BY_4_0", "CC_BY_SA_4_0", "CC0_1_0"));
        }
        String text = random.nextBoolean() ? null : broad.get(random.nextInt(broad.size()));
        return search(Kind.FACETED, caller, text, filters, random.nextBoolean() ? SearchQuery.Order.DATE : SearchQuery.Order.RELEVANCE);
    }

    /** The first letters of a title being typed, with or without diacritics. */
    private Spec suggestion(Caller caller, SplittableRandom random) {
        LibraryGenerator.Template template = library.templates().get(random.nextInt(library.templates().size()));
        String title = template.title();
        int length = Math.min(title.length(), 3 + random.nextInt(Math.max(1, Math.min(25, title.length()) - 2)));
        String typed = title.substring(0, length).toLowerCase(Locale.ROOT);
        if (random.nextBoolean()) {
            typed = VietnameseText.fold(typed);
        }
        return new Spec(Kind.SUGGEST, caller.label(), caller.who(), null, typed);
    }

    private static Spec search(Kind kind, Caller caller, String text, Map<SearchQuery.Facet, List<String>> filters, SearchQuery.Order order) {
        return new Spec(kind, caller.label(), caller.who(), new SearchQuery(text, filters, order, PAGE_SIZE, null), null);
    }
}
