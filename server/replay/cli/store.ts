/**
 * The store the replay and backtest commands read: `MONGODB_URI` from the configuration (its
 * default is `npm start`'s local database). Connection problems are printed without the URL's
 * credentials; the command's exit code is returned, never a crash.
 */
import { ConfigError, loadConfig } from '../../../config/index.js';
import { safeUrl } from '../../logger.js';
import { connectStore } from '../../store/connection.js';
import { registerModels, type Models } from '../../store/models/index.js';

export async function withStore(task: (models: Models) => Promise<number>): Promise<number> {
  let uri = '';
  try {
    const config = loadConfig();
    uri = config.mongodbUri;
    const conn = await connectStore(uri);
    try {
      return await task(await registerModels(conn, { memberKeySecret: config.memberKeySecret }));
    } finally {
      await conn.close();
    }
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    else console.error(`error${uri ? ` (store ${safeUrl(uri)})` : ''}: ${(err as Error).message}`);
    return 2;
  }
}
