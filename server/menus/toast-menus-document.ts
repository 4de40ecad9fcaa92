/**
 * Toast edge: reads a Toast menus API V2 document (`GET /menus/v2/menus`, or an export of it) into a
 * catalogue. Toast returns every field, mostly unused here; we read only names, GUIDs, prices,
 * sales categories and the modifier maps, and refuse a malformed or partial document with the
 * JSON path of every problem, so nothing half-read is ever imported.
 */
import type { MenuEntity, RestaurantMenu, ValidationError } from '../../rules/index.js';
import { tryDollarsToCents } from '../toast/money.js';

type Json = Record<string, unknown>;

/** Bounds that keep a hostile or broken document from exhausting memory. */
const MAX_ENTITIES = 100_000;
const MAX_NAME = 500;
const MAX_DEPTH = 20;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  readonly errors: ValidationError[] = [];
  private readonly byKey = new Map<string, MenuEntity>();

  fail(path: string, message: string): void {
    if (this.errors.length < 50) this.errors.push({ path, message });
  }

  text(obj: Json, key: string, path: string, max = MAX_NAME): string | null {
    const v = obj[key];
    if (typeof v !== 'string' || v.trim() === '' || v.length > max) {
      this.fail(`${path}/${key}`, `must be a non-empty string of at most ${max} characters`);
      return null;
    }
    return v;
  }

  array(obj: Json, key: string, path: string, optional = false): unknown[] {
    const v = obj[key];
    if (Array.isArray(v)) return v;
    if (!(optional && (v === undefined || v === null))) this.fail(`${path}/${key}`, 'must be an array');
    return [];
  }

  /** Adds or merges an entity (the same item may appear in several menus and groups). */
  add(entity: MenuEntity, path: string): void {
    if (this.byKey.size >= MAX_ENTITIES) { this.fail(path, `more than ${MAX_ENTITIES} menu entities`); return; }
    const key = `${entity.kind}:${entity.guid}`;
    const known = this.byKey.get(key);
    if (!known) { this.byKey.set(key, entity); return; }
    for (const g of entity.groupGuids ?? []) if (!known.groupGuids?.includes(g)) known.groupGuids?.push(g);
  }

  entities(): MenuEntity[] {
    return [...this.byKey.values()];
  }
}

function salesCategory(r: Reader, item: Json, path: string): string | null {
  const sc = item.salesCategory;
  if (sc === undefined || sc === null) return null;
  if (!isObject(sc)) { r.fail(`${path}/salesCategory`, 'must be an object or null'); return null; }
  const guid = r.text(sc, 'guid', `${path}/salesCategory`, 64);
  const name = r.text(sc, 'name', `${path}/salesCategory`);
  if (guid && name) r.add({ kind: 'SALES_CATEGORY', guid, name }, `${path}/salesCategory`);
  return guid;
}

function price(r: Reader, obj: Json, path: string): number | null {
  if (obj.price === undefined || obj.price === null) return null;
  // Toast sends dollars as JSON numbers; converted to cents here, at the edge, once.
  const cents = typeof obj.price === 'number' ? tryDollarsToCents(obj.price) : null;
  if (cents === null) r.fail(`${path}/price`, 'must be a number or null');
  return cents;
}

function readItem(r: Reader, item: unknown, path: string, groupGuid: string | null, modifierGroups: Set<string>): void {
  if (!isObject(item)) { r.fail(path, 'must be an object'); return; }
  const guid = r.text(item, 'guid', path, 64);
  const name = r.text(item, 'name', path);
  const cents = price(r, item, path);
  const category = salesCategory(r, item, path);
  r.array(item, 'modifierGroupReferences', path, true).forEach((ref, i) => {
    if (!modifierGroups.has(String(ref))) r.fail(`${path}/modifierGroupReferences/${i}`, `modifier group reference ${String(ref)} is not in modifierGroupReferences`);
  });
  if (guid && name) r.add({ kind: 'ITEM', guid, name, priceCents: cents, groupGuids: groupGuid ? [groupGuid] : [], salesCategoryGuid: category }, path);
}

function readGroup(r: Reader, group: unknown, path: string, depth: number, modifierGroups: Set<string>): void {
  if (!isObject(group)) { r.fail(path, 'must be an object'); return; }
  if (depth > MAX_DEPTH) { r.fail(path, `menu groups nested deeper than ${MAX_DEPTH}`); return; }
  const guid = r.text(group, 'guid', path, 64);
  const name = r.text(group, 'name', path);
  if (guid && name) r.add({ kind: 'GROUP', guid, name }, path);
  r.array(group, 'menuItems', path).forEach((item, i) => readItem(r, item, `${path}/menuItems/${i}`, guid, modifierGroups));
  r.array(group, 'menuGroups', path, true).forEach((child, i) => readGroup(r, child, `${path}/menuGroups/${i}`, depth + 1, modifierGroups));
}

function readReferenceMap(r: Reader, doc: Json, key: string): Map<string, Json> {
  const map = new Map<string, Json>();
  const v = doc[key];
  if (v === undefined || v === null) return map;
  if (!isObject(v)) { r.fail(`/${key}`, 'must be an object keyed by referenceId'); return map; }
  for (const [ref, entry] of Object.entries(v)) {
    if (isObject(entry)) map.set(ref, entry);
    else r.fail(`/${key}/${ref}`, 'must be an object');
  }
  return map;
}

function readModifiers(r: Reader, groups: Map<string, Json>, options: Map<string, Json>): void {
  for (const [ref, group] of groups) {
    const path = `/modifierGroupReferences/${ref}`;
    const guid = r.text(group, 'guid', path, 64);
    const name = r.text(group, 'name', path);
    if (guid && name) r.add({ kind: 'MODIFIER_GROUP', guid, name }, path);
    r.array(group, 'modifierOptionReferences', path, true).forEach((o, i) => {
      if (!options.has(String(o))) r.fail(`${path}/modifierOptionReferences/${i}`, `modifier option reference ${String(o)} is not in modifierOptionReferences`);
    });
  }
  for (const [ref, option] of options) {
    const path = `/modifierOptionReferences/${ref}`;
    const guid = r.text(option, 'guid', path, 64);
    const name = r.text(option, 'name', path);
    const cents = price(r, option, path);
    const category = salesCategory(r, option, path);
    if (guid && name) r.add({ kind: 'MODIFIER', guid, name, priceCents: cents, salesCategoryGuid: category }, path);
  }
}

export type MenuDocumentResult = { ok: true; menu: RestaurantMenu } | { ok: false; errors: ValidationError[] };

/** Reads a parsed menus document; every problem is reported with its JSON path. */
export function readToastMenusDocument(json: unknown): MenuDocumentResult {
  const r = new Reader();
  if (!isObject(json)) return { ok: false, errors: [{ path: '', message: 'a menus document must be a JSON object (Toast menus API V2 Restaurant)' }] };
  const restaurantGuid = r.text(json, 'restaurantGuid', '', 64);
  const lastUpdated = r.text(json, 'lastUpdated', '', 64);
  const groups = readReferenceMap(r, json, 'modifierGroupReferences');
  const options = readReferenceMap(r, json, 'modifierOptionReferences');
  const groupRefs = new Set(groups.keys());
  const menus = r.array(json, 'menus', '');
  menus.forEach((menu, i) => {
    const path = `/menus/${i}`;
    if (!isObject(menu)) { r.fail(path, 'must be an object'); return; }
    const guid = r.text(menu, 'guid', path, 64);
    const name = r.text(menu, 'name', path);
    if (guid && name) r.add({ kind: 'MENU', guid, name }, path);
    r.array(menu, 'menuGroups', path).forEach((g, j) => readGroup(r, g, `${path}/menuGroups/${j}`, 1, groupRefs));
  });
  readModifiers(r, groups, options);
  if (r.errors.length > 0 || !restaurantGuid || !lastUpdated) return { ok: false, errors: r.errors };
  return { ok: true, menu: { restaurantGuid, lastUpdated, entities: r.entities() } };
}
