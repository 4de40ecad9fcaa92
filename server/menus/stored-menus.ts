/**
 * Every stored catalogue, for the rules CLI's `--store` (one connection from MONGODB_URI,
 * closed before returning). Connection problems are an error value, printed without the
 * URL's credentials.
 */
import { loadConfig } from '../../config/index.js';
import type { RestaurantMenu } from '../../rules/index.js';
import { safeUrl } from '../logger.js';
import { connectStore } from '../store/connection.js';
import { registerModels } from '../store/models/index.js';
import { loadMenus } from './catalogue-store.js';

export async function storedMenus(): Promise<{ ok: true; menus: RestaurantMenu[] } | { ok: false; message: string }> {
  let uri = '';
  try {
    const config = loadConfig();
    uri = config.mongodbUri;
    const conn = await connectStore(uri);
    try {
      const models = await registerModels(conn);
      const ids = (await models.MenuCatalogue.find({}, { _id: 1 }).lean()).map((c) => String(c._id));
      return { ok: true, menus: await loadMenus(models, ids) };
    } finally {
      await conn.close();
    }
  } catch (err) {
    return { ok: false, message: `--store: cannot read menu catalogues from ${safeUrl(uri) || 'MONGODB_URI'}: ${(err as Error).message}` };
  }
}
