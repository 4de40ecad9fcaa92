/**
 * Names for what `simulate` prints: a check line reads as its menu item's catalogue name at the
 * location, else the name the POS sent (`displayName`), else its selection GUID.
 */
import type { NormalizedCheck } from '../engine/types.js';
import type { RestaurantMenu } from '../menus/catalogue.js';

export interface CheckNames {
  /** Selection GUID → what to call the line. */
  lines: Map<string, string>;
  /** Menu item GUID → catalogue name (items and modifier options of the check, when known). */
  items: Record<string, string>;
}

export function checkNames(check: NormalizedCheck, menus: readonly RestaurantMenu[] | undefined, locationGuid: string): CheckNames {
  const menu = menus?.find((m) => m.restaurantGuid === locationGuid);
  const catalogue = new Map((menu?.entities ?? []).filter((e) => e.kind === 'ITEM' || e.kind === 'MODIFIER').map((e) => [e.guid, e.name]));
  const lines = new Map<string, string>();
  const items: Record<string, string> = {};
  for (const line of check.lines) {
    const guids = [line.menuItemGuid, ...line.modifiers.map((m) => m.menuItemGuid)].filter((g): g is string => Boolean(g));
    for (const g of guids) { const name = catalogue.get(g); if (name) items[g] = name; }
    const name = (line.menuItemGuid ? catalogue.get(line.menuItemGuid) : undefined) ?? line.displayName ?? line.selectionGuid;
    lines.set(line.selectionGuid, name);
  }
  return { lines, items };
}
