package vn.edu.lms.search.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.edu.lms.content.embedded.Ports;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.search.SearchTestApplication;
import vn.edu.lms.search.engine.embedded.EmbeddedElasticsearch;
import vn.edu.lms.search.engine.embedded.EmbeddedSearchProperties;
import vn.edu.lms.search.index.LibraryIndex;
import vn.edu.lms.search.index.SearchDocument;
import vn.edu.lms.search.index.SearchDocuments;
import vn.edu.lms.search.indexing.FeedIndexer;
import vn.edu.lms.search.query.LibrarySearch;
import vn.edu.lms.search.query.SearchPage;
import vn.edu.lms.search.query.SearchQuery;

/**
 * Library search at district scale on the embedded default: indexes a generated library of
 * realistic Vietnamese items ({@link LibraryGenerator}) the way the index follower does, then
 * times a mixed set of searches ({@link QueryMix}) the way the search endpoint runs them. Not a
 * test: a main class, run on a quiet machine. Goals (2 cores): indexing at least 2,000 documents
 * per second, search p95 at most 50 ms.
 *
 * <p>The application is started as the search-indexer's integration tests start it
 * ({@link SearchTestApplication}), but on its embedded default: database, object storage and
 * Elasticsearch (a child process, default heap) launched by the application into a fresh data
 * directory. The index follower is kept idle (the feed is empty anyway) and no jobs run.
 *
 * <p>Indexing: batches of {@value #BATCH} documents (the follower's batch) built with
 * {@link SearchDocuments#document} (normalisation and folding included) and written with
 * {@link FeedIndexer#write} (one bulk request at external versions), {@value #IN_FLIGHT} bulks in
 * flight as in the follower's rounds, into a new index from {@link LibraryIndex#create()} with its
 * refreshes paused, as a reindex builds it, that the alias then points at; timed from the first
 * document built to the end of the final refresh, after a warm-up
 * (the first items into a scratch index, deleted: a fresh node's code is not compiled yet, a
 * running one's is). Making up the synthetic items is not timed (the follower reads them from the
 * store).
 *
 * <p>Searches: {@link LibrarySearch#search} and {@link LibrarySearch#suggest} (what the HTTP
 * endpoints call) after background merges settled, each awaited before the next, after a warm-up;
 * then how the time splits inside Elasticsearch per kind (its search statistics, and its profile
 * API on first pages); then the same mix from several concurrent clients.
 *
 * <p>Then, for comparison, the first items again into scratch indexes (deleted after): as the
 * follower writes them (refreshed every second), with two and one bulk requests in flight, and with
 * {@code --mapping-experiments} with mapping variants (the text indexed as written too; offsets
 * in the postings; the folded twins out of {@code _source}; no text indexed) to show where
 * indexing time goes.
 *
 * <p>Arguments: {@code --items=100000 --index-warmup=5000 --queries=2000 --warmup=200 --clients=4 --breakdown=100 --profile=10
 * --scratch-items=20000 [--mapping-experiments] --seed=42 --data-dir=<empty or new directory, kept>}
 * (default: a temporary directory, deleted); 0 turns a part off.
 */
public final class SearchBenchmark {

    /** The follower's batch (FeedIndexer.BATCH). */
    static final int BATCH = 200;
    /** Bulk requests in flight, as in the follower's rounds. */
    static final int IN_FLIGHT = 2;
    /** Items generated (untimed) before they are indexed. */
    static final int CHUNK = 10_000;
    static final double GOAL_DOCS_PER_SECOND = 2_000;
    static final double GOAL_P95_MS = 50;
    private static final String MAPPING = "vn/edu/lms/search/index/library-index.json";

    record Options(int items, int indexWarmup, int queries, int warmup, int clients, int breakdown, int profile, int scratch, boolean experiments,
            long seed) {
    }

    /**
     * An indexing run in nanoseconds: generating (untimed), building the documents (inside the
     * timed part, overlapping the bulks), timed (building and writing), the final refresh, the
     * wall time; and the timed total after each batch.
     */
    private record IndexRun(long generating, long building, long timed, long refreshing, long wall, long[] timedAfterBatch,
            long bodyChars, String cpu) {

        double perSecond(int items) {
            return items / ((timed + refreshing) / 1e9);
        }

        /** Documents per second over the first {@code count} items (a whole number of batches), refresh excluded. */
        double perSecondFirst(int count) {
            return count / (timedAfterBatch[count / BATCH - 1] / 1e9);
        }
    }

    private final ConfigurableApplicationContext context;
    private final LibraryGenerator library;
    private final LibraryIndex libraryIndex;
    private final FeedIndexer indexer;
    private final SearchDocuments documents;
    private final LibrarySearch search;
    private final RestClient rest;
    private final ObjectMapper json = new ObjectMapper();
    private final CpuMeter cpu;
    private final StringBuilder summary = new StringBuilder();
    private final JsonpMapper jsonp;
    /** First pages of each kind to profile after the breakdown. */
    private int profiled;
    /** Every request of the measured sequential run, for a look at the slowest. */
    private volatile List<Sample> samples;

    private record Sample(long nanos, QueryMix.Spec spec, int page, long total) {
    }

    private SearchBenchmark(ConfigurableApplicationContext context, LibraryGenerator library, Path dataDir) {
        this.context = context;
        this.library = library;
        this.libraryIndex = context.getBean(LibraryIndex.class);
        this.indexer = context.getBean(FeedIndexer.class);
        this.documents = context.getBean(SearchDocuments.class);
        this.search = context.getBean(LibrarySearch.class);
        this.rest = context.getBean(RestClient.class);
        this.cpu = new CpuMeter(dataDir.resolve("elasticsearch/elasticsearch.pid"));
        this.jsonp = context.getBean(ElasticsearchAsyncClient.class)._jsonpMapper(); // the client under FeedIndexer and LibrarySearch
    }

    public static void main(String[] args) throws Exception {
        int items = intArg(args, "items", 100_000);
        Options options = new Options(items, Math.min(items, intArg(args, "index-warmup", 5_000)) / BATCH * BATCH, intArg(args, "queries", 2_000), intArg(args, "warmup", 200), intArg(args, "clients", 4),
            intArg(args, "breakdown", 100), intArg(args, "profile", 10), Math.min(items, intArg(args, "scratch-items", 20_000)) / BATCH * BATCH,
            List.of(args).contains("--mapping-experiments"), intArg(args, "seed", 42));
        String given = stringArg(args, "data-dir", null);

        long started = System.nanoTime();
        Path dataDir;
        boolean temporary = given == null;
        if (temporary) {
            // Traversable by others: as root, the embedded Elasticsearch runs as an unprivileged account.
            dataDir = Files.createTempDirectory("search-benchmark-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        } else {
            dataDir = Path.of(given).toAbsolutePath();
            if (Files.exists(dataDir)) {
                try (Stream<Path> existing = Files.list(dataDir)) {
                    if (existing.findAny().isPresent()) {
                        throw new IllegalArgumentException("--data-dir must be empty or new: " + dataDir);
                    }
                }
            }
            Files.createDirectories(dataDir);
        }
        System.out.printf(Locale.ROOT, "Search benchmark: %s, data in %s%n", options, dataDir);

        LibraryGenerator library = new LibraryGenerator(options.seed());
        ConfigurableApplicationContext context = start(dataDir);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                context.close();
                if (temporary) {
                    deleteTree(dataDir);
                }
            }
        };
        Thread hook = new Thread(shutdown, "search-benchmark-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            context.getBean(EmbeddedElasticsearch.class).awaitReady(Duration.ofMinutes(3));
            double startup = (System.nanoTime() - started) / 1e9;
            new SearchBenchmark(context, library, dataDir).run(options, dataDir, startup, started);
        } finally {
            shutdown.run();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("lms.embedded.data-dir", dataDir.toString());
        properties.put("lms.embedded.mongodb.port", "0");
        properties.put("lms.embedded.storage.port", "0");
        properties.put("lms.embedded.elasticsearch.port", String.valueOf(Ports.free()));
        properties.put("lms.embedded.elasticsearch.transport-port", String.valueOf(Ports.free()));
        properties.put("server.port", "0");
        properties.put("spring.messages.basename", "i18n/platform,i18n/library");
        properties.put("spring.messages.fallback-to-system-locale", "false");
        properties.put("spring.main.banner-mode", "off");
        // Nothing else at work meanwhile: no jobs, and the index follower idle (its feed is empty).
        properties.put("lms.jobs.enabled", "false");
        properties.put("lms.search.follow.interval", "3650d");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.vn.edu.lms.search", "INFO");
        return new SpringApplicationBuilder(SearchTestApplication.class).web(WebApplicationType.REACTIVE).properties(properties).run();
    }

    private void run(Options options, Path dataDir, double startup, long started) throws Exception {
        int items = options.items();
        // The integration-test distribution has no "GET /": the version from the node's info.
        String version = get("/_nodes/_local/jvm").path("nodes").elements().next().path("version").asText();
        String heap = context.getBean(EmbeddedSearchProperties.class).heap();
        System.out.printf(Locale.ROOT, "Embedded Elasticsearch %s (heap %s) ready; application started in %.1f s; %d CPUs%n", version, heap,
            startup, Runtime.getRuntime().availableProcessors());

        // ---- Indexing, as a reindex does: bulks of 200, two in flight, refreshes paused; after a warm-up (a fresh node's code is cold).
        if (options.indexWarmup() > 0) {
            experiment("warm-up (untimed)", options.indexWarmup(), IN_FLIGHT, mappings -> { });
        }
        String index = libraryIndex.create().block(Duration.ofMinutes(1));
        libraryIndex.pauseRefresh(index).block(Duration.ofMinutes(1));
        IndexRun run = index(index, items, IN_FLIGHT, true);
        libraryIndex.pointAliasAt(index).block(Duration.ofMinutes(1));
        JsonNode stats = indexStats(index, "docs,store,segments");
        long storeBytes = stats.path("store").path("size_in_bytes").asLong();
        long segments = stats.path("segments").path("count").asLong();
        double docsPerSecond = run.perSecond(items);
        long words = 0;
        for (int n = 0; n < Math.min(items, 2_000); n++) {
            words += library.item(n).body().split("\\s+").length;
        }
        System.out.printf(Locale.ROOT, "Indexed %,d documents into %s in %.1f s: %,.0f docs/s; %,d in the index, %s on disk, %d segments%n",
            items, index, (run.timed() + run.refreshing()) / 1e9, docsPerSecond, stats.path("docs").path("count").asLong(),
            bytes(storeBytes), segments);
        System.out.println("  CPU while indexing (wall, untimed generation included): " + run.cpu());

        line("Library: %,d generated items (seed %d); extracted text %.0f words (syllables) and %.1f k chars on average; "
            + "Elasticsearch %s embedded, heap %s; %d CPUs", items, options.seed(), words / (double) Math.min(items, 2_000),
            run.bodyChars() / 1000.0 / items, version, heap, Runtime.getRuntime().availableProcessors());
        line("Indexing (reindex path: SearchDocuments#document + FeedIndexer#write, batches of %d, %d bulks in flight, refreshes paused)",
            BATCH, IN_FLIGHT);
        line("  documents/s            %,10.0f   goal >= %,.0f  %s", docsPerSecond, GOAL_DOCS_PER_SECOND,
            docsPerSecond >= GOAL_DOCS_PER_SECOND ? "MET" : "MISSED");
        line("  timed                  %10.1f s = build and bulk %.1f s (building %.1f s of it, overlapping) + final refresh %.2f s "
            + "(wall %.1f s incl. %.1f s untimed generation)", (run.timed() + run.refreshing()) / 1e9, run.timed() / 1e9, run.building() / 1e9,
            run.refreshing() / 1e9, run.wall() / 1e9, run.generating() / 1e9);
        line("  by tenths (docs/s)     %s", tenths(run, items));
        line("  CPU                    %s", run.cpu());
        line("  index size             %s (store, primaries, after the refresh; %d segments)", bytes(storeBytes), segments);

        // ---- What the callers see (untimed), and a look at the results.
        QueryMix mix = new QueryMix(library);
        sanity(mix, options.seed());

        // ---- Searches on a settled index.
        double waited = waitForMerges(index);
        JsonNode gcBefore = get("/_nodes/stats/jvm");
        runSequential(mix, options.seed() + 1, options.warmup(), null);
        Map<String, Latencies> sequential = new LinkedHashMap<>();
        JsonNode searchBefore = searchStats(index);
        CpuMeter.Snapshot queryCpuStart = cpu.now();
        long queryStart = System.nanoTime();
        samples = new ArrayList<>();
        runSequential(mix, options.seed(), options.queries(), sequential);
        List<Sample> measured = samples;
        samples = null;
        double querySeconds = (System.nanoTime() - queryStart) / 1e9;
        String queryCpu = CpuMeter.between(queryCpuStart, cpu.now());
        String server = serverTimes(searchBefore, searchStats(index));
        String gc = gcDelta(gcBefore, get("/_nodes/stats/jvm"));
        Latencies overall = sequential.get("overall");
        line("Searches: %,d requests from one client, each awaited, after %,d warm-up and %.0f s waiting for merges to finish "
            + "(%.1f s, %.0f req/s)", overall.count(), options.warmup(), waited, querySeconds, overall.count() / querySeconds);
        line("  CPU: %s; ES GC: %s", queryCpu, gc);
        line("  inside Elasticsearch: %s", server);
        table(sequential);
        line("  overall p95 %.1f ms   goal <= %.0f ms  %s", overall.percentile(95), GOAL_P95_MS,
            overall.percentile(95) <= GOAL_P95_MS ? "MET" : "MISSED");
        slowest(measured, overall.percentile(99));
        System.out.print(summary);

        // ---- Where the time goes, kind by kind.
        if (options.breakdown() > 0) {
            profiled = options.profile();
            breakdown(mix, options.seed() + 3, options.breakdown(), index);
        }

        // ---- Concurrent clients.
        if (options.clients() > 1) {
            Map<String, Latencies> concurrent = new LinkedHashMap<>();
            CpuMeter.Snapshot start = cpu.now();
            long t0 = System.nanoTime();
            runConcurrent(mix, options.seed() + 2, options.queries(), options.clients(), concurrent);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Latencies all = concurrent.get("overall");
            line("Searches from %d concurrent clients: %,d requests in %.1f s (%.0f req/s); CPU: %s", options.clients(), all.count(), seconds,
                all.count() / seconds, CpuMeter.between(start, cpu.now()));
            table(concurrent);
        }

        // ---- The first items again, into scratch indexes (all warm now): two and one bulks in flight; mapping variants.
        if (options.scratch() > 0) {
            int count = options.scratch();
            line("Scratch indexes (deleted after): the first %,d items again (main run over them, cold start included: %,.0f docs/s)", count,
                run.perSecondFirst(count));
            experiment("follower path (refresh every second)", count, IN_FLIGHT, mappings -> { });
            experiment("follower path, 1 bulk in flight", count, 1, mappings -> { });
            if (options.experiments()) {
                experiment("text indexed as written too (matched with diacritics)", count, IN_FLIGHT,
                    mappings -> properties(mappings).set("text", json.createObjectNode().put("type", "text").put("analyzer", "standard")));
                experiment("with offsets in the postings of title and description", count, IN_FLIGHT, mappings -> List.of("title",
                    "titleFolded", "description", "descriptionFolded").forEach(field -> ((ObjectNode) properties(mappings).path(field))
                        .put("index_options", "offsets")));
                experiment("folded twins left out of _source (adds a recovery source)", count, IN_FLIGHT, mappings -> mappings.set("_source",
                    json.createObjectNode().set("excludes", json.valueToTree(List.of("textFolded", "titleFolded", "descriptionFolded",
                        "tagsFolded", "labelsFolded")))));
                experiment("textFolded not indexed either (no search in texts)", count, IN_FLIGHT,
                    mappings -> properties(mappings).set("textFolded", json.createObjectNode().put("type", "text").put("index", false)));
            }
        }

        JsonNode finalStats = indexStats(index, "store,segments");
        line("Index at the end: %s (%d segments); Elasticsearch data directory %s", bytes(finalStats.path("store").path("size_in_bytes").asLong()),
            finalStats.path("segments").path("count").asLong(), bytes(size(dataDir.resolve("elasticsearch/data"))));
        line("Time taken: %.1f s in all (start-up %.1f s, indexing wall %.1f s)", (System.nanoTime() - started) / 1e9, startup,
            run.wall() / 1e9);
        System.out.println("\n==================== Search benchmark summary ====================");
        System.out.print(summary);
        System.out.println("==================================================================");
    }

    /**
     * Indexes the first {@code items} generated items with {@code inFlight} bulk requests in flight
     * while the next batches are built, as the follower does. Items are generated (untimed) a chunk
     * at a time; each chunk is then built and written (timed), and drains before the next.
     */
    private IndexRun index(String index, int items, int inFlight, boolean progress) {
        long generating = 0;
        long bodyChars = 0;
        AtomicLong building = new AtomicLong();
        long timed = 0;
        long[] timedAfterBatch = new long[(items + BATCH - 1) / BATCH];
        long reportEvery = Math.max(BATCH, items / 10 / BATCH * BATCH);
        CpuMeter.Snapshot cpuStart = cpu.now();
        Scheduler builder = Schedulers.newSingle("benchmark-build");
        long start = System.nanoTime();
        try {
            for (int from = 0; from < items; from += CHUNK) {
                long t0 = System.nanoTime();
                List<LibraryGenerator.Generated> chunk = new ArrayList<>(CHUNK);
                for (int n = from; n < Math.min(items, from + CHUNK); n++) {
                    chunk.add(library.item(n));
                    bodyChars += chunk.get(chunk.size() - 1).body().length();
                }
                long t1 = System.nanoTime();
                generating += t1 - t0;
                int firstBatch = from / BATCH;
                long timedBefore = timed;
                Flux.range(0, (chunk.size() + BATCH - 1) / BATCH)
                    .map(b -> {
                        long b0 = System.nanoTime();
                        List<SearchDocument> docs = new ArrayList<>(BATCH);
                        for (LibraryGenerator.Generated item : chunk.subList(b * BATCH, Math.min(chunk.size(), (b + 1) * BATCH))) {
                            docs.add(documents.document(item.item(), item.item().sequence(), item.file(), item.body(), item.downloads()));
                        }
                        building.addAndGet(System.nanoTime() - b0);
                        return docs;
                    })
                    .subscribeOn(builder, true)
                    .flatMap(docs -> indexer.write(index, docs).thenReturn(docs.size()), inFlight)
                    // Batches may finish out of order; the n-th completion stands for the n-th batch.
                    .index()
                    .doOnNext(done -> timedAfterBatch[firstBatch + done.getT1().intValue()] = timedBefore + System.nanoTime() - t1)
                    .then()
                    .block(Duration.ofHours(1));
                timed += System.nanoTime() - t1;
                int done = Math.min(items, from + CHUNK);
                if (progress && (done % reportEvery == 0 || done == items)) {
                    System.out.printf(Locale.ROOT, "  indexed %,7d: %,.0f docs/s so far (building %.1f s of it; generating, untimed, %.1f s)%n",
                        done, done / (timed / 1e9), building.get() / 1e9, generating / 1e9);
                }
            }
        } finally {
            builder.dispose();
        }
        long t4 = System.nanoTime();
        libraryIndex.resumeRefresh(index).block(Duration.ofMinutes(1));
        // Not chained: a blocking call of the REST client from its own I/O thread would wait for itself.
        refresh(index);
        long end = System.nanoTime();
        return new IndexRun(generating, building.get(), timed, end - t4, end - start, timedAfterBatch, bodyChars,
            CpuMeter.between(cpuStart, cpu.now()));
    }

    /** Documents per second in each tenth of the run: does indexing slow down as the index grows? */
    private static String tenths(IndexRun run, int items) {
        List<String> parts = new ArrayList<>();
        int batches = run.timedAfterBatch().length;
        if (batches < 10) {
            return "(too few batches)";
        }
        long previous = 0;
        for (int tenth = 1; tenth <= 10; tenth++) {
            int last = batches * tenth / 10 - 1;
            int first = batches * (tenth - 1) / 10;
            long nanos = run.timedAfterBatch()[last] - previous;
            previous = run.timedAfterBatch()[last];
            parts.add(String.format(Locale.ROOT, "%,.0f", (last - first + 1) * (double) BATCH / (nanos / 1e9)));
        }
        return String.join(" ", parts);
    }

    /** Waits (up to 15 minutes) until no merge has been running for two seconds; the seconds waited. */
    private double waitForMerges(String index) throws InterruptedException {
        long t0 = System.nanoTime();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() - t0 < Duration.ofMinutes(15).toNanos()) {
            quiet = indexStats(index, "merge").path("merges").path("current").asLong() == 0 ? quiet + 1 : 0;
            Thread.sleep(1000);
        }
        double waited = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Waited %.0f s for background merges to finish; %d segments%n", waited,
            indexStats(index, "segments").path("segments").path("count").asLong());
        return waited;
    }

    private void runSequential(QueryMix mix, long seed, int requests, Map<String, Latencies> record) {
        long done = 0;
        for (long n = 0; done < requests; n++) {
            done += execute(mix.spec(seed, n), record);
        }
    }

    private void runConcurrent(QueryMix mix, long seed, int requests, int clients, Map<String, Latencies> record) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        prepare(record);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    while (done.get() < requests) {
                        done.addAndGet(execute(mix.spec(seed, next.getAndIncrement()), record));
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code count} searches of each kind on their own, with Elasticsearch's search statistics
     * around them: the mean time of its query phase (matching, scoring, facets) and fetch phase
     * (_source, highlights) per request against the mean latency the caller sees.
     */
    private void breakdown(QueryMix mix, long seed, int count, String index) throws IOException {
        line("Where the time goes, %d searches of each kind alone (means per request, ms):", count);
        line("  %-12s %6s %10s %12s %12s %22s %16s", "kind", "n", "caller", "ES query", "ES fetch", "rest (client, HTTP)", "matches (mean)");
        for (QueryMix.Kind kind : QueryMix.Kind.values()) {
            Map<String, Latencies> record = new LinkedHashMap<>();
            JsonNode before = searchStats(index);
            samples = new ArrayList<>();
            int made = 0;
            for (long n = 0; made < count && n < 1_000_000; n++) {
                QueryMix.Spec spec = mix.spec(seed, n);
                if (spec.kind() == kind) {
                    made += execute(spec, record);
                }
            }
            double matches = samples.stream().mapToLong(Sample::total).filter(total -> total >= 0).average().orElse(0);
            samples = null;
            JsonNode after = searchStats(index);
            Latencies latencies = record.get("overall");
            double query = mean(before, after, "query");
            double fetch = mean(before, after, "fetch");
            line("  %-12s %6d %10.1f %12.1f %12.1f %22.1f %16s", kind.label, latencies.count(), latencies.mean(), query, fetch,
                latencies.mean() - query - fetch, kind == QueryMix.Kind.SUGGEST ? "-" : String.format(Locale.ROOT, "%,.0f", matches));
        }
        if (profiled > 0) {
            line("Profiled (Elasticsearch's profile API; mean ms per request over %d first pages of each kind; parts of at least 5 %%):", profiled);
            for (QueryMix.Kind kind : QueryMix.Kind.values()) {
                if (kind != QueryMix.Kind.SUGGEST) {
                    profile(mix, seed, kind, index);
                }
            }
        }
    }

    /**
     * The first pages of {@code profiled} searches of one kind, as {@link LibrarySearch#request}
     * makes them, sent with {@code "profile": true}: where the query phase (query tree, collectors,
     * aggregations) and the fetch phase spend their time.
     */
    private void profile(QueryMix mix, long seed, QueryMix.Kind kind, String index) throws IOException {
        Map<String, Double> nanos = new LinkedHashMap<>();
        int made = 0;
        for (long n = 0; made < profiled && n < 1_000_000; n++) {
            QueryMix.Spec spec = mix.spec(seed, n);
            if (spec.kind() != kind) {
                continue;
            }
            made++;
            ObjectNode body = (ObjectNode) json.readTree(JsonpUtils.toJsonString(search.request(spec.who(), spec.query(), index), jsonp));
            body.put("profile", true);
            Request request = new Request("POST", "/" + index + "/_search");
            request.setJsonEntity(json.writeValueAsString(body));
            JsonNode shard = json.readTree(rest.performRequest(request).getEntity().getContent()).path("profile").path("shards").path(0);
            for (JsonNode search : shard.path("searches")) {
                search.path("query").forEach(root -> addTimes(nanos, "query", root, 0));
                nanos.merge("query: rewrite", search.path("rewrite_time").asDouble(), Double::sum);
                search.path("collector").forEach(collector -> nanos.merge("collectors", collector.path("time_in_nanos").asDouble(), Double::sum));
            }
            shard.path("aggregations").forEach(agg -> nanos.merge("aggregations", agg.path("time_in_nanos").asDouble(), Double::sum));
            nanos.merge("fetch", shard.path("fetch").path("time_in_nanos").asDouble(), Double::sum);
            shard.path("fetch").path("children").forEach(phase -> addTimes(nanos, "fetch", phase, 0));
        }
        double whole = nanos.getOrDefault("query", 0.0) + nanos.getOrDefault("query: rewrite", 0.0) + nanos.getOrDefault("aggregations", 0.0)
            + nanos.getOrDefault("fetch", 0.0);
        int profiledHere = made;
        line("  %s: %.1f ms (query, rewrite, aggregations and fetch)", kind.label, whole / profiledHere / 1e6);
        nanos.forEach((part, total) -> {
            if (total >= whole * 0.05) {
                line("    %-100s %7.2f", part.length() > 100 ? part.substring(0, 97) + "..." : part, total / profiledHere / 1e6);
            }
        });
    }

    /** A profiled node's time under its path of types and descriptions, then its children's, three levels deep. */
    private static void addTimes(Map<String, Double> nanos, String parent, JsonNode node, int depth) {
        String description = node.path("description").asText();
        String name = parent + " > " + node.path("type").asText()
            + (description.isEmpty() ? "" : " " + (description.length() > 40 ? description.substring(0, 40) + "…" : description));
        String key = depth == 0 && parent.equals("query") ? "query" : name;
        nanos.merge(key, node.path("time_in_nanos").asDouble(), Double::sum);
        if (depth < 3) {
            node.path("children").forEach(child -> addTimes(nanos, key, child, depth + 1));
        }
    }

    private static double mean(JsonNode before, JsonNode after, String phase) {
        long count = after.path(phase + "_total").asLong() - before.path(phase + "_total").asLong();
        long millis = after.path(phase + "_time_in_millis").asLong() - before.path(phase + "_time_in_millis").asLong();
        return count == 0 ? 0 : (double) millis / count;
    }

    private static void prepare(Map<String, Latencies> record) {
        synchronized (record) {
            record.computeIfAbsent("overall", key -> new Latencies());
            for (QueryMix.Kind kind : QueryMix.Kind.values()) {
                record.computeIfAbsent(kind.label, key -> new Latencies());
            }
            record.computeIfAbsent("deep page: page 1", key -> new Latencies());
            record.computeIfAbsent("deep page: page 10", key -> new Latencies());
            record.computeIfAbsent("by teacher", key -> new Latencies());
            record.computeIfAbsent("by student", key -> new Latencies());
            record.computeIfAbsent("by district admin", key -> new Latencies());
        }
    }

    /** Runs one search (a deep page: its pages); records each request; how many requests it made. */
    private int execute(QueryMix.Spec spec, Map<String, Latencies> record) {
        if (record != null) {
            prepare(record);
        }
        if (spec.kind() == QueryMix.Kind.SUGGEST) {
            long t0 = System.nanoTime();
            List<SearchPage.Suggestion> found = search.suggest(spec.who(), spec.typed(), QueryMix.SUGGESTIONS).block(Duration.ofMinutes(1));
            long nanos = System.nanoTime() - t0;
            record(record, spec, 1, nanos, !found.isEmpty());
            sample(nanos, spec, 1, found.size());
            return 1;
        }
        SearchQuery query = spec.query();
        int pages = spec.kind() == QueryMix.Kind.DEEP_PAGE ? QueryMix.DEEP_PAGES : 1;
        int made = 0;
        for (int page = 1; page <= pages; page++) {
            long t0 = System.nanoTime();
            SearchPage result = search.search(spec.who(), query).block(Duration.ofMinutes(1));
            long nanos = System.nanoTime() - t0;
            record(record, spec, page, nanos, !result.hits().isEmpty());
            sample(nanos, spec, page, result.total() == null ? -1 : result.total());
            made++;
            if (result.next() == null) {
                break;
            }
            query = new SearchQuery(query.text(), query.filters(), query.sort(), query.size(), result.next());
        }
        return made;
    }

    private void sample(long nanos, QueryMix.Spec spec, int page, long total) {
        List<Sample> list = samples;
        if (list != null) {
            list.add(new Sample(nanos, spec, page, total));
        }
    }

    /** What the slowest 1 % of the requests were: their kinds and callers, and the five slowest. */
    private void slowest(List<Sample> measured, double p99) {
        List<Sample> slow = measured.stream().filter(sample -> sample.nanos() / 1e6 >= p99)
            .sorted(Comparator.comparingLong(Sample::nanos).reversed()).toList();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        Map<String, Integer> callers = new LinkedHashMap<>();
        for (Sample sample : slow) {
            kinds.merge(sample.spec().kind().label, 1, Integer::sum);
            callers.merge(sample.spec().caller(), 1, Integer::sum);
        }
        line("  the slowest 1 %% (%d requests, >= %.0f ms): by kind %s; by caller %s", slow.size(), p99, kinds, callers);
        for (Sample sample : slow.subList(0, Math.min(5, slow.size()))) {
            QueryMix.Spec spec = sample.spec();
            String what = spec.kind() == QueryMix.Kind.SUGGEST ? "typed \"" + spec.typed() + "\""
                : "q=" + (spec.query().text() == null ? "(none)" : "\"" + spec.query().text() + "\"") + (spec.query().filters().isEmpty() ? ""
                    : " " + spec.query().filters()) + (spec.query().sort() == SearchQuery.Order.RELEVANCE ? "" : " sort " + spec.query().sort())
                    + (sample.page() > 1 ? " page " + sample.page() : "");
            line("    %6.1f ms  %-11s %-14s %s, %,d hits", sample.nanos() / 1e6, spec.kind().label, spec.caller(), what, sample.total());
        }
    }

    private static void record(Map<String, Latencies> record, QueryMix.Spec spec, int page, long nanos, boolean found) {
        if (record == null) {
            return;
        }
        record.get("overall").add(nanos, found);
        record.get(spec.kind().label).add(nanos, found);
        record.get("by " + spec.caller()).add(nanos, found);
        if (spec.kind() == QueryMix.Kind.DEEP_PAGE && (page == 1 || page == QueryMix.DEEP_PAGES)) {
            record.get("deep page: page " + page).add(nanos, found);
        }
    }

    /** What each caller may see, and the first results of a few searches, so that a reader can judge the figures. */
    private void sanity(QueryMix mix, long seed) {
        Map<String, LibraryCaller> callers = new LinkedHashMap<>();
        for (long n = 0; callers.size() < 3 && n < 1000; n++) {
            QueryMix.Spec spec = mix.spec(seed + 99, n);
            callers.putIfAbsent(spec.caller(), spec.who());
        }
        callers.forEach((label, who) -> {
            SearchPage all = search.search(who, new SearchQuery(null, Map.of(), SearchQuery.Order.RELEVANCE, 1, null)).block();
            System.out.printf(Locale.ROOT, "  a %s (%s) may see %s%,d items%n", label, who.accountId(), all.totalExact() ? "" : "more than ", all.total());
        });
        LibraryCaller teacher = callers.get("teacher");
        for (String text : List.of("phép cộng phân số", "phep cong phan so")) {
            SearchPage page = search.search(teacher, new SearchQuery(text, Map.of(), SearchQuery.Order.RELEVANCE, 3, null)).block();
            System.out.printf(Locale.ROOT, "  \"%s\": %s%,d hits; first: %s%n", text, page.totalExact() ? "" : "more than ", page.total(),
                page.hits().stream().map(SearchPage.Hit::title).toList());
        }
        List<SearchPage.Suggestion> suggestions = search.suggest(teacher, "phep cong ph", QueryMix.SUGGESTIONS).block();
        System.out.printf(Locale.ROOT, "  suggestions for \"phep cong ph\": %s%n", suggestions.stream().map(SearchPage.Suggestion::title).toList());
    }

    private static ObjectNode properties(ObjectNode mappings) {
        return (ObjectNode) mappings.path("properties");
    }

    /** The first {@code count} items into a scratch index whose mappings {@code change} altered. */
    private void experiment(String label, int count, int inFlight, Consumer<ObjectNode> change) throws IOException {
        ObjectNode mapping;
        try (InputStream in = SearchBenchmark.class.getClassLoader().getResourceAsStream(MAPPING)) {
            mapping = (ObjectNode) json.readTree(in);
        }
        change.accept((ObjectNode) mapping.path("mappings"));
        String scratch = "benchmark-experiment-" + System.currentTimeMillis();
        Request create = new Request("PUT", "/" + scratch);
        create.setJsonEntity(json.writeValueAsString(mapping));
        rest.performRequest(create);
        try {
            IndexRun run = index(scratch, count, inFlight, false);
            long store = indexStats(scratch, "store").path("store").path("size_in_bytes").asLong();
            line("  %-52s %,7.0f docs/s (build %.1f s, bulk %.1f s), %s on disk; CPU: %s", label, run.perSecond(count), run.building() / 1e9,
                run.timed() / 1e9, bytes(store), run.cpu());
            printLastLine();
        } finally {
            rest.performRequest(new Request("DELETE", "/" + scratch));
        }
    }

    private void printLastLine() {
        System.out.println(summary.substring(summary.lastIndexOf("\n", summary.length() - 2) + 1).stripTrailing());
    }

    private void line(String format, Object... args) {
        summary.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private void table(Map<String, Latencies> record) {
        summary.append(Latencies.header()).append('\n');
        record.forEach((label, latencies) -> summary.append(latencies.row(label)).append('\n'));
    }

    private void refresh(String index) {
        try {
            rest.performRequest(new Request("POST", "/" + index + "/_refresh"));
        } catch (IOException e) {
            throw new IllegalStateException("refresh of " + index + " failed", e);
        }
    }

    private JsonNode indexStats(String index, String metrics) {
        return get("/" + index + "/_stats/" + metrics).path("indices").path(index).path("primaries");
    }

    private JsonNode searchStats(String index) {
        return indexStats(index, "search").path("search");
    }

    private JsonNode get(String path) {
        try {
            return json.readTree(rest.performRequest(new Request("GET", path)).getEntity().getContent());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    /** Mean time per request of the query phase (matching, scoring, facets) and of the fetch phase (_source, highlights). */
    private static String serverTimes(JsonNode before, JsonNode after) {
        return String.format(Locale.ROOT, "query phase %.1f ms, fetch phase %.1f ms on average per request", mean(before, after, "query"),
            mean(before, after, "fetch"));
    }

    private static String gcDelta(JsonNode before, JsonNode after) {
        List<String> parts = new ArrayList<>();
        JsonNode nodeBefore = before.path("nodes").elements().next().path("jvm");
        JsonNode nodeAfter = after.path("nodes").elements().next().path("jvm");
        nodeAfter.path("gc").path("collectors").properties().forEach(collector -> {
            JsonNode was = nodeBefore.path("gc").path("collectors").path(collector.getKey());
            long count = collector.getValue().path("collection_count").asLong() - was.path("collection_count").asLong();
            long millis = collector.getValue().path("collection_time_in_millis").asLong() - was.path("collection_time_in_millis").asLong();
            parts.add(String.format(Locale.ROOT, "%s %d (%d ms)", collector.getKey(), count, millis));
        });
        parts.add(String.format(Locale.ROOT, "heap %d %% used at the end", nodeAfter.path("mem").path("heap_used_percent").asInt()));
        return String.join(", ", parts);
    }

    private static String bytes(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30))
            : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    /** The bytes under {@code dir}; tried again when Elasticsearch removed a file meanwhile (a finished merge). */
    private static long size(Path dir) {
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            } catch (IOException | RuntimeException e) {
                // walked into a file being deleted
            }
        }
        return 0;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete all of " + root + ": " + e);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
