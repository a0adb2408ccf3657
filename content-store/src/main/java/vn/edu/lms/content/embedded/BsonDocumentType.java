package vn.edu.lms.content.embedded;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Documents stored in the file as BSON, the form they travel in on the wire, instead of the stock
 * store's Java serialization.
 *
 * <p>Under the test-taking burst a sixth of the database's time went to Java-deserializing pages
 * read back from the file, most of it while the one writer held the documents lock; BSON is a
 * fraction of the size and decodes many times faster. Every stored document is encodable: a query
 * answers with it in the same encoding.
 *
 * <p>The page cache is measured with {@link #getMemory}: an estimate of the document's size on the
 * heap, so that the configured cache size is the memory it takes (the stock store counted the
 * serialized size, a few times smaller than the objects).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** One encoding buffer per thread (pages are written by the store's serialization threads), grown as needed. */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private static final int OBJECT = 16;
    private static final int REFERENCE = 8;
    private static final int MAP_ENTRY = 40;

    private BsonDocumentType() {
    }

    /**
     * The documents of {@code namespace} (database.collection), in a map of their own name. A file
     * written by the stock store has them Java-serialized under the stock name: they are copied
     * across and that map removed. A crash midway leaves the stock map whole, and the next start
     * copies again over what was copied (the same documents under the same keys).
     */
    static MVMap<Object, Document> openDocuments(MVStore store, String namespace) {
        MVMap<Object, Document> documents = open(store, mapName(namespace));
        String stock = stockMapName(namespace);
        if (store.hasMap(stock)) {
            MVMap<Object, Document> javaSerialized = store.openMap(stock);
            javaSerialized.forEach(documents::put);
            store.removeMap(javaSerialized);
        }
        return documents;
    }

    /** Removes the map, if there is one (the stock database removes only the one under its own name). */
    static void dropDocuments(MVStore store, String namespace) {
        store.removeMap(mapName(namespace));
    }

    /** Renames the map of a renamed collection (the stock database renames only the one under its own name). */
    static void moveDocuments(MVStore store, String fromNamespace, String toNamespace) {
        if (store.hasMap(mapName(fromNamespace))) {
            store.renameMap(open(store, mapName(fromNamespace)), mapName(toNamespace));
        }
    }

    private static MVMap<Object, Document> open(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(INSTANCE));
    }

    private static String stockMapName(String namespace) {
        return "databases." + namespace;
    }

    /** Under the stock prefix, so that dropping a database still removes it. */
    private static String mapName(String namespace) {
        return stockMapName(namespace) + "#bson";
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, encoded);
        buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
        if (encoded.capacity() > 1 << 20) {
            ENCODING.remove(); // one huge document should not pin its buffer to the thread
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // A BSON document starts with its own length, little-endian, the length itself included.
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bytes = buffer.slice();
        bytes.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    @Override
    public int getMemory(Document document) {
        return sizeOf(document);
    }

    /** A rough size on the heap: object headers, references and the characters and bytes held. */
    static int sizeOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 3 * OBJECT + REFERENCE * map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += MAP_ENTRY + sizeOf(entry.getKey()) + sizeOf(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 2 * OBJECT + REFERENCE * list.size();
            for (Object element : list) {
                size += sizeOf(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return 2 * OBJECT + 8 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return OBJECT + bytes.length;
        }
        if (value == null || value instanceof Boolean) {
            return 0;
        }
        return 2 * OBJECT; // a number, an instant, an object id and the like
    }
}
