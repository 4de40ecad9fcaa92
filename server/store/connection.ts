import mongoose from 'mongoose';

/**
 * Opens the application's MongoDB connection. `bufferCommands: false` makes a query without a
 * connection fail fast instead of hanging a Toast request past its 5 s budget.
 */
export async function connectStore(uri: string, options: { dbName?: string } = {}): Promise<mongoose.Connection> {
  const conn = mongoose.createConnection(uri, {
    bufferCommands: false,
    serverSelectionTimeoutMS: 5000,
    maxPoolSize: 50,
    ...(options.dbName ? { dbName: options.dbName } : {}),
  });
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
