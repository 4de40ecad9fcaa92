/**
 * Menu catalogues for the program-manager CLI, so rule files may name items and output shows
 * names: `--menu a.json[,b.json]` reads exported Toast menus documents (each names its
 * restaurant), `--store` reads every stored catalogue from MONGODB_URI. Without either, names
 * in rule files are errors and GUIDs go unchecked.
 */
// Exported menus documents are Toast data: read by the Toast edge reader, as synced ones are.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readToastMenusDocument } from '../../server/menus/toast-menus-document.js';
import type { RestaurantMenu } from '../menus/catalogue.js';
import { readJsonFile } from '../load.js';

export type CliMenus = { ok: true; menus: RestaurantMenu[] | undefined } | { ok: false; message: string };

async function fromFiles(list: string): Promise<CliMenus> {
  const menus: RestaurantMenu[] = [];
  for (const file of list.split(',').map((f) => f.trim()).filter(Boolean)) {
    const read = await readJsonFile(file);
    if (!read.ok) return { ok: false, message: `--menu ${file}: ${read.message}` };
    const doc = readToastMenusDocument(read.json);
    if (!doc.ok) return { ok: false, message: `--menu ${file} is not a Toast menus document:\n${doc.errors.map((e) => `  ${e.path || '/'} ${e.message}`).join('\n')}` };
    menus.push(doc.menu);
  }
  return { ok: true, menus };
}

export async function cliMenus(flags: Record<string, string | true>): Promise<CliMenus> {
  const menus: RestaurantMenu[] = [];
  if (typeof flags.menu === 'string') {
    const files = await fromFiles(flags.menu);
    if (!files.ok) return files;
    menus.push(...files.menus ?? []);
  }
  if (flags.store === true) {
    // The store reader lives with the server; loaded only when asked so `rules` stays pure.
    const { storedMenus } = await import('../../server/menus/stored-menus.js');
    const stored = await storedMenus();
    if (!stored.ok) return stored;
    menus.push(...stored.menus.filter((m) => !menus.some((f) => f.restaurantGuid === m.restaurantGuid)));
  }
  return { ok: true, menus: flags.menu || flags.store ? menus : undefined };
}

/**
 * The sample menus shipped in rules/programs/menus/ (exported Toast menus documents of the demo
 * and cafe restaurants): what `simulate --items` prices from when neither --menu nor --store is given.
 */
export async function bundledMenus(): Promise<RestaurantMenu[]> {
  const dir = new URL('../programs/menus/', import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort().map((f) => fileURLToPath(new URL(f, dir)));
  const read = await fromFiles(files.join(','));
  return read.ok ? read.menus ?? [] : [];
}
