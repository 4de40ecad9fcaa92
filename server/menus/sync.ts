/**
 * Menu sync from Toast: per restaurant, metadata first and the full menus document only when
 * Toast's `lastUpdated` differs from the active catalogue's. Any failure (Toast unreachable,
 * 401, a malformed document) leaves the previous catalogue active and is reported per
 * restaurant; one restaurant's failure does not stop the others.
 */
import type { Models } from '../store/models/index.js';
import { activeCatalogue, storeMenu } from './catalogue-store.js';
import { ToastApiError } from './toast-api-error.js';
import { readToastMenusDocument } from './toast-menus-document.js';
import type { ToastMenusClient } from './toast-client.js';

export type SyncOutcome =
  | { restaurantGuid: string; status: 'unchanged'; lastUpdated: string }
  | { restaurantGuid: string; status: 'updated'; lastUpdated: string; entities: number; previous: string | null }
  | { restaurantGuid: string; status: 'failed'; code: string; message: string };

export async function syncRestaurant(models: Models, client: ToastMenusClient, restaurantGuid: string, now: Date): Promise<SyncOutcome> {
  try {
    const current = await activeCatalogue(models, restaurantGuid);
    const meta = await client.metadata(restaurantGuid);
    if (current && current.lastUpdated === meta.lastUpdated) return { restaurantGuid, status: 'unchanged', lastUpdated: meta.lastUpdated };
    const read = readToastMenusDocument(await client.menus(restaurantGuid));
    if (!read.ok) {
      const detail = read.errors.slice(0, 5).map((e) => `${e.path || '/'} ${e.message}`).join('; ');
      return { restaurantGuid, status: 'failed', code: 'BAD_RESPONSE', message: `Toast returned a malformed menus document (${detail}); previous catalogue kept` };
    }
    if (read.menu.restaurantGuid !== restaurantGuid) {
      return { restaurantGuid, status: 'failed', code: 'BAD_RESPONSE', message: `Toast returned the menus of ${read.menu.restaurantGuid}; previous catalogue kept` };
    }
    const stored = await storeMenu(models, read.menu, 'toast', now);
    return { restaurantGuid, status: 'updated', lastUpdated: stored.lastUpdated, entities: stored.entities, previous: current?.lastUpdated ?? null };
  } catch (err) {
    if (err instanceof ToastApiError) return { restaurantGuid, status: 'failed', code: err.code, message: `${err.message}; previous catalogue kept` };
    throw err;
  }
}

/** Syncs every location of every published program (the `locations` allow-list), one by one. */
export async function syncAllLocations(models: Models, client: ToastMenusClient, now: Date): Promise<SyncOutcome[]> {
  const locations = await models.Location.find({}, { _id: 1 }).sort({ _id: 1 }).lean();
  const outcomes: SyncOutcome[] = [];
  for (const l of locations) outcomes.push(await syncRestaurant(models, client, String(l._id), now));
  return outcomes;
}

/** One line per outcome, for the CLI and logs. */
export function describeSync(o: SyncOutcome): string {
  switch (o.status) {
    case 'unchanged': return `${o.restaurantGuid}  unchanged (lastUpdated ${o.lastUpdated}, not downloaded)`;
    case 'updated': return `${o.restaurantGuid}  updated to lastUpdated ${o.lastUpdated} (${o.entities} menu entities${o.previous ? `, was ${o.previous}` : ''})`;
    case 'failed': return `${o.restaurantGuid}  FAILED ${o.code}: ${o.message}`;
  }
}
