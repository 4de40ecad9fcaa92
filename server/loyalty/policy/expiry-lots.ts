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
 * A regular guest holds hundreds of unexpired lots: they are packed ({@link LotQueue}, 16 bytes a
 * lot) and kept as a head, middle pages and a tail ({@link LotState}), so that an append or an
 * INQUIRE touches only the oldest and the newest of them.
 */

import { LotQueue, type Lot, type LotsRead } from './lot-queue.js';

/** Redemptions whose lots are remembered for a later reversal (oldest forgotten first). */
export const TRACE_LIMIT = 50;

/** The ledger fields the replay needs. */
export interface LedgerLine {
  kind: string;
  delta: number;
  sourceKey: string;
  createdAt: Date;
}

/** Lots a page of the middle holds; the newest part holds PAGE_LOTS to 2 × PAGE_LOTS once there are pages. */
export const PAGE_LOTS = 128;

/** Thrown when a reader needs a lot of the middle pages, which it did not read. */
export class HiddenLot extends Error {
  constructor(readonly index: number) {
    super(`lot ${index} is in the middle pages, which were not read`);
  }
}

/** Thrown when a debit needs the oldest middle page and it was not read. */
export class PageNotRead extends Error {
  constructor() {
    super('the oldest middle page was not read');
  }
}

/**
 * The middle of the lots, pages of {@link PAGE_LOTS} lots, oldest first. A replay holds all of
 * them ({@link AllPages}); an append reads only the oldest (lot-projection.ts).
 */
export interface LotPages {
  /** Number of pages, lots and points in the middle. */
  readonly count: number;
  readonly lots: number;
  readonly points: number;
  /** Removes and returns the oldest page; throws {@link PageNotRead} when it was not read. */
  takeFirst(): LotQueue;
  /** Adds a page after the newest one. */
  push(page: LotQueue): void;
}

/** Every page, in memory. */
export class AllPages implements LotPages {
  constructor(readonly pages: LotQueue[] = []) {}

  get count(): number {
    return this.pages.length;
  }

  get lots(): number {
    return this.pages.reduce((n, p) => n + p.length, 0);
  }

  get points(): number {
    return this.pages.reduce((n, p) => n + p.totalPoints, 0);
  }

  takeFirst(): LotQueue {
    const first = this.pages.shift();
    if (!first) throw new PageNotRead();
    return first;
  }

  push(page: LotQueue): void {
    this.pages.push(page);
  }
}

/** What a redemption took from which lots (for its reversal). */
export interface LotTrace {
  sourceKey: string;
  taken: Lot[];
}

/**
 * The lots left after replaying a ledger, oldest first — `head`, the middle `pages`, `tail` —
 * any unpaid deficit, and recent redemptions' traces. Debits take from the head (refilled from
 * the oldest page), credits go to the tail (its oldest PAGE_LOTS become a page when it passes
 * 2 × PAGE_LOTS), so an append touches the head or the tail and at most one page, and INQUIRE
 * reads the head and the tail ({@link LotWindow}): what either costs does not grow with the
 * number of lots. A lot given back by a reversed redemption goes to the head (it is older than
 * every page, being taken from the head). Order is by earned instant, save a credit dated
 * before the newest page's lots yet after the head's (an append's clock a moment behind another
 * one's): it joins the head.
 */
export interface LotState {
  head: LotQueue;
  pages: LotPages;
  tail: LotQueue;
  deficit: number;
  traces: LotTrace[];
}

/** The state of an empty ledger. */
export function emptyLots(): LotState {
  return { head: LotQueue.empty(), pages: new AllPages(), tail: LotQueue.empty(), deficit: 0, traces: [] };
}

/** Number and total points of every lot. */
export function lotTotals(state: LotState): { lots: number; points: number } {
  return {
    lots: state.head.length + state.pages.lots + state.tail.length,
    points: state.head.totalPoints + state.pages.points + state.tail.totalPoints,
  };
}

/** Every lot, oldest first (a state with {@link AllPages}). */
export function allLots(state: LotState): LotQueue {
  if (!(state.pages instanceof AllPages)) throw new PageNotRead();
  const all = state.head.copy();
  for (const queue of [...state.pages.pages, state.tail]) for (let i = 0; i < queue.length; i++) all.insertLast(queue.earnedAtMs(i), queue.points(i));
  return all;
}

/**
 * The lots as INQUIRE reads them: the head and the tail, and the middle's number and points.
 * A lot of the middle throws {@link HiddenLot}.
 */
export class LotWindow implements LotsRead {
  readonly length: number;
  readonly totalPoints: number;

  constructor(private readonly head: LotQueue, private readonly tail: LotQueue, middleLots: number, middlePoints: number) {
    this.length = head.length + middleLots + tail.length;
    this.totalPoints = head.totalPoints + middlePoints + tail.totalPoints;
  }

  private at(i: number): [LotQueue, number] {
    if (i < this.head.length) return [this.head, i];
    const inTail = i - (this.length - this.tail.length);
    if (inTail >= 0) return [this.tail, inTail];
    throw new HiddenLot(i);
  }

  earnedAtMs(i: number): number {
    const [queue, k] = this.at(i);
    return queue.earnedAtMs(k);
  }

  points(i: number): number {
    const [queue, k] = this.at(i);
    return queue.points(k);
  }
}

function credit(state: LotState, earnedAtMs: number, points: number): void {
  const paid = Math.min(state.deficit, points);
  state.deficit -= paid;
  const rest = points - paid;
  if (rest <= 0) return;
  const { head, tail, pages } = state;
  const afterHead = head.length === 0 || earnedAtMs > head.earnedAtMs(head.length - 1);
  if ((tail.length > 0 && earnedAtMs >= tail.earnedAtMs(0)) || (pages.count === 0 && afterHead)) tail.insert(earnedAtMs, rest);
  else head.insert(earnedAtMs, rest);
  if (tail.length > 2 * PAGE_LOTS) {
    // The head holds the oldest lots whenever there are pages: an empty one takes the first page.
    const oldest = tail.splitOldest(PAGE_LOTS);
    if (head.length === 0 && pages.count === 0) state.head = oldest;
    else pages.push(oldest);
  }
}

/** Takes `points` from the oldest lots; returns what it took from which lot. */
function consume(state: LotState, points: number): Lot[] {
  const taken: Lot[] = [];
  let left = points;
  for (;;) {
    left = state.head.takeOldest(left, taken);
    // An empty head takes the oldest page, so the head holds the oldest lots whenever there are pages.
    if (state.head.length > 0 || state.pages.count === 0) break;
    state.head = state.pages.takeFirst();
    if (left === 0) break;
  }
  if (left > 0) left = state.tail.takeOldest(left, taken);
  state.deficit += left;
  return taken;
}

/** Gives a reversed redemption's points back to the lots it came from (see the module comment). */
function restore(state: LotState, line: LedgerLine): void {
  const from = state.traces.find((t) => t.sourceKey === line.sourceKey.slice('reverse:'.length))?.taken;
  let left = line.delta;
  for (const part of from ?? []) {
    const points = Math.min(part.points, left);
    if (points > 0) credit(state, new Date(part.earnedAt).getTime(), points);
    left -= points;
  }
  if (left > 0) credit(state, new Date(line.createdAt).getTime(), left);
}

/** Moves `state` (mutated) over one more ledger entry; throws {@link PageNotRead} when it needs a page it lacks. */
export function applyLine(state: LotState, line: LedgerLine): LotState {
  if (line.delta > 0 && line.kind === 'REVERSE_REDEEM') restore(state, line);
  else if (line.delta > 0) credit(state, new Date(line.createdAt).getTime(), line.delta);
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
