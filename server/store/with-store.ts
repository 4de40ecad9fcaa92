/**
 * The shell every store command shares (ledger tools, members, reports, menu, replay and
 * backtest): reads the configuration (MONGODB_URI), connects, builds the models, runs `task` and
 * returns its exit code. Connection problems are printed with the URL tried (without its
 * credentials) and answer 2; never a crash.
 */
import { ConfigError, loadConfig } from '../../config/index.js';
import { safeUrl } from '../logger.js';
import { connectStore } from './connection.js';
import { registerModels, type Models } from './models/index.js';

export async function withStore(task: (models: Models) => Promise<number>): Promise<number> {
  let uri = '';
  try {
    const config = loadConfig();
    uri = config.mongodbUri;
    const conn = await connectStore(uri).catch((err: Error) => {
      throw new Error(`cannot connect to ${safeUrl(uri)}: ${err.message}`);
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
