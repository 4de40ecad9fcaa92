/**
 * Import of a Toast menus document (the JSON of `GET /menus/v2/menus`, or an export of it) as a
 * restaurant's catalogue. A malformed or partial document is refused with the JSON path of every
 * problem and nothing is written; the previous catalogue stays active.
 */
import type { ValidationError } from '../../rules/index.js';
import type { Models } from '../store/models/index.js';
import { storeMenu, type StoreOutcome } from './catalogue-store.js';
import { readToastMenusDocument } from './toast-menus-document.js';

export type ImportResult = { ok: true; outcome: StoreOutcome } | { ok: false; errors: ValidationError[] };

export async function importMenuDocument(models: Models, json: unknown, opts: { restaurantGuid: string; source: string; now: Date }): Promise<ImportResult> {
  const read = readToastMenusDocument(json);
  if (!read.ok) return read;
  if (read.menu.restaurantGuid !== opts.restaurantGuid) {
    return { ok: false, errors: [{ path: '/restaurantGuid', message: `is ${read.menu.restaurantGuid}, not the restaurant ${opts.restaurantGuid} being imported` }] };
  }
  return { ok: true, outcome: await storeMenu(models, read.menu, opts.source, opts.now) };
}
