/**
 * The figures of one program day, per location, computed from the source collections: ledger
 * entries, accruals, reward redemptions and members written during the day. Every event counts
 * on the day it was recorded, so a day's figures never change once the day is over (a reversal
 * is a negative figure on the day of the reversal) and their sum over any range equals the
 * ledger's movements in that range.
 */
import type { NormalizedCheck } from '../../rules/index.js';
import { isRefund, milliUnits, signedNetCents } from '../../rules/engine/units.js';
import type { LedgerKind } from '../store/models/ledger-entry.js';
import type { Models } from '../store/models/index.js';

/** Figures of one (day, location); points are signed so that earned − redeemed − expired + adjusted = Σ ledger delta. */
export interface DayFigures {
  location: string | null;
  /** Paid checks credited to a member, net of checks reversed this day. */
  loyaltyChecks: number;
  /** Sales (check amount after discounts, before tax and tips) of those checks, net of reversals. */
  salesCents: number;
  /** Loyalty discounts given (rewards redeemed), net of reversed redemptions. */
  discountCents: number;
  /** ACCRUE, CLAIM and BONUS points, net of accrual reversals. */
  pointsEarned: number;
  /** Points spent on rewards, net of redemption reversals. */
  pointsRedeemed: number;
  pointsExpired: number;
  /** Signed sum of operator adjustments. */
  pointsAdjusted: number;
  rewardUses: { rewardId: string; uses: number; discountCents: number }[];
  /** Menu items sold on those checks, net of reversals (a refund line counts negative). */
  items: ItemSale[];
  newMembers: number;
}

/** One menu item's sales on loyalty checks. Names are resolved when a report is read (the catalogue may change). */
export interface ItemSale {
  /** Toast menu item GUID. */
  guid: string;
  /** The POS's name on the last line counted: shown when the catalogue does not know the GUID. */
  displayName: string | null;
  /** Thousandths of a unit (weighed items stay integers): 2 burgers = 2000, 1.25 LB = 1250. */
  milliUnits: number;
  /** Net of item and check discounts, as the line counts in what was due. */
  salesCents: number;
}

type PointsColumn = 'pointsEarned' | 'pointsRedeemed' | 'pointsExpired' | 'pointsAdjusted';

/** Where each ledger kind is counted, and with which sign (a new kind fails to compile here). */
export const ledgerColumns: Record<LedgerKind, { column: PointsColumn; sign: 1 | -1 }> = {
  ACCRUE: { column: 'pointsEarned', sign: 1 },
  CLAIM: { column: 'pointsEarned', sign: 1 },
  BONUS: { column: 'pointsEarned', sign: 1 },
  REVERSE_ACCRUE: { column: 'pointsEarned', sign: 1 },
  REDEEM: { column: 'pointsRedeemed', sign: -1 },
  REVERSE_REDEEM: { column: 'pointsRedeemed', sign: -1 },
  EXPIRE: { column: 'pointsExpired', sign: -1 },
  ADJUST: { column: 'pointsAdjusted', sign: 1 },
};

/** What a check sold: Toast's check amount, else the sum of its line nets. */
export function checkSalesCents(check: NormalizedCheck): number {
  return check.amountCents ?? check.lines.reduce((s, l) => s + (l.voided ? 0 : l.netCents), 0);
}

function emptyFigures(location: string | null): DayFigures {
  return {
    location, loyaltyChecks: 0, salesCents: 0, discountCents: 0,
    pointsEarned: 0, pointsRedeemed: 0, pointsExpired: 0, pointsAdjusted: 0, rewardUses: [], items: [], newMembers: 0,
  };
}

class DayTable {
  private readonly rows = new Map<string | null, DayFigures>();
  at(location: string | null | undefined): DayFigures {
    const key = location ?? null;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = emptyFigures(key)));
    return row;
  }
  useReward(location: string | null | undefined, rewardId: string, uses: number, cents: number): void {
    const row = this.at(location);
    let use = row.rewardUses.find((u) => u.rewardId === rewardId);
    if (!use) row.rewardUses.push((use = { rewardId, uses: 0, discountCents: 0 }));
    use.uses += uses;
    use.discountCents += cents;
    row.discountCents += cents;
  }
  /** Adds (sign 1) or takes back (sign -1, a reversed check) the menu items of a check. */
  sellItems(location: string | null | undefined, check: NormalizedCheck, sign: 1 | -1): void {
    const row = this.at(location);
    for (const line of check.lines) {
      if (line.voided || !line.menuItemGuid) continue;
      let sale = row.items.find((i) => i.guid === line.menuItemGuid);
      if (!sale) row.items.push((sale = { guid: line.menuItemGuid, displayName: null, milliUnits: 0, salesCents: 0 }));
      sale.displayName = line.displayName ?? sale.displayName;
      sale.milliUnits += sign * (isRefund(line) ? -milliUnits(line) : milliUnits(line));
      sale.salesCents += sign * signedNetCents(line);
    }
  }
  all(): DayFigures[] {
    return [...this.rows.values()].map((r) => ({
      ...r,
      rewardUses: r.rewardUses.filter((u) => u.uses !== 0 || u.discountCents !== 0).sort((a, b) => a.rewardId.localeCompare(b.rewardId)),
      items: r.items.filter((i) => i.milliUnits !== 0 || i.salesCents !== 0).sort((a, b) => a.guid.localeCompare(b.guid)),
    }));
  }
}

/** The figures of `programId` for the instants [start, end), one row per location with activity. */
export async function computeDayFigures(models: Models, programId: string, start: Date, end: Date): Promise<DayFigures[]> {
  const during = { $gte: start, $lt: end };
  const table = new DayTable();
  const [entries, posted, reversed, redeemed, unredeemed, newMembers] = await Promise.all([
    models.LedgerEntry.find({ programId, createdAt: during }, { kind: 1, delta: 1, refs: 1 }).lean(),
    models.Accrual.find({ programId, postedAt: during, memberId: { $ne: null } }, { restaurantGuid: 1, check: 1 }).lean(),
    models.Accrual.find({ programId, reversedAt: during, memberId: { $ne: null }, postedAt: { $ne: null } }, { restaurantGuid: 1, check: 1 }).lean(),
    models.RewardRedemption.find({ programId, redeemedAt: during }, { restaurantGuid: 1, rewardId: 1, quantity: 1, amountCents: 1 }).lean(),
    models.RewardRedemption.find({ programId, reversedAt: during }, { restaurantGuid: 1, rewardId: 1, quantity: 1, amountCents: 1 }).lean(),
    models.Member.countDocuments({ programId, createdAt: during }),
  ]);
  for (const e of entries) {
    const { column, sign } = ledgerColumns[e.kind];
    table.at(e.refs?.restaurantGuid)[column] += sign * e.delta;
  }
  for (const [accruals, sign] of [[posted, 1], [reversed, -1]] as const) {
    for (const a of accruals) {
      const row = table.at(a.restaurantGuid);
      row.loyaltyChecks += sign;
      row.salesCents += sign * checkSalesCents(a.check as NormalizedCheck);
      table.sellItems(a.restaurantGuid, a.check as NormalizedCheck, sign);
    }
  }
  for (const r of redeemed) table.useReward(r.restaurantGuid, r.rewardId, r.quantity, r.amountCents);
  for (const r of unredeemed) table.useReward(r.restaurantGuid, r.rewardId, -r.quantity, -r.amountCents);
  if (newMembers > 0) table.at(null).newMembers = newMembers;
  return table.all();
}
