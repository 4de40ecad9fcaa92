/**
 * The check `simulate` evaluates, from what a person gave: a Toast Check (dollars, as Toast sends
 * it), a Toast loyalty request body or a fixture (unwrapped, and said so), `--items "Classic
 * Burger x2, Fries"` priced from a menu catalogue, or `--total 24.50`. Anything that is not a
 * check is refused with what to give instead, so nothing is ever silently priced at $0.00. Pure:
 * the result is Toast JSON for the one Toast edge normaliser.
 */
import type { RestaurantMenu } from './menus/catalogue.js';
import { closeMatches, normalizeName } from './menus/close-matches.js';

export type CheckReading = { ok: true; check: Record<string, unknown>; note?: string } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const priced = (v: unknown): boolean => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
const dollars = (cents: number): number => Number((cents / 100).toFixed(2));
const WHAT_TO_GIVE = 'give a Toast Check (e.g. rules/examples/checks/burger-and-fries.json), a Toast loyalty request body, --items "Classic Burger x2, Fries" or --total 24.50';

/** A Toast Check, or the check inside a request body or fixture; refused when it is not one. */
export function checkFromJson(json: unknown): CheckReading {
  if (!isObject(json)) return { ok: false, message: `not a Toast check (a JSON object with a selections list): ${WHAT_TO_GIVE}` };
  if ('checkTransactionInformation' in json) {
    const info = json.checkTransactionInformation;
    const type = typeof json.toastTransactionType === 'string' ? json.toastTransactionType : 'loyalty';
    if (!isObject(info) || !isObject(info.check)) return { ok: false, message: `this ${type} request body carries no check (checkTransactionInformation.check): ${WHAT_TO_GIVE}` };
    const inner = checkFromJson(info.check);
    return inner.ok ? { ...inner, note: `read the check inside a Toast ${type} request body (checkTransactionInformation.check)` } : inner;
  }
  if (!('selections' in json) && isObject(json.check)) {
    const inner = checkFromJson(json.check);
    const what = typeof json.name === 'string' ? `fixture "${json.name}"` : 'the object\'s "check"';
    return inner.ok ? { ...inner, note: `read the check of ${what}` } : inner;
  }
  if (!Array.isArray(json.selections)) return { ok: false, message: `not a Toast check: it has no "selections" list; ${WHAT_TO_GIVE}` };
  if (json.selections.length === 0) return { ok: false, message: `the check has no selections, so it would be priced at $0.00; ${WHAT_TO_GIVE}` };
  if (!json.selections.some((s) => isObject(s) && (priced(s.price) || priced(s.preDiscountPrice)))) {
    return { ok: false, message: 'no selection of the check has a "price" or "preDiscountPrice" (dollars), so it would be priced at $0.00' };
  }
  return { ok: true, check: json };
}

interface Wanted { name: string; quantity: number }

function parseItems(spec: string): Wanted[] | string {
  const out: Wanted[] = [];
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.*?)\s*(?:[x×]\s*(\d+))?$/i.exec(part)!;
    const quantity = m[2] === undefined ? 1 : Number(m[2]);
    if (m[1] === '' || quantity < 1 || quantity > 100) return `--items: cannot read "${part}" (write "Classic Burger x2, Fries")`;
    out.push({ name: m[1]!, quantity });
  }
  return out.length ? out : '--items: no items given (write "Classic Burger x2, Fries")';
}

/** `Classic Burger x2, Fries` → a Toast check priced from the location's menu catalogue. */
export function checkFromItems(spec: string, menu: RestaurantMenu): CheckReading {
  const wanted = parseItems(spec);
  if (typeof wanted === 'string') return { ok: false, message: wanted };
  const items = menu.entities.filter((e) => e.kind === 'ITEM');
  const selections: Record<string, unknown>[] = [];
  for (const [i, w] of wanted.entries()) {
    const item = items.find((e) => normalizeName(e.name) === normalizeName(w.name));
    if (!item) {
      const close = closeMatches(w.name, items.map((e) => e.name));
      return { ok: false, message: `--items: no menu item "${w.name}" on the menu of ${menu.restaurantGuid}${close.length ? `; close matches: ${close.map((c) => `"${c}"`).join(', ')}` : ''}` };
    }
    if (item.priceCents === null || item.priceCents === undefined) return { ok: false, message: `--items: "${item.name}" has no base price on the menu (open or size price); use a check file` };
    const lineDollars = dollars(item.priceCents * w.quantity);
    selections.push({
      guid: `simulated-selection-${i + 1}`, displayName: item.name, quantity: w.quantity, preDiscountPrice: lineDollars, price: lineDollars,
      item: { guid: item.guid }, itemGroup: item.groupGuids?.[0] ? { guid: item.groupGuids[0] } : null,
      salesCategory: item.salesCategoryGuid ? { guid: item.salesCategoryGuid } : null, modifiers: [], appliedDiscounts: [], voided: false,
    });
  }
  const amount = dollars(wanted.reduce((sum, w, i) => sum + Math.round((selections[i]!.price as number) * 100), 0));
  return { ok: true, check: { guid: 'simulated-check', amount, selections, appliedDiscounts: [], payments: [] } };
}

/** `--total 24.50`: one line of that amount with no menu item (base points and check rewards only). */
export function checkFromTotal(total: string): CheckReading {
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(total.trim()) || Number(total) <= 0) return { ok: false, message: `--total must be dollars above zero, e.g. 24.50 (got "${total}")` };
  const amount = Number(total);
  return {
    ok: true,
    note: 'one line with no menu item: item rewards and item conditions cannot apply (use --items for those)',
    check: { guid: 'simulated-check', amount, selections: [{ guid: 'simulated-selection-1', displayName: 'Check total', quantity: 1, preDiscountPrice: amount, price: amount, modifiers: [], appliedDiscounts: [], voided: false }], appliedDiscounts: [], payments: [] },
  };
}
