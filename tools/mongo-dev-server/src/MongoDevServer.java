import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Local MongoDB-wire-compatible server for development and tests (mongo-java-server).
 *
 * Usage: java -cp 'lib/*' src/MongoDevServer.java --port 27018 [--host 127.0.0.1] [--data ./data/mongo.mv]
 * Without --data the in-memory backend is used; with it, the H2 MVStore file backend, so data
 * survives restarts. Prints "READY mongodb://host:port" once listening; exits 1 on failure.
 */
public final class MongoDevServer {
    /**
     * mongo-java-server 1.47 reports at most wire version 8 (its MONGO_5_0 profile), but the
     * Node.js driver 7.x used by mongoose 9 refuses servers below wire version 9 (MongoDB 4.4).
     * Announcing 4.4 / wire 9 — the lowest version the driver accepts — keeps the driver away
     * from newer protocol features; the compatibility tests in test/integration/store prove
     * every operation Perkwire uses.
     */
    private static final MongoVersion MONGO_4_4 = new MongoVersion() {
        @Override
        public java.util.List<Integer> getVersionArray() {
            return java.util.List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    };

    public static void main(String[] args) {
        String host = "127.0.0.1";
        int port = 27018;
        String dataFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> dataFile = args[++i];
                default -> fail("unknown argument: " + args[i]);
            }
        }
        try {
            MongoBackend backend;
            if (dataFile == null) {
                backend = new NarrowingMemoryBackend();
            } else {
                File file = new File(dataFile).getAbsoluteFile();
                File dir = file.getParentFile();
                if (dir != null && !dir.isDirectory() && !dir.mkdirs()) {
                    fail("cannot create data directory " + dir);
                }
                backend = new H2Backend(file.getPath());
            }
            backend.version(MONGO_4_4);
            MongoServer server = new MongoServer(backend);
            server.bind(new InetSocketAddress(host, port));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.shutdownNow();
                stopped.countDown();
            }));
            System.out.println("READY mongodb://" + host + ":" + port + (dataFile == null ? " (memory)" : " (h2 " + dataFile + ")"));
            System.out.flush();
            stopped.await();
        } catch (Exception e) {
            fail("mongo-dev-server failed to start on " + host + ":" + port + ": " + e);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }

    /**
     * The in-memory backend, with query planning closer to MongoDB's, so that on the dev server a
     * request's cost does not grow with the data stored (as it does not on MongoDB):
     *
     * 1. mongo-java-server uses a unique index only when a query names exactly that index's
     *    fields; a guarded write such as `{_id: x, ledgerSeq: 41}` (Perkwire's optimistic
     *    updates) scanned the whole collection. Here a query that pins a unique index's fields by
     *    equality is narrowed by that index, and the whole query is then matched.
     * 2. mongo-java-server ignores non-unique indexes (it logs "not yet implemented"). Here each
     *    declared non-unique index, and each leading part of a compound unique index (MongoDB
     *    uses an index's prefix: `{restaurantGuid, transactionGuid}` of the request-claim key),
     *    is kept as an equality index, and a query that pins its fields is narrowed by it.
     * 3. An aggregation always started from every document of the collection. Here a pipeline
     *    whose first stage is a `$match` that can be narrowed starts from the narrowed documents.
     *
     * Narrowing only chooses which documents are matched: every answer is the one a scan gives
     * (test/integration/store/compatibility.test.ts).
     */
    static final class NarrowingMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new NarrowingMemoryDatabase(databaseName, getCursorRegistry());
        }
    }

    static final class NarrowingMemoryDatabase extends MemoryDatabase {
        /**
         * Equality indexes declared for collections not opened yet (indexes come with their
         * collection, but be safe). Created on first use: the superclass constructor already
         * opens collections, before this class's fields are initialised.
         */
        private Map<String, List<List<String>>> pendingEqualityIndexes;

        private Map<String, List<List<String>>> pending() {
            if (pendingEqualityIndexes == null) pendingEqualityIndexes = new HashMap<>();
            return pendingEqualityIndexes;
        }

        NarrowingMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            NarrowingMemoryCollection collection = new NarrowingMemoryCollection(this, collectionName, options, cursorRegistry);
            List<List<String>> pending = pending().remove(collectionName);
            if (pending != null) pending.forEach(collection::addEqualityIndex);
            return collection;
        }

        private void addEqualityIndex(String collectionName, List<String> keys) {
            MongoCollection<Integer> collection = resolveCollection(collectionName, false);
            if (collection instanceof NarrowingMemoryCollection narrowing) narrowing.addEqualityIndex(keys);
            else pending().computeIfAbsent(collectionName, k -> new ArrayList<>()).add(keys);
        }

        private static List<String> keyNames(List<IndexKey> keys) {
            return keys.stream().map(IndexKey::getKey).collect(Collectors.toList());
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            addEqualityIndex(collectionName, keyNames(keys));
            return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            List<String> names = keyNames(keys);
            for (int length = 1; length < names.size(); length++) addEqualityIndex(collectionName, names.subList(0, length));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver, Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate")) {
                Document narrowed = narrowedAggregate(query, databaseResolver, oplog);
                if (narrowed != null) return narrowed;
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        /** The aggregate's answer computed from its first `$match`'s narrowed documents; null to run it as given. */
        private Document narrowedAggregate(Document query, DatabaseResolver databaseResolver, Oplog oplog) {
            if (!(query.get("aggregate") instanceof String name) || query.containsKey("explain")) return null;
            if (!(query.get("pipeline") instanceof List<?> rawPipeline) || rawPipeline.isEmpty()) return null;
            List<Document> pipeline = Aggregation.parse(rawPipeline);
            Document first = pipeline.get(0);
            if (first.size() != 1 || !(first.get("$match") instanceof Document match)) return null;
            if (!(resolveCollection(name, false) instanceof NarrowingMemoryCollection collection)) return null;
            if (!collection.canNarrow(match)) return null;
            Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), databaseResolver, this, collection, oplog);
            if (rest.isModifying()) return null;
            rest.validate(query);
            List<Document> documents = rest.runStages(collection.handleQueryAsStream(match));
            Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(name)).append("firstBatch", documents);
            return new Document("cursor", cursor).append("ok", 1.0);
        }
    }

    /** A non-unique index kept for narrowing only: each key value to the positions of its documents, in position order. */
    static final class EqualityIndex {
        final List<String> keys;
        private final Index<Integer> keyReader;
        private final Map<KeyValue, TreeSet<Integer>> positions = new HashMap<>();

        EqualityIndex(List<String> keys) {
            this.keys = List.copyOf(keys);
            // Index's own key extraction (dotted paths, arrays as multikeys), borrowed from an index that holds nothing.
            this.keyReader = new de.bwaldvogel.mongo.backend.EmptyIndex<>("equality", keys.stream().map(k -> new IndexKey(k, true)).collect(Collectors.toList()));
        }

        private Set<KeyValue> keyValues(Document document) {
            return keyReader.getKeyValues(document).stream().map(KeyValue::normalized).collect(Collectors.toSet());
        }

        void add(Document document, int position) {
            add(keyValues(document), position);
        }

        void remove(Document document, int position) {
            remove(keyValues(document), position);
        }

        /** An updated document: its positions move only when its key values changed (most updates leave them). */
        void update(Document oldDocument, Document newDocument, int position) {
            Set<KeyValue> before = keyValues(oldDocument);
            Set<KeyValue> after = keyValues(newDocument);
            if (before.equals(after)) return;
            remove(before, position);
            add(after, position);
        }

        private void add(Set<KeyValue> keyValues, int position) {
            for (KeyValue key : keyValues) positions.computeIfAbsent(key, k -> new TreeSet<>()).add(position);
        }

        private void remove(Set<KeyValue> keyValues, int position) {
            for (KeyValue key : keyValues) {
                TreeSet<Integer> at = positions.get(key);
                if (at == null) continue;
                at.remove(position);
                if (at.isEmpty()) positions.remove(key);
            }
        }

        Iterable<Integer> positionsOf(List<Object> values) {
            TreeSet<Integer> at = positions.get(new KeyValue(values).normalized());
            return at == null ? List.of() : new ArrayList<>(at);
        }
    }

    static final class NarrowingMemoryCollection extends MemoryCollection {
        /** Kept in a field the superclass constructor cannot reach before it is set (it may store documents). */
        private List<EqualityIndex> equalityIndexes = List.of();

        NarrowingMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        synchronized void addEqualityIndex(List<String> keys) {
            if (equalityIndexes.stream().anyMatch(index -> index.keys.equals(keys))) return;
            EqualityIndex index = new EqualityIndex(keys);
            streamAllDocumentsWithPosition().forEach((DocumentWithPosition<Integer> d) -> index.add(d.getDocument(), d.getPosition()));
            List<EqualityIndex> grown = new ArrayList<>(equalityIndexes);
            grown.add(index);
            equalityIndexes = grown;
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            Integer position = super.addDocumentInternal(document);
            for (EqualityIndex index : equalityIndexes) index.add(document, position);
            return position;
        }

        @Override
        protected void removeDocument(Integer position) {
            Document document = getDocument(position);
            for (EqualityIndex index : equalityIndexes) index.remove(document, position);
            super.removeDocument(position);
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            for (EqualityIndex index : equalityIndexes) index.update(oldDocument, newDocument, position);
            super.handleUpdate(position, oldDocument, newDocument);
        }

        /** A value the query compares by plain equality (not an operator, array, null or pattern). */
        private static boolean plainValue(Object value) {
            return value != null && !(value instanceof Document) && !(value instanceof Collection) && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
        }

        /**
         * The value tuples the query allows for `keys`, in key order: each key pinned by plain
         * equality or, for at most one key, by `$in` of plain values (one tuple per value; none
         * for an empty `$in`). Null when a key is not pinned so.
         */
        private static List<List<Object>> pinned(Document query, List<String> keys) {
            List<List<Object>> tuples = new ArrayList<>();
            tuples.add(new ArrayList<>(keys.size()));
            boolean alternatives = false;
            for (String key : keys) {
                Object value = query.get(key);
                if (plainValue(value)) {
                    for (List<Object> tuple : tuples) tuple.add(value);
                    continue;
                }
                Collection<?> in = inValues(value);
                if (in == null || alternatives) return null;
                alternatives = true;
                List<List<Object>> grown = new ArrayList<>(tuples.size() * in.size());
                for (List<Object> tuple : tuples) {
                    for (Object v : in) {
                        List<Object> next = new ArrayList<>(tuple);
                        next.add(v);
                        grown.add(next);
                    }
                }
                tuples = grown;
            }
            return tuples;
        }

        /** The values of `{$in: [...]}` when it is the whole condition and every value is plain; else null. */
        private static Collection<?> inValues(Object condition) {
            if (!(condition instanceof Document document) || document.size() != 1) return null;
            if (!(document.get("$in") instanceof Collection<?> values)) return null;
            for (Object v : values) if (!plainValue(v)) return null;
            return values;
        }

        /** Positions of every lookup, each once, in position order. */
        private static <T> Iterable<Integer> union(List<T> lookups, Function<T, Iterable<Integer>> positionsOf) {
            if (lookups.size() == 1) return positionsOf.apply(lookups.get(0));
            TreeSet<Integer> all = new TreeSet<>();
            for (T lookup : lookups) positionsOf.apply(lookup).forEach(all::add);
            return all;
        }

        /**
         * How the query can be narrowed: the positions of the unique index it pins (with more
         * conditions, or with one key's `$in`), else of the equality index pinning most fields;
         * null when none does. Deciding reads no positions (an aggregation decides first, then queries).
         */
        private synchronized Supplier<Iterable<Integer>> narrowing(Document query) {
            for (Index<Integer> index : getIndexes()) {
                if (!index.isUnique()) continue;
                List<String> keys = index.getKeys().stream().map(IndexKey::getKey).collect(Collectors.toList());
                List<List<Object>> tuples = pinned(query, keys);
                // One exact tuple covering the whole query is the superclass's own index lookup.
                if (tuples == null || (tuples.size() == 1 && keys.size() >= query.size())) continue;
                List<Document> exacts = new ArrayList<>(tuples.size());
                for (List<Object> tuple : tuples) {
                    Document exact = new Document();
                    for (int i = 0; i < keys.size(); i++) exact.put(keys.get(i), tuple.get(i));
                    exacts.add(exact);
                }
                if (!exacts.stream().allMatch(index::canHandle)) continue;
                return () -> union(exacts, index::getPositions);
            }
            EqualityIndex best = null;
            List<List<Object>> bestTuples = null;
            for (EqualityIndex index : equalityIndexes) {
                List<List<Object>> tuples = pinned(query, index.keys);
                if (tuples != null && (best == null || index.keys.size() > best.keys.size())) {
                    best = index;
                    bestTuples = tuples;
                }
            }
            if (best == null) return null;
            EqualityIndex chosen = best;
            List<List<Object>> tuples = bestTuples;
            return () -> union(tuples, chosen::positionsOf);
        }

        synchronized boolean canNarrow(Document query) {
            return narrowing(query) != null;
        }

        @Override
        protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            for (Index<Integer> index : getIndexes()) {
                if (index.canHandle(query)) return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            Supplier<Iterable<Integer>> narrowed = narrowing(query);
            if (narrowed != null) return matchDocuments(query, narrowed.get(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
