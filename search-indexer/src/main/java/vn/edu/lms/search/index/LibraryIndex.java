package vn.edu.lms.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
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
 * The library's index: documents live in a versioned index ({@code library-v1-<millis>}) that
 * readers and the follower reach through the alias {@code library}. A reindex builds a new index
 * beside it and moves the alias in one atomic step, so searches never see a half-built index.
 */
@Component
public class LibraryIndex {

    public static final String ALIAS = "library";
    /** The mapping's version: a change of mapping is a new index built by a reindex. */
    static final String MAPPING_VERSION = "v1";
    private static final Logger log = LoggerFactory.getLogger(LibraryIndex.class);

    private final ElasticsearchAsyncClient client;
    private final Clock clock;

    LibraryIndex(ElasticsearchAsyncClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The index the alias points at, creating the first one (and the alias) when there is none. */
    public Mono<String> ensure() {
        return current().switchIfEmpty(Mono.defer(() -> create().flatMap(name -> pointAliasAt(name, Set.of()).thenReturn(name))
            .onErrorResume(ElasticsearchException.class, raced -> current())));
    }

    /** The index behind the alias, if any. */
    public Mono<String> current() {
        return Mono.fromFuture(() -> client.indices().existsAlias(e -> e.name(ALIAS))).flatMap(exists -> !exists.value() ? Mono.empty()
            : Mono.fromFuture(() -> client.indices().getAlias(g -> g.name(ALIAS)))
                .flatMap(aliases -> Mono.justOrEmpty(aliases.result().keySet().stream().findFirst())));
    }

    /** A new, empty index with the library's mapping; its name. */
    public Mono<String> create() {
        String name = ALIAS + "-" + MAPPING_VERSION + "-" + clock.millis();
        return Mono.fromFuture(() -> client.indices().create(CreateIndexRequest.of(c -> c.index(name).withJson(mapping()))))
            .doOnNext(created -> log.info("Created search index {}", name)).thenReturn(name);
    }

    /** Moves the alias to {@code name} in one step, off the given older indexes. */
    public Mono<Void> pointAliasAt(String name, Set<String> previous) {
        return Mono.fromFuture(() -> client.indices().updateAliases(u -> {
            previous.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(ALIAS))));
            return u.actions(a -> a.add(add -> add.index(name).alias(ALIAS).isWriteIndex(true)));
        })).then();
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
