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
 *   redeemed and returned); the traces of the member's last {@link TRACE_LIMIT} redemptions are
 *   kept, so the state stays bounded whatever the history; without a trace it becomes a new lot;
 * - a debit larger than all lots (an accrual reversal into a negative balance) leaves a deficit
 *   that later credits pay off before they form lots.
 * So Σ remaining lots − deficit = the ledger balance after every entry.
 *
 * The state is folded one entry at a time ({@link applyLine}): the ledger keeps it on the member
 * as a projection (ledger/lot-projection.ts), and a replay of the whole ledger gives the same.
 */

/** Redemptions whose lots are remembered for a later reversal (oldest forgotten first). */
export const TRACE_LIMIT = 50;

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

/** What a redemption took from which lots (for its reversal). */
export interface LotTrace {
  sourceKey: string;
  taken: Lot[];
}

/** The lots left after replaying a ledger, oldest first, any unpaid deficit, recent redemptions' traces. */
export interface LotState {
  lots: Lot[];
  deficit: number;
  traces: LotTrace[];
}

/** The state of an empty ledger. */
export function emptyLots(): LotState {
  return { lots: [], deficit: 0, traces: [] };
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
function restore(state: LotState, line: LedgerLine): void {
  const from = state.traces.find((t) => t.sourceKey === line.sourceKey.slice('reverse:'.length))?.taken;
  let left = line.delta;
  for (const part of from ?? []) {
    const points = Math.min(part.points, left);
    if (points > 0) credit(state, { earnedAt: part.earnedAt, points });
    left -= points;
  }
  if (left > 0) credit(state, { earnedAt: line.createdAt, points: left });
}

/** Moves `state` (mutated) over one more ledger entry. */
export function applyLine(state: LotState, line: LedgerLine): LotState {
  if (line.delta > 0 && line.kind === 'REVERSE_REDEEM') restore(state, line);
  else if (line.delta > 0) credit(state, { earnedAt: line.createdAt, points: line.delta });
  else if (line.delta < 0) {
    const taken = consume(state, -line.delta);
    if (line.kind === 'REDEEM') {
      state.traces.push({ sourceKey: line.sourceKey, taken });
      if (state.traces.length > TRACE_LIMIT) state.traces.shift();
    }
  }
  return state;
}

/** Replays `entries` (in ledger `seq` order) into lots. */
export function replayLots(entries: readonly LedgerLine[], from: LotState = emptyLots()): LotState {
  let state = from;
  for (const line of entries) state = applyLine(state, line);
  return state;
}
