/**
 * Menu catalogues in MongoDB, versioned per restaurant and switched atomically without
 * transactions: a new version's entries are inserted under a version id of their own, then the
 * restaurant's pointer document moves to it with one guarded update (`versionId` still what we
 * read). Readers follow the pointer, so they see the old catalogue or the new one, never a mix;
 * a crash before the move leaves the old catalogue active and only unreferenced entries behind.
 *
 * Concurrent imports: each attempt writes a fresh version id, so no import can delete another's
 * entries in flight; the loser of a pointer race re-reads and tries again (last writer wins).
 * The version just replaced stays readable (`previousVersionId`) so a reader that followed the
 * pointer a moment before the switch still reads a whole catalogue; the one before it is
 * deleted at the switch. Entries of attempts that never became active are swept after
 * `ABANDONED_AFTER_MS`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MenuEntity, RestaurantMenu } from '../../rules/index.js';
import type { Models } from '../store/models/index.js';
import { isDuplicateKey } from '../store/duplicate-key.js';

/** An unreferenced version older than this is an abandoned import (imports take seconds). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;
const INSERT_BATCH = 1000;
const MAX_POINTER_ATTEMPTS = 5;

export interface StoreOutcome {
  /** `imported`: now active; `unchanged`: same content as the active version (only lastUpdated moved). */
  status: 'imported' | 'unchanged';
  restaurantGuid: string;
  lastUpdated: string;
  versionId: string;
  entities: number;
}

/** Hash of the entities, independent of their order. */
export function menuContentHash(menu: RestaurantMenu): string {
  const lines = menu.entities.map((e) => JSON.stringify([e.kind, e.guid, e.name, e.priceCents ?? null, [...(e.groupGuids ?? [])].sort(), e.salesCategoryGuid ?? null])).sort();
  return createHash('sha256').update(menu.restaurantGuid).update('\n').update(lines.join('\n')).digest('hex');
}

async function insertEntries(models: Models, versionId: string, menu: RestaurantMenu, now: Date): Promise<void> {
  const docs = menu.entities.map((e) => ({
    _id: `${versionId}:${e.kind}:${e.guid}`, versionId, restaurantGuid: menu.restaurantGuid, kind: e.kind, guid: e.guid, name: e.name,
    priceCents: e.priceCents ?? null, ...(e.groupGuids ? { groupGuids: e.groupGuids } : {}), salesCategoryGuid: e.salesCategoryGuid ?? null, writtenAt: now,
  }));
  // The version id is fresh per attempt, so these inserts never meet an existing entry.
  for (let i = 0; i < docs.length; i += INSERT_BATCH) await models.MenuEntry.insertMany(docs.slice(i, i + INSERT_BATCH));
}

/** Moves the pointer from `expected` (null: none yet) to the new version; false when someone else moved it. */
async function movePointer(models: Models, expected: string | null, fields: Record<string, unknown>, restaurantGuid: string): Promise<boolean> {
  if (expected === null) {
    try {
      await models.MenuCatalogue.create({ _id: restaurantGuid, ...fields });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }
  const r = await models.MenuCatalogue.updateOne({ _id: restaurantGuid, versionId: expected }, { $set: fields });
  return r.modifiedCount === 1;
}

/** Deletes entries of import attempts that never became active and are long past finishing. */
async function sweepAbandoned(models: Models, restaurantGuid: string, now: Date): Promise<void> {
  const pointer = await models.MenuCatalogue.findById(restaurantGuid, { versionId: 1, previousVersionId: 1 }).lean();
  const keep = [pointer?.versionId, pointer?.previousVersionId].filter((v): v is string => Boolean(v));
  await models.MenuEntry.deleteMany({ restaurantGuid, versionId: { $nin: keep }, writtenAt: { $lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } });
}

/** Makes `menu` the restaurant's active catalogue (see the module comment for the guarantees). */
export async function storeMenu(models: Models, menu: RestaurantMenu, source: string, now: Date): Promise<StoreOutcome> {
  const contentHash = menuContentHash(menu);
  const base = { restaurantGuid: menu.restaurantGuid, lastUpdated: menu.lastUpdated, entities: menu.entities.length };
  await sweepAbandoned(models, menu.restaurantGuid, now);
  const versionId = `${contentHash.slice(0, 24)}-${randomBytes(6).toString('hex')}`;
  let written = false;
  for (let attempt = 0; attempt < MAX_POINTER_ATTEMPTS; attempt++) {
    const current = await models.MenuCatalogue.findById(menu.restaurantGuid).lean();
    if (current?.contentHash === contentHash) {
      await models.MenuCatalogue.updateOne({ _id: menu.restaurantGuid, versionId: current.versionId }, { $set: { lastUpdated: menu.lastUpdated, source, importedAt: now } });
      if (written) await models.MenuEntry.deleteMany({ versionId });
      return { status: 'unchanged', ...base, versionId: current.versionId };
    }
    if (!written) { await insertEntries(models, versionId, menu, now); written = true; }
    const fields = { versionId, previousVersionId: current?.versionId ?? null, contentHash, lastUpdated: menu.lastUpdated, source, entities: menu.entities.length, importedAt: now };
    if (await movePointer(models, current?.versionId ?? null, fields, menu.restaurantGuid)) {
      if (current?.previousVersionId) await models.MenuEntry.deleteMany({ versionId: current.previousVersionId });
      return { status: 'imported', ...base, versionId };
    }
  }
  throw new Error(`menu catalogue of ${menu.restaurantGuid} kept changing under ${MAX_POINTER_ATTEMPTS} attempts to switch it`);
}

/** The restaurant's active pointer, or null when it has no catalogue. */
export async function activeCatalogue(models: Models, restaurantGuid: string) {
  return models.MenuCatalogue.findById(restaurantGuid).lean();
}

/**
 * Reads entries of the restaurant's active version. If two switches happen while it reads (the
 * version it followed may then be deleted), it follows the pointer again.
 */
export async function readActive<T>(models: Models, restaurantGuid: string, read: (versionId: string) => Promise<T>): Promise<{ pointer: NonNullable<Awaited<ReturnType<typeof activeCatalogue>>>; value: T } | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const pointer = await activeCatalogue(models, restaurantGuid);
    if (!pointer) return null;
    const value = await read(pointer.versionId);
    const after = await activeCatalogue(models, restaurantGuid);
    // Still active, or the version just replaced (kept whole until the next switch).
    if (after?.versionId === pointer.versionId || after?.previousVersionId === pointer.versionId) return { pointer, value };
  }
  return null;
}

/** The active catalogues of `restaurantGuids` (restaurants without one are left out). */
export async function loadMenus(models: Models, restaurantGuids: readonly string[]): Promise<RestaurantMenu[]> {
  const menus: RestaurantMenu[] = [];
  for (const guid of new Set(restaurantGuids)) {
    const found = await readActive(models, guid, (versionId) => models.MenuEntry.find({ versionId }).lean());
    if (!found) continue;
    const entities: MenuEntity[] = found.value.map((e) => ({
      kind: e.kind as MenuEntity['kind'], guid: e.guid, name: e.name, priceCents: e.priceCents ?? null,
      ...(e.groupGuids ? { groupGuids: e.groupGuids } : {}), salesCategoryGuid: e.salesCategoryGuid ?? null,
    }));
    menus.push({ restaurantGuid: guid, lastUpdated: found.pointer.lastUpdated, entities });
  }
  return menus;
}
