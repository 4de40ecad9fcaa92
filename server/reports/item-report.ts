/**
 * The item report: what loyalty members bought, per menu item, over a day range (optionally one
 * location), from the daily rollups. Names come from each restaurant's menu catalogue as it is
 * today (server/menus/names.ts), else the name the POS printed, else the GUID — and the answer
 * says which, so a program manager knows when a menu import would help.
 */
import { activeProgram } from '../loyalty/programs/program-cache.js';
import { itemNames } from '../menus/names.js';
import type { Models } from '../store/models/index.js';
import type { ItemSale } from './day-figures.js';
import type { ReportQuery } from './daily-report.js';
import { programTimezone } from './report-days.js';

export interface ItemReportLine {
  guid: string;
  name: string;
  /** Where `name` comes from: the restaurant's menu catalogue, the POS line, or neither (the GUID). */
  nameSource: 'MENU' | 'POS' | 'GUID';
  /** Units sold net of reversals and refunds; a decimal for weighed items. */
  quantity: number;
  salesCents: number;
}

export interface ItemReport {
  programId: string;
  timezone: string;
  from: string;
  to: string;
  location: string | null;
  /** Largest sales first. */
  items: ItemReportLine[];
}

export type ItemReportOutcome = { status: 'OK'; report: ItemReport } | { status: 'UNKNOWN_PROGRAM' } | { status: 'UNKNOWN_LOCATION' };

interface Sold { milliUnits: number; salesCents: number; displayName: string | null; locations: Set<string> }

export async function itemReport(models: Models, programId: string, query: ReportQuery): Promise<ItemReportOutcome> {
  const active = await activeProgram(models, programId);
  if (!active) return { status: 'UNKNOWN_PROGRAM' };
  if (query.location !== undefined && !(await models.Location.exists({ _id: query.location, programId }))) return { status: 'UNKNOWN_LOCATION' };
  const filter = { programId, day: { $gte: query.from, $lte: query.to }, location: query.location ?? { $ne: null } };
  const rows = await models.DailyRollup.find(filter, { location: 1, items: 1 }).lean();
  const sold = new Map<string, Sold>();
  for (const row of rows) {
    for (const i of (row.items ?? []) as ItemSale[]) {
      const s = sold.get(i.guid) ?? { milliUnits: 0, salesCents: 0, displayName: null, locations: new Set<string>() };
      s.milliUnits += i.milliUnits;
      s.salesCents += i.salesCents;
      s.displayName = i.displayName ?? s.displayName;
      if (row.location) s.locations.add(row.location);
      sold.set(i.guid, s);
    }
  }
  // One catalogue query per restaurant that sold something; the first catalogue naming a GUID wins.
  const names = new Map<string, string>();
  const restaurants = [...new Set([...sold.values()].flatMap((s) => [...s.locations]))].sort();
  for (const restaurant of restaurants) {
    const wanted = [...sold].filter(([guid, s]) => s.locations.has(restaurant) && !names.has(guid)).map(([guid]) => guid);
    for (const [guid, name] of await itemNames(models, restaurant, wanted)) names.set(guid, name);
  }
  const items = [...sold]
    .filter(([, s]) => s.milliUnits !== 0 || s.salesCents !== 0)
    .map(([guid, s]): ItemReportLine => {
      const menuName = names.get(guid);
      const [name, nameSource] = menuName ? [menuName, 'MENU' as const] : s.displayName ? [s.displayName, 'POS' as const] : [guid, 'GUID' as const];
      return { guid, name, nameSource, quantity: s.milliUnits / 1000, salesCents: s.salesCents };
    })
    .sort((a, b) => b.salesCents - a.salesCents || a.name.localeCompare(b.name));
  return { status: 'OK', report: { programId, timezone: programTimezone(active.program), from: query.from, to: query.to, location: query.location ?? null, items } };
}
