/**
 * Shared shell of the store maintenance commands (`ledger:verify`, `ledger:repair`): reads the
 * configuration (MONGODB_URI), connects, builds the models, runs `task` and exits with its code.
 * Prints connection problems without the URL's credentials.
 */
import { ConfigError, loadConfig } from '../config/index.js';
import { safeUrl } from '../server/logger.js';
import { connectStore } from '../server/store/connection.js';
import { registerModels, type Models } from '../server/store/models/index.js';

export async function runWithStore(task: (models: Models) => Promise<number>): Promise<never> {
  let code = 2;
  try {
    const config = loadConfig();
    const conn = await connectStore(config.mongodbUri).catch((err: Error) => {
      throw new Error(`cannot connect to ${safeUrl(config.mongodbUri)}: ${err.message}`);
    });
    try {
      code = await task(await registerModels(conn, { memberKeySecret: config.memberKeySecret }));
    } finally {
      await conn.close();
    }
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`);
  }
  process.exit(code);
}
