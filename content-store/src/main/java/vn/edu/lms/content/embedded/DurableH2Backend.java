package vn.edu.lms.content.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * The MVStore backend of the embedded MongoDB server, made to keep its promise: a command that
 * may have changed data is committed to the file before its reply is written to the socket.
 *
 * <p>Left as it is, the backend commits in the background once a second, so an acknowledged
 * write can vanish when the process dies. Here every write command ends with a group commit:
 * writers that finished their change while another thread was committing are covered by the
 * next single commit, so concurrent clients share one file write instead of queueing for one each.
 *
 * <p>Its collections also find a document by key when a filter says more than the key (see
 * {@link KeyedH2Collection}).
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that never change data; everything else is committed before it is answered. */
    private static final Set<String> READ_ONLY_COMMANDS = Set.of(
        "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases",
        "ismaster", "hello", "ping", "buildinfo", "whatsmyuri", "serverstatus", "dbstats",
        "collstats", "getlasterror", "getlog", "getparameter", "hostinfo", "connectionstatus",
        "killcursors", "endsessions", "getcmdlineopts", "explain");

    private final MVStore store;
    private final boolean fsync;
    /**
     * Readers share it, writers take it alone. Replies hold the stored documents themselves, not
     * copies, and an update on another connection changed one while its reply was being encoded
     * (ConcurrentModificationException: the connection dropped and the request hung). Reads copy
     * their reply under the shared lock; commits stay outside it, so writers still share commits.
     */
    private final ReentrantReadWriteLock documents = new ReentrantReadWriteLock();
    private final Object commitLock = new Object();
    private final LongAdder commits = new LongAdder();
    private final LongAdder fullScans = new LongAdder();
    private final AtomicLong writesFinished = new AtomicLong();
    /** Writes with a ticket up to this one are in the file. Guarded by commitLock. */
    private long durableUpTo;

    DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new KeyedDatabase(name, getCursorRegistry());
    }

    /**
     * The stock database, opening {@link KeyedH2Collection}s on the same maps and
     * {@link ValueOrderedUniqueIndex}es. An inner class that reads nothing but the backend's
     * inherited state, on purpose: the stock constructors open the existing databases and
     * collections before any subclass's own fields are set (the reference to the enclosing backend
     * is set before that, and {@code getMvStore()} by then too).
     */
    private final class KeyedDatabase extends H2Database {

        KeyedDatabase(String name, CursorRegistry cursors) {
            super(name, getMvStore(), cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore mvStore = getMvStore();
            return new KeyedH2Collection(this, collectionName, options, BsonDocumentType.openDocuments(mvStore, namespace),
                mvStore.openMap("meta." + namespace), cursorRegistry, DurableH2Backend.this::fullScanSeen);
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            BsonDocumentType.dropDocuments(getMvStore(), getFullCollectionNamespace(collectionName));
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String from = collection.getFullName();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            BsonDocumentType.moveDocuments(getMvStore(), from, getFullCollectionNamespace(newCollectionName));
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return ValueOrderedUniqueIndex.open(getMvStore(), getFullCollectionNamespace(collectionName), indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            ValueOrderedUniqueIndex.drop(getMvStore(), getFullCollectionNamespace(collection.getCollectionName()), indexName);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            return hello(channel, database, query);
        }
        if (READ_ONLY_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            documents.readLock().lock();
            try {
                return super.handleCommand(channel, database, command, query).cloneDeeply();
            } finally {
                documents.readLock().unlock();
            }
        }
        documents.writeLock().lock();
        try {
            return super.handleCommand(channel, database, command, query).cloneDeeply();
        } finally {
            documents.writeLock().unlock();
            // Also after a failed command: part of a batch may have been written before the failure.
            commitDurably();
        }
    }

    /**
     * {@code hello} is the modern name of {@code isMaster} (MongoDB 4.4.2+); Spring Boot's health
     * check sends it. The server only knows the old name, so answer it with the old answer, in the new words.
     */
    private Document hello(Channel channel, String database, Document query) {
        Document reply = super.handleCommand(channel, database, "ismaster", query);
        reply.put("isWritablePrimary", reply.remove("ismaster"));
        return reply;
    }

    /**
     * Makes every change finished before this call durable. Each finished write takes a ticket; a
     * commit covers every ticket handed out before it began, so a writer whose ticket is already
     * covered returns at once, and one commit serves all the writers that queued behind another.
     */
    void commitDurably() {
        long ticket = writesFinished.incrementAndGet();
        synchronized (commitLock) {
            if (durableUpTo >= ticket) {
                return;
            }
            // Every ticket up to here was taken after its write completed, so this commit holds them all.
            long covering = writesFinished.get();
            store.commit();
            if (fsync) {
                store.sync();
            }
            commits.increment();
            durableUpTo = covering;
        }
    }

    /** How many file commits were made: fewer than write commands when writers were grouped. */
    long commitCount() {
        return commits.sum();
    }

    private void fullScanSeen() {
        // Null while the stock constructor reopens the file's collections: those reads are not counted.
        if (fullScans != null) {
            fullScans.increment();
        }
    }

    /** How many queries read a whole collection: the ones no unique key narrowed. */
    long fullScanCount() {
        return fullScans.sum();
    }
}
