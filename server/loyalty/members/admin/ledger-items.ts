/**
 * The menu items behind ledger entries, for operators: an earning entry (ACCRUE, its reversal,
 * a receipt CLAIM) shows what the guest bought on the check; a redemption shows the items the
 * reward discounted (none for a check-level reward). Read from the check the ACCRUE stored
 * (the ledger keeps references, not guest baskets), named by the restaurant's imported Toast
 * menu, else by the POS line's name, else by the GUID. A REDEEM whose check was never paid
 * (so never stored) shows no items.
 */
import { isPurchase } from '../../../../rules/engine/units.js';
import type { NormalizedCheck, NormalizedLine } from '../../../../rules/index.js';
import { itemNames } from '../../../menus/names.js';
import type { Models } from '../../../store/models/index.js';
import type { LedgerEntry } from '../../ledger/ledger.js';

export interface LedgerItem {
  guid: string;
  name: string;
  /** A decimal for weighed items. */
  quantity: number;
}

const EARNING_KINDS = new Set(['ACCRUE', 'REVERSE_ACCRUE', 'CLAIM']);
const REDEMPTION_KINDS = new Set(['REDEEM', 'REVERSE_REDEEM']);

const checkKey = (restaurantGuid: string, checkGuid: string): string => `${restaurantGuid}|${checkGuid}`;

/** The lines an entry is about, or null when the kind names no items. */
function linesOf(e: LedgerEntry, check: NormalizedCheck): NormalizedLine[] | null {
  const purchases = check.lines.filter((l) => isPurchase(l) && l.menuItemGuid);
  if (EARNING_KINDS.has(e.kind)) return purchases;
  if (REDEMPTION_KINDS.has(e.kind)) {
    const rewards = new Set(e.provenance?.ruleIds ?? []);
    return purchases.filter((l) => l.loyaltyDiscounts.some((d) => d.referenceId !== null && rewards.has(d.referenceId)));
  }
  return null;
}

/** Items per entry seq for a page of entries: one accrual query, one catalogue query per restaurant. */
export async function ledgerItems(models: Models, entries: LedgerEntry[]): Promise<Map<number, LedgerItem[]>> {
  const linked = entries.filter((e) => e.refs?.restaurantGuid && e.refs.checkGuid && (EARNING_KINDS.has(e.kind) || REDEMPTION_KINDS.has(e.kind)));
  const out = new Map<number, LedgerItem[]>();
  if (linked.length === 0) return out;
  const pairs = [...new Map(linked.map((e) => [checkKey(e.refs!.restaurantGuid!, e.refs!.checkGuid!), { restaurantGuid: e.refs!.restaurantGuid!, checkGuid: e.refs!.checkGuid! }])).values()];
  const accruals = await models.Accrual.find({ $or: pairs }, { restaurantGuid: 1, checkGuid: 1, check: 1 }).lean();
  const checks = new Map(accruals.map((a) => [checkKey(a.restaurantGuid, a.checkGuid), a.check as NormalizedCheck]));
  const perEntry = new Map<number, { restaurantGuid: string; lines: NormalizedLine[] }>();
  for (const e of linked) {
    const check = checks.get(checkKey(e.refs!.restaurantGuid!, e.refs!.checkGuid!));
    const lines = check ? linesOf(e, check) : null;
    if (lines) perEntry.set(e.seq, { restaurantGuid: e.refs!.restaurantGuid!, lines });
  }
  const byRestaurant = new Map<string, Set<string>>();
  for (const { restaurantGuid, lines } of perEntry.values()) {
    const guids = byRestaurant.get(restaurantGuid) ?? new Set<string>();
    for (const l of lines) guids.add(l.menuItemGuid!);
    byRestaurant.set(restaurantGuid, guids);
  }
  const names = new Map<string, Map<string, string>>();
  for (const [restaurantGuid, guids] of byRestaurant) names.set(restaurantGuid, await itemNames(models, restaurantGuid, guids));
  for (const [seq, { restaurantGuid, lines }] of perEntry) {
    // One line per item: the same burger twice on a check reads "Classic Burger × 2".
    const items = new Map<string, LedgerItem>();
    for (const l of lines) {
      const guid = l.menuItemGuid!;
      const item = items.get(guid) ?? { guid, name: names.get(restaurantGuid)?.get(guid) ?? l.displayName ?? guid, quantity: 0 };
      item.quantity = Math.round((item.quantity + l.quantity) * 1000) / 1000;
      items.set(guid, item);
    }
    out.set(seq, [...items.values()]);
  }
  return out;
}
