package vn.edu.lms.content.embedded;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection that finds a document by its key even when the filter says more than the key.
 *
 * <p>The stock collection uses an index only when the filter's fields are exactly the index's
 * fields, so a conditional write such as "answer 3 of attempt X, if it is still running, from this
 * device, with a newer sequence number" read every document of the collection: every save of every
 * student scanned all attempts, under the collection's lock. Here a filter that pins every field of
 * a unique index to one value (at the top level or inside a top-level {@code $and}) looks that index
 * up, and the whole filter is then matched against the one document found, so the answer is the same.
 */
final class KeyedH2Collection extends H2Collection {

    /** At debug level, every query that reads a whole collection: where a unique key or a cache would help. */
    private static final Logger log = LoggerFactory.getLogger(KeyedH2Collection.class);

    private final Runnable onFullScan;

    KeyedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> dataMap,
                      MVMap<String, Object> metaMap, CursorRegistry cursors, Runnable onFullScan) {
        super(database, name, options, dataMap, metaMap, cursors);
        this.onFullScan = onFullScan;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) {
            Document key = keyPinnedBy(query, index);
            if (key != null && index.canHandle(key)) {
                return matchDocuments(query, index.getPositions(key), orderBy, skip, limit, batchSize, projection);
            }
        }
        if (indexes.stream().noneMatch(index -> index.canHandle(query))) {
            onFullScan.run();
            log.debug("{} read whole for {}", getCollectionName(), query);
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
    }

    /**
     * The index's fields with the one value each that the filter demands, or null when the filter
     * leaves one of them open (a range, a regular expression, a list, an operator, null for "missing").
     * Only a filter that says more than the key: the stock path already serves one that says exactly the key.
     */
    static Document keyPinnedBy(Document query, Index<?> index) {
        if (!index.isUnique()) {
            return null;
        }
        List<IndexKey> keys = index.getKeys();
        Document key = new Document();
        for (IndexKey field : keys) {
            Object value = pinned(query, field.getKey());
            if (value == null) {
                return null;
            }
            key.put(field.getKey(), value);
        }
        return query.keySet().equals(key.keySet()) ? null : key;
    }

    private static Object pinned(Document query, String field) {
        Object value = query.get(field);
        if (isPlainValue(value)) {
            return value;
        }
        if (query.get("$and") instanceof Collection<?> all) {
            for (Object clause : all) {
                if (clause instanceof Document part && isPlainValue(part.get(field))) {
                    return part.get(field);
                }
            }
        }
        return null;
    }

    /** A value an equality match compares as it is: not a sub-document (operators), list, pattern or null. */
    private static boolean isPlainValue(Object value) {
        return value != null && !(value instanceof Map) && !(value instanceof Collection) && !(value instanceof Pattern);
    }
}
