/**
 * Menu names in rule files. An item selector entry may be a GUID or `{"name": "Classic Burger"}`
 * (a menu item or modifier option in `menuItems`, a group in `menuGroups`, a sales category in
 * `salesCategories`), and a quantity condition may say `"params": {"name": …}`. Names are
 * resolved against the catalogues of the program's locations when the file is validated or
 * published: the stored program holds GUIDs only, so evaluation never looks a name up.
 *
 * A name resolves to its GUID at every location that has it (enterprise menus usually share
 * GUIDs; independent menus may not). Unknown names and names that mean two different entities
 * at one restaurant are errors, with close matches; GUIDs no location's catalogue knows, and
 * names missing at some locations, are warnings.
 */
import type { ValidationError } from '../engine/types.js';
import { SELECTOR_KINDS, SELECTOR_NOUN, type RestaurantMenu, type SelectorList } from './catalogue.js';
import { closeMatches } from './close-matches.js';
import { MenuIndex } from './menu-index.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Quantity facts whose `params.guid` names a menu entity, and the list it is drawn from. */
const FACT_LISTS: Record<string, SelectorList> = {
  menuItemQuantity: 'menuItems',
  menuGroupQuantity: 'menuGroups',
  salesCategoryQuantity: 'salesCategories',
};

export interface NameResolution {
  /** A copy of the rule file with every resolvable name replaced by GUIDs. */
  json: unknown;
  errors: ValidationError[];
  warnings: ValidationError[];
  /** Paths whose names did not resolve: later checks should not report them again. */
  unresolved: string[];
}

class Resolver {
  readonly errors: ValidationError[] = [];
  readonly warnings: ValidationError[] = [];
  readonly unresolved: string[] = [];

  constructor(private readonly index: MenuIndex | null) {}

  /** GUIDs for one name, or null (with the error recorded). */
  name(list: SelectorList, name: string, path: string): string[] | null {
    const noun = SELECTOR_NOUN[list];
    if (!this.index || this.index.empty) {
      this.fail(path, `${noun} "${name}" cannot be resolved: no menu catalogue for this program's locations (import one with npm run menu, or pass --menu <file>)`);
      return null;
    }
    const hits = this.index.lookup(list, name);
    const ambiguous = hits.find((h) => h.guids.length > 1);
    if (ambiguous) {
      this.fail(path, `ambiguous ${noun} "${name}": ${ambiguous.guids.length} different entries at restaurant ${ambiguous.restaurantGuid} (${ambiguous.guids.join(', ')}); use the GUID`);
      return null;
    }
    const guids = [...new Set(hits.flatMap((h) => h.guids))];
    if (guids.length === 0) {
      const close = closeMatches(name, this.index.namesOf(list));
      this.fail(path, `unknown ${noun} "${name}"${close.length ? `; close matches: ${close.map((c) => `"${c}"`).join(', ')}` : ' (no similar name on any location\'s menu)'}`);
      return null;
    }
    for (const h of hits) if (h.guids.length === 0) this.warnings.push({ path, message: `${noun} "${name}" is not on the menu of restaurant ${h.restaurantGuid}` });
    return guids;
  }

  guid(list: SelectorList, guid: string, path: string): void {
    if (this.index && !this.index.empty && !this.index.knows(list, guid)) {
      this.warnings.push({ path, message: `${SELECTOR_NOUN[list]} GUID "${guid}" is on no location's menu` });
    }
  }

  private fail(path: string, message: string): void {
    this.errors.push({ path, message });
    this.unresolved.push(path);
  }
}

function resolveList(r: Resolver, list: SelectorList, entries: unknown[], path: string): unknown[] {
  const out: unknown[] = [];
  entries.forEach((entry, i) => {
    if (typeof entry === 'string') { r.guid(list, entry, `${path}/${i}`); out.push(entry); return; }
    const guids = isObject(entry) && typeof entry.name === 'string' ? r.name(list, entry.name, `${path}/${i}`) : null;
    out.push(...(guids ?? [entry]));
  });
  return [...new Set(out)];
}

function resolveCondition(r: Resolver, list: SelectorList, node: Json, path: string): void {
  const params = node.params;
  if (!isObject(params)) return;
  if (typeof params.guid === 'string') { r.guid(list, params.guid, `${path}/params/guid`); return; }
  if (typeof params.name !== 'string') return;
  const guids = r.name(list, params.name, `${path}/params/name`);
  if (!guids) { r.unresolved.push(`${path}/params`); return; }
  if (guids.length > 1) {
    r.errors.push({ path: `${path}/params/name`, message: `${SELECTOR_NOUN[list]} "${params.name}" has ${guids.length} different GUIDs across locations (${guids.join(', ')}); a condition needs one: use the GUID` });
    r.unresolved.push(`${path}/params`);
    return;
  }
  node.params = { guid: guids[0] };
}

function walk(r: Resolver, node: unknown, path: string): void {
  if (Array.isArray(node)) { node.forEach((child, i) => walk(r, child, `${path}/${i}`)); return; }
  if (!isObject(node)) return;
  for (const list of Object.keys(SELECTOR_KINDS) as SelectorList[]) {
    const entries = node[list];
    if (Array.isArray(entries)) node[list] = resolveList(r, list, entries, `${path}/${list}`);
  }
  const factList = typeof node.fact === 'string' ? FACT_LISTS[node.fact] : undefined;
  if (factList) resolveCondition(r, factList, node, path);
  for (const [key, child] of Object.entries(node)) {
    // Fixtures are Toast checks: their GUIDs are what a POS sent, not rule references.
    if (path === '' && key === 'fixtures') continue;
    walk(r, child, `${path}/${key}`);
  }
}

/**
 * Resolves names in a schema-valid rule file against `menus` (the catalogues known; those of
 * other restaurants are ignored). Without `menus`, names are errors and GUIDs go unchecked.
 */
export function resolveMenuNames(json: unknown, menus?: readonly RestaurantMenu[]): NameResolution {
  const copy = structuredClone(json) as Json;
  const locations = new Set((Array.isArray(copy.locations) ? copy.locations : []).map((l) => (isObject(l) ? String(l.guid) : '')));
  const index = menus ? new MenuIndex(menus.filter((m) => locations.has(m.restaurantGuid))) : null;
  const r = new Resolver(index);
  if (index?.empty) r.warnings.push({ path: '/locations', message: 'no menu catalogue for any of this program\'s locations: item GUIDs are not checked' });
  walk(r, copy, '');
  return { json: copy, errors: r.errors, warnings: r.warnings, unresolved: r.unresolved };
}
