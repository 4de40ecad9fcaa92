import mongoose from 'mongoose';

/**
 * Bounds of one database operation on the request path (config/time-budget.ts): a request
 * whose database is unreachable or stalled fails within these instead of outliving Toast's 5 s.
 */
export interface StoreTimeouts {
  /** How long an operation waits for a reachable server. */
  serverSelectionTimeoutMs: number;
  /** How long the driver waits for an answer on the socket. */
  socketTimeoutMs: number;
  /** Server-side limit attached to every mongoose query (below the socket timeout). */
  maxTimeMs: number;
}

/**
 * Opens the application's MongoDB connection. `bufferCommands: false` makes a query without a
 * connection fail fast instead of waiting for one; `timeouts` bound every operation (the
 * service passes its configured ones; maintenance commands, which scan, may leave them out).
 */
export async function connectStore(uri: string, options: { dbName?: string; timeouts?: StoreTimeouts } = {}): Promise<mongoose.Connection> {
  const t = options.timeouts;
  const conn = mongoose.createConnection(uri, {
    bufferCommands: false,
    serverSelectionTimeoutMS: t?.serverSelectionTimeoutMs ?? 5000,
    // One bounded attempt per operation: a driver retry would run the same bounds again and
    // double the time. Retries happen a level up instead (Toast's, on keyed idempotent effects).
    ...(t ? { socketTimeoutMS: t.socketTimeoutMs, connectTimeoutMS: t.serverSelectionTimeoutMs, retryReads: false, retryWrites: false } : {}),
    maxPoolSize: 50,
    ...(options.dbName ? { dbName: options.dbName } : {}),
  });
  if (t) conn.set('maxTimeMS', t.maxTimeMs);
  await conn.asPromise();
  return conn;
}

/** True when the server answers a ping. */
export async function pingStore(conn: mongoose.Connection): Promise<boolean> {
  if (conn.readyState !== 1 || !conn.db) return false;
  try {
    await conn.db.admin().command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}
