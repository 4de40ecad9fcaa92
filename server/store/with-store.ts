/**
 * The shell every store command shares (ledger tools, members, reports, menu, replay and
 * backtest): reads the configuration (MONGODB_URI), connects, builds the models, runs `task` and
 * returns its exit code. When the database cannot be reached the operator is told, in one
 * message, the URL tried (without its credentials) and how to start or name the database; the
 * answer is 2, never a crash.
 */
import { ConfigError, loadConfig } from '../../config/index.js';
import { safeUrl } from '../logger.js';
import { connectStore } from './connection.js';
import { registerModels, type Models } from './models/index.js';

/** What to do about an unreachable database at `uri`. */
export function unreachableAdvice(uri: string, env: NodeJS.ProcessEnv = process.env): string {
  const where = env.MONGODB_URI ? 'MONGODB_URI' : 'the default, the local database of npm start';
  return [
    `cannot reach the database at ${safeUrl(uri)} (${where}).`,
    'Start the local one with `npm start`, or alone with `npm run services:start` (it prints the MONGODB_URI to use',
    "when its port is not the default), or set MONGODB_URI to your database's URL.",
  ].join('\n');
}

export async function withStore(task: (models: Models) => Promise<number>): Promise<number> {
  let uri = '';
  try {
    const config = loadConfig();
    uri = config.mongodbUri;
    const conn = await connectStore(uri).catch((err: Error) => {
      throw new Error(`${unreachableAdvice(uri)}\n(${err.message})`);
    });
    try {
      return await task(await registerModels(conn, { memberKeySecret: config.memberKeySecret }));
    } finally {
      await conn.close();
    }
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`);
    return 2;
  }
}
