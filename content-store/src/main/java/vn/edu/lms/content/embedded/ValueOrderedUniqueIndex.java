package vn.edu.lms.content.embedded;

import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * A unique index (the {@code _id} of every collection among them) whose keys are ordered by their
 * values. The stock index keeps them in a map ordered by the bytes of their Java serialization, so
 * each step of each lookup serialized two keys: a quarter of the database's time under the
 * test-taking burst went to finding attempts, tokens and accounts by key.
 *
 * <p>The keys are stored as before, in a map of its own name; an index found under the stock name
 * is dropped and this one is filled from the documents at the first start.
 */
final class ValueOrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> positions;

    private ValueOrderedUniqueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
    }

    /** Opens the index of {@code namespace} (database.collection) named {@code name}. */
    static ValueOrderedUniqueIndex open(MVStore store, String namespace, String name, List<IndexKey> keys, boolean sparse) {
        store.removeMap(stockMapName(namespace, name)); // a no-op when there is none
        MVMap<KeyValue, Object> positions = store.openMap(mapName(namespace, name),
            new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        return new ValueOrderedUniqueIndex(positions, name, keys, sparse);
    }

    /** Removes the index's map, if there is one (the stock backend removes only the map under its own name). */
    static void drop(MVStore store, String namespace, String name) {
        store.removeMap(mapName(namespace, name));
    }

    private static String stockMapName(String namespace, String name) {
        return namespace + "._index_" + name;
    }

    private static String mapName(String namespace, String name) {
        return stockMapName(namespace, name) + "#by-value";
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /**
     * Keys written and read as the stock type writes them, compared field by field in MongoDB's
     * order of values: keys that MongoDB holds equal (1 and 1.0) are one key, as in MongoDB.
     */
    static final class KeyValueType extends ObjectDataType {

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                int fields = Math.min(left.size(), right.size());
                for (int i = 0; i < fields; i++) {
                    int order = ValueComparator.asc().compare(left.get(i), right.get(i));
                    if (order != 0) {
                        return order;
                    }
                }
                return Integer.compare(left.size(), right.size());
            }
            return super.compare(a, b);
        }
    }
}
