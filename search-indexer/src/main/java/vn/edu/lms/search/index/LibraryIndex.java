package vn.edu.lms.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import reactor.core.publisher.Mono;

/**
 * The library's index: documents live in a versioned index ({@code library-v3-<millis>}) that
 * readers and the follower reach through the alias {@code library}. A reindex builds a new index
 * beside it and moves the alias in one atomic step, so searches never see a half-built index.
 */
@Component
public class LibraryIndex {

    public static final String ALIAS = "library";
    /** The mapping's version: a change of mapping is a new index built by a reindex. */
    static final String MAPPING_VERSION = "v3";
    /** How soon a change becomes searchable (the mapping's {@code refresh_interval}). */
    static final String REFRESH_INTERVAL = "1s";
    private static final Logger log = LoggerFactory.getLogger(LibraryIndex.class);

    private final ElasticsearchAsyncClient client;
    private final Clock clock;

    LibraryIndex(ElasticsearchAsyncClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The index the alias points at, creating the first one (and the alias) when there is none. */
    public Mono<String> ensure() {
        return current().switchIfEmpty(Mono.defer(() -> create().flatMap(name -> pointAliasAt(name).thenReturn(name))
            .onErrorResume(ElasticsearchException.class, raced -> current())));
    }

    /** The index behind the alias, if any. */
    public Mono<String> current() {
        return aliased().flatMap(names -> Mono.justOrEmpty(names.stream().max(Comparator.naturalOrder())));
    }

    /** The indexes the alias points at: one, but for a moment of an interrupted switch made by hand. */
    Mono<Set<String>> aliased() {
        return Mono.fromFuture(() -> client.indices().existsAlias(e -> e.name(ALIAS))).flatMap(exists -> !exists.value()
            ? Mono.just(Set.<String>of())
            : Mono.fromFuture(() -> client.indices().getAlias(g -> g.name(ALIAS))).map(aliases -> Set.copyOf(aliases.result().keySet())));
    }

    /** A name for a new index of the current mapping. */
    public String newName() {
        return ALIAS + "-" + MAPPING_VERSION + "-" + clock.millis();
    }

    /** A new, empty index with the library's mapping; its name. */
    public Mono<String> create() {
        return create(newName());
    }

    /** Creates the index {@code name} with the library's mapping unless it is there already (a reindex taken up again). */
    public Mono<String> create(String name) {
        return exists(name).flatMap(exists -> exists ? Mono.just(name)
            : Mono.fromFuture(() -> client.indices().create(CreateIndexRequest.of(c -> c.index(name).withJson(mapping()))))
                .doOnNext(created -> log.info("Created search index {}", name)).thenReturn(name));
    }

    public Mono<Boolean> exists(String name) {
        return Mono.fromFuture(() -> client.indices().exists(e -> e.index(name))).map(found -> found.value());
    }

    /** Moves the alias to {@code name} in one atomic step, off every index it pointed at before. */
    public Mono<Void> pointAliasAt(String name) {
        return aliased().flatMap(previous -> Mono.fromFuture(() -> client.indices().updateAliases(u -> {
            previous.stream().filter(old -> !old.equals(name)).forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(ALIAS))));
            return u.actions(a -> a.add(add -> add.index(name).alias(ALIAS).isWriteIndex(true)));
        }))).then();
    }

    /** Makes what was written so far searchable now rather than within the refresh interval. */
    /**
     * Stops the scheduled refreshes of {@code name} while a reindex fills it: each refresh would
     * make a small segment, to be merged again, for searches nobody makes on an index not yet in use.
     */
    public Mono<Void> pauseRefresh(String name) {
        return refreshInterval(name, "-1");
    }

    /** Refreshes {@code name} every second again, as the mapping's settings say. */
    public Mono<Void> resumeRefresh(String name) {
        return refreshInterval(name, REFRESH_INTERVAL);
    }

    private Mono<Void> refreshInterval(String name, String interval) {
        return Mono.fromFuture(() -> client.indices().putSettings(p -> p.index(name).settings(s -> s.refreshInterval(t -> t.time(interval)))))
            .then();
    }

    public Mono<Void> refresh(String name) {
        return Mono.fromFuture(() -> client.indices().refresh(r -> r.index(name))).then();
    }

    public Mono<Void> delete(String name) {
        return Mono.fromFuture(() -> client.indices().delete(d -> d.index(name))).then();
    }

    /** Every index of the library, whether or not the alias points at it. */
    public Mono<List<String>> all() {
        return Mono.fromFuture(() -> client.indices().get(g -> g.index(ALIAS + "-*")))
            .map(found -> found.result().keySet().stream().sorted().toList());
    }

    private static InputStream mapping() {
        try {
            return new ClassPathResource("vn/edu/lms/search/index/library-index.json").getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException("the library index mapping is missing from the jar", e);
        }
    }
}
