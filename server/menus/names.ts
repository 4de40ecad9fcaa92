/**
 * Names for GUIDs, for anything that shows menu references to people (reports, ledger
 * provenance, simulations): the restaurant's active catalogue, one query per call.
 */
import type { MenuEntityKind } from '../../rules/index.js';
import type { Models } from '../store/models/index.js';
import { readActive } from './catalogue-store.js';

const ITEM_KINDS: MenuEntityKind[] = ['ITEM', 'MODIFIER'];

async function namesOf(models: Models, restaurantGuid: string, guids: Iterable<string>, kinds: MenuEntityKind[] | null): Promise<Map<string, string>> {
  const wanted = [...new Set(guids)];
  const names = new Map<string, string>();
  if (wanted.length === 0) return names;
  const found = await readActive(models, restaurantGuid, (versionId) => models.MenuEntry.find(
    { versionId, guid: { $in: wanted }, ...(kinds ? { kind: { $in: kinds } } : {}) }, { guid: 1, name: 1, kind: 1 },
  ).lean());
  // Items first, so a GUID that is both an item and a modifier option reads as the item.
  const entries = (found?.value ?? []).sort((a, b) => Number(b.kind === 'ITEM') - Number(a.kind === 'ITEM'));
  for (const e of entries) if (!names.has(e.guid)) names.set(e.guid, e.name);
  return names;
}

/**
 * Menu item (and modifier option) names by GUID at one restaurant. GUIDs the catalogue does
 * not know are absent from the map: show the GUID for those.
 */
export function itemNames(models: Models, restaurantGuid: string, guids: Iterable<string>): Promise<Map<string, string>> {
  return namesOf(models, restaurantGuid, guids, ITEM_KINDS);
}

/** Names of any menu entity (items, groups, sales categories, menus, modifier groups) by GUID. */
export function menuEntityNames(models: Models, restaurantGuid: string, guids: Iterable<string>): Promise<Map<string, string>> {
  return namesOf(models, restaurantGuid, guids, null);
}
