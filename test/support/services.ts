import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';

/**
 * URLs of the real services the integration tests use. `npm test` (scripts/test.sh) starts
 * the local MongoDB-compatible server and Redis and exports these; running mocha by hand
 * needs `eval "$(bash scripts/services.sh start --profile test)"` first.
 */
export function serviceUrls(): { mongodbUri: string; redisUrl: string } {
  const mongodbUri = process.env.MONGODB_URI;
  const redisUrl = process.env.REDIS_URL;
  if (!mongodbUri || !redisUrl) {
    throw new Error('MONGODB_URI and REDIS_URL must be set: run `npm test`, or eval "$(bash scripts/services.sh start --profile test)"');
  }
  return { mongodbUri, redisUrl };
}

/** A database name no other test uses. */
export function uniqueDbName(prefix = 't'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** A fresh mongoose connection to a database of its own; drop it with `dropTestDb`. */
export async function connectTestDb(prefix?: string, options: { monitorCommands?: boolean } = {}): Promise<mongoose.Connection> {
  const { mongodbUri } = serviceUrls();
  const conn = mongoose.createConnection(mongodbUri, { dbName: uniqueDbName(prefix), bufferCommands: false, monitorCommands: options.monitorCommands === true });
  await conn.asPromise();
  return conn;
}

export async function dropTestDb(conn: mongoose.Connection): Promise<void> {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
}
