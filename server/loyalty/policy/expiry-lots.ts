/**
 * Earned lots of points, replayed from a member's ledger (pure; used by PER_LOT expiry).
 *
 * The model, kept deliberately small:
 * - every credit that is not a redemption reversal (ACCRUE, CLAIM, BONUS, a positive ADJUST) is a
 *   new lot dated at its ledger entry's `createdAt`;
 * - every debit (REDEEM, EXPIRE, REVERSE_ACCRUE, a negative ADJUST) consumes the oldest lots
 *   first (FIFO); what a REDEEM consumed is remembered by its sourceKey;
 * - a REVERSE_REDEEM (`reverse:<redeem sourceKey>`) gives the points back to the lots the
 *   redemption took them from, with their original dates (points do not get younger by being
 *   redeemed and returned); without that trace it becomes a new lot;
 * - a debit larger than all lots (an accrual reversal into a negative balance) leaves a deficit
 *   that later credits pay off before they form lots.
 * So Σ remaining lots − deficit = the ledger balance after every entry.
 */

/** The ledger fields the replay needs. */
export interface LedgerLine {
  kind: string;
  delta: number;
  sourceKey: string;
  createdAt: Date;
}

/** Points still held from one credit, by the time they were earned. */
export interface Lot {
  earnedAt: Date;
  points: number;
}

/** The lots left after replaying a ledger, oldest first, and any unpaid deficit. */
export interface LotState {
  lots: Lot[];
  deficit: number;
}

/** Adds `lot` in date order, merged into a lot of the same instant. */
function insertSorted(lots: Lot[], lot: Lot): void {
  let i = lots.length;
  while (i > 0 && (lots[i - 1] as Lot).earnedAt.getTime() > lot.earnedAt.getTime()) i--;
  const before = lots[i - 1];
  if (before && before.earnedAt.getTime() === lot.earnedAt.getTime()) before.points += lot.points;
  else lots.splice(i, 0, lot);
}

function credit(state: LotState, lot: Lot): void {
  const paid = Math.min(state.deficit, lot.points);
  state.deficit -= paid;
  if (lot.points - paid > 0) insertSorted(state.lots, { earnedAt: lot.earnedAt, points: lot.points - paid });
}

/** Takes `points` from the oldest lots; returns what it took from which lot. */
function consume(state: LotState, points: number): Lot[] {
  const taken: Lot[] = [];
  let left = points;
  while (left > 0 && state.lots.length > 0) {
    const oldest = state.lots[0] as Lot;
    const take = Math.min(oldest.points, left);
    taken.push({ earnedAt: oldest.earnedAt, points: take });
    oldest.points -= take;
    left -= take;
    if (oldest.points === 0) state.lots.shift();
  }
  state.deficit += left;
  return taken;
}

/** Gives a reversed redemption's points back to the lots it came from (see the module comment). */
function restore(state: LotState, line: LedgerLine, consumed: Map<string, Lot[]>): void {
  const from = consumed.get(line.sourceKey.slice('reverse:'.length));
  let left = line.delta;
  for (const part of from ?? []) {
    const points = Math.min(part.points, left);
    if (points > 0) credit(state, { earnedAt: part.earnedAt, points });
    left -= points;
  }
  if (left > 0) credit(state, { earnedAt: line.createdAt, points: left });
}

/** Replays `entries` (in ledger `seq` order) into lots. */
export function replayLots(entries: readonly LedgerLine[]): LotState {
  const state: LotState = { lots: [], deficit: 0 };
  const consumed = new Map<string, Lot[]>();
  for (const line of entries) {
    if (line.delta > 0 && line.kind === 'REVERSE_REDEEM') restore(state, line, consumed);
    else if (line.delta > 0) credit(state, { earnedAt: line.createdAt, points: line.delta });
    else if (line.delta < 0) {
      const taken = consume(state, -line.delta);
      if (line.kind === 'REDEEM') consumed.set(line.sourceKey, taken);
    }
  }
  return state;
}
