package vn.edu.lms.search.indexing;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.feed.LibraryFeed;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.popularity.Downloads;
import vn.edu.lms.search.index.SearchDocument;
import vn.edu.lms.search.index.SearchDocuments;

/**
 * Copies the content store's change feed into an index, one round at a time: the items changed
 * after the checkpoint, as bulk requests in which each document's external version is its feed
 * sequence. Elasticsearch keeps the higher version, so a round sent twice (the checkpoint is saved
 * only after its bulks succeeded: at least once) or an old copy arriving late changes nothing.
 */
@Component
public class FeedIndexer {

    static final String CHECKPOINTS = "search_checkpoints";
    /** Documents per bulk request. */
    public static final int BATCH = 200;
    /** Bulk requests in flight at once: Elasticsearch analyses one while it receives the other. */
    static final int BULKS_IN_FLIGHT = 2;
    /** Items read from the feed per round; a round with fewer means caught up. */
    static final int ROUND = BATCH * BULKS_IN_FLIGHT;
    private static final Logger log = LoggerFactory.getLogger(FeedIndexer.class);

    private final LibraryFeed feed;
    private final SearchDocuments documents;
    private final ElasticsearchAsyncClient client;
    private final ReactiveMongoTemplate mongo;
    private final Downloads downloads;

    FeedIndexer(LibraryFeed feed, SearchDocuments documents, ElasticsearchAsyncClient client, ReactiveMongoTemplate mongo,
            Downloads downloads) {
        this.downloads = downloads;
        this.feed = feed;
        this.documents = documents;
        this.client = client;
        this.mongo = mongo;
    }

    /** The last sequence written into the index the checkpoint names (0 before any). */
    public Mono<Long> checkpoint(String checkpointId) {
        return mongo.findById(checkpointId, Document.class, CHECKPOINTS)
            .map(found -> ((Number) found.getOrDefault("sequence", 0L)).longValue()).defaultIfEmpty(0L);
    }

    /** Removes a checkpoint no longer needed (a finished reindex's). */
    public Mono<Void> forget(String checkpointId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(checkpointId)), CHECKPOINTS).then();
    }

    /**
     * Copies rounds into {@code index} until caught up; each round's item count, as it is saved.
     */
    public Flux<Integer> catchUp(String index, String checkpointId) {
        return Mono.defer(() -> indexNext(index, checkpointId)).repeat().takeUntil(count -> count < ROUND);
    }

    /**
     * Writes the next round of changes into {@code index}, as bulks in flight together; how many items
     * it held (fewer than {@link #ROUND}: caught up). The checkpoint moves only once every bulk of the
     * round succeeded, so a failure sends the whole round again (external versions make that harmless).
     */
    public Mono<Integer> indexNext(String index, String checkpointId) {
        return checkpoint(checkpointId)
            .flatMap(after -> feed.changesAfter(after, ROUND).collectList())
            .flatMap(this::documents)
            .flatMap(round -> round.isEmpty() ? Mono.just(0)
                : Flux.fromIterable(bulks(round)).flatMap(bulk -> write(index, bulk), BULKS_IN_FLIGHT)
                    .then(advance(checkpointId, round.get(round.size() - 1).sequence()))
                    .thenReturn(round.size()));
    }

    /** The items' documents, in feed order, each with its download count. */
    private Mono<List<SearchDocument>> documents(List<LibraryItem> items) {
        return downloads.counts(items.stream().map(LibraryItem::id).toList())
            .flatMap(counts -> Flux.fromIterable(items).flatMapSequential(item -> documents.of(item, counts.getOrDefault(item.id(), 0L)), 4)
                .collectList());
    }

    private static List<List<SearchDocument>> bulks(List<SearchDocument> round) {
        List<List<SearchDocument>> bulks = new ArrayList<>();
        for (int from = 0; from < round.size(); from += BATCH) {
            bulks.add(round.subList(from, Math.min(from + BATCH, round.size())));
        }
        return bulks;
    }

    /**
     * Writes documents into {@code index} in one bulk request, each at its feed sequence as external
     * version. Errors when Elasticsearch could not take some now (worth trying again); a document the
     * mapping refuses is logged and skipped.
     */
    public Mono<Void> write(String index, List<SearchDocument> batch) {
        BulkRequest.Builder request = new BulkRequest.Builder();
        batch.forEach(document -> request.operations(op -> op.index(i -> i.index(index).id(document.id()).version(document.sequence())
            .versionType(VersionType.External).document(document))));
        return Mono.fromFuture(() -> client.bulk(request.build())).flatMap(response -> {
            List<String> retry = new ArrayList<>();
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null || item.status() == 409) {
                    continue; // written, or a newer version is already there
                }
                if (item.status() == 429 || item.status() >= 500) {
                    retry.add(item.id() + ": " + item.error().reason());
                } else {
                    // The document itself is wrong for the mapping: waiting will not mend it, so it must not hold up the rest.
                    log.error("Search index refused item {}: {} {}", item.id(), item.error().type(), item.error().reason());
                }
            }
            return retry.isEmpty() ? Mono.<Void>empty()
                : Mono.error(new IllegalStateException("Elasticsearch could not take " + retry.size() + " documents now: " + retry.get(0)));
        });
    }

    private Mono<Void> advance(String checkpointId, long sequence) {
        // $max: a slower copy of this work (a follower that lost its lease) can never move the checkpoint back.
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(checkpointId)), new Update().max("sequence", sequence),
            FindAndModifyOptions.options().upsert(true), Document.class, CHECKPOINTS).then();
    }
}
