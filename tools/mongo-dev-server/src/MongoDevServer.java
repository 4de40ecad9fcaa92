import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
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
import java.util.Collection;
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
     * The in-memory backend, with one query-planning fix. mongo-java-server uses a unique index
     * only when a query names exactly that index's fields; a guarded write such as
     * `{_id: x, ledgerSeq: 41}` (Perkwire's optimistic updates) scans the whole collection, so on
     * the dev server a request's cost grew with the data stored. Real MongoDB narrows by the index
     * and filters the rest; so does this backend (same results: only a document whose indexed
     * fields equal the query's can match it).
     */
    static final class NarrowingMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new NarrowingMemoryDatabase(databaseName, getCursorRegistry());
        }
    }

    static final class NarrowingMemoryDatabase extends MemoryDatabase {
        NarrowingMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new NarrowingMemoryCollection(this, collectionName, options, cursorRegistry);
        }
    }

    static final class NarrowingMemoryCollection extends MemoryCollection {
        NarrowingMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        /** A value the query compares by plain equality (not an operator, array, null or pattern). */
        private static boolean plainValue(Object value) {
            return value != null && !(value instanceof Document) && !(value instanceof Collection) && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            for (Index<Integer> index : getIndexes()) {
                if (index.canHandle(query)) return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            for (Index<Integer> index : getIndexes()) {
                if (!index.isUnique()) continue;
                Document pinned = new Document();
                for (IndexKey key : index.getKeys()) {
                    Object value = query.get(key.getKey());
                    if (!plainValue(value)) {
                        pinned = null;
                        break;
                    }
                    pinned.put(key.getKey(), value);
                }
                if (pinned != null && pinned.size() < query.size() && index.canHandle(pinned)) {
                    return matchDocuments(query, index.getPositions(pinned), orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
