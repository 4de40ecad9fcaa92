/**
 * PER_LOT expiry's lots as a projection of the ledger on the member document, so that INQUIRE
 * reads them with the member instead of replaying the member's whole ledger (issue 11 §1).
 *
 * Stored as policy/expiry-lots.ts keeps them: `lotHead` and `lotTail` (packed, 16 bytes a lot),
 * the middle pages `lotPages` (an array of packed pages, never read whole by a request: INQUIRE
 * reads the head and the tail, an append the head and the tail, and a debit that empties the
 * head the oldest page, with `$slice`: one more read per PAGE_LOTS lots spent),
 * `lotCount` / `lotPoints` (every lot), `lotPageCount`, `lotDeficit`, `lotTraces`, `lotsSeq`.
 *
 * Kept like the balance (ARCHITECTURE §5, no transactions): an append moves the lots forward in
 * the same guarded single-document update that moves `ledgerSeq` (ledger.ts `project`), when the
 * member it read was exactly at the entry's predecessor; the pages move by `$pop` / `$push`, so
 * the update carries the head, the tail and at most one page. Otherwise — a concurrent append, a
 * crash between insert and projection, a member from before the projection (`lotsSeq` null) —
 * the lots catch up from the ledger: the missing entries by exact `(memberId, seq)` probes, or
 * the whole ledger once when nothing was built yet. Every write is guarded by the `lotsSeq` it
 * started from, so two catch-ups never interleave. `ledger:verify` compares the projection with a
 * replay (LOTS_MISMATCH) and `ledger:repair` resets it to be rebuilt.
 */
import type { Types } from 'mongoose';
import type { Models } from '../../store/models/index.js';
import {
  AllPages, allLots, applyLine, emptyLots, LotWindow, PageNotRead, replayLots, lotTotals,
  type LedgerLine, type LotPages, type LotState, type LotTrace,
} from '../policy/expiry-lots.js';
import { LotQueue, type Lot, type LotsRead } from '../policy/lot-queue.js';

/** The member fields of the projection, as read with `.lean()` (packed lots read as BSON Binary). */
export interface LotFields {
  lotHead?: unknown;
  lotTail?: unknown;
  lotPages?: unknown;
  lotCount?: number | null;
  lotPoints?: number | null;
  lotPageCount?: number | null;
  lotDeficit?: number | null;
  lotTraces?: unknown;
  lotsSeq?: number | null;
}

/** The fields the lots' head and tail are read from ({@link lotsForReading}): no pages, no traces. */
export const lotWindowFieldNames = {
  lotHead: 1, lotTail: 1, lotCount: 1, lotPoints: 1, lotPageCount: 1, lotDeficit: 1, lotsSeq: 1,
} as const;

/** What an append reads to move the lots forward: all but the middle pages. */
export const lotFieldNames = { ...lotWindowFieldNames, lotTraces: 1 } as const;

/** Every field of the projection (a catch-up, ledger:verify). */
export const allLotFieldNames = { ...lotFieldNames, lotPages: 1 } as const;

/**
 * The oldest middle page, for a debit that empties the head ({@link nextLots} 'page'): read
 * apart, and only when there are pages (the dev server's `$slice` fails on a missing field).
 */
export async function withOldestPage<M extends LotFields>(models: Models, memberId: Types.ObjectId | string, member: M): Promise<M | null> {
  const read = await models.Member.findById(memberId, { lotPages: { $slice: 1 }, lotsSeq: 1 }).lean<LotFields>();
  return read && read.lotsSeq === member.lotsSeq ? { ...member, lotPages: read.lotPages } : null;
}

/** Member reads leave out the middle pages (what grows with a regular guest's visits). */
export const withoutLotPages = { lotPages: 0 } as const;

/** INQUIRE's member read: without the middle pages and the redemptions' traces. */
export const withoutLotDetail = { lotPages: 0, lotTraces: 0 } as const;

const lineFields = { _id: 0, seq: 1, kind: 1, delta: 1, sourceKey: 1, createdAt: 1 } as const;

/** The bytes of a stored Binary (as `.lean()` reads it) or Buffer; null for anything else. */
function bytesOf(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  const binary = value as { _bsontype?: string; buffer?: Uint8Array; position?: number } | null;
  if (binary?._bsontype === 'Binary' && binary.buffer instanceof Uint8Array) return binary.buffer.subarray(0, binary.position ?? binary.buffer.byteLength);
  return null;
}

function queueOf(value: unknown): LotQueue {
  const bytes = bytesOf(value);
  return bytes ? LotQueue.unpack(bytes) : LotQueue.empty();
}

/**
 * The middle pages as an append read them: their number, lots and points, and the oldest page
 * when it was read; what the append took and added, for its update.
 */
class ReadPages implements LotPages {
  popped = 0;
  readonly pushed: LotQueue[] = [];

  constructor(public count: number, public lots: number, public points: number, private oldest: LotQueue | null) {}

  takeFirst(): LotQueue {
    const page = this.oldest;
    if (!page || this.popped > 0) throw new PageNotRead();
    this.popped++;
    this.oldest = null;
    this.count--;
    this.lots -= page.length;
    this.points -= page.totalPoints;
    return page;
  }

  push(page: LotQueue): void {
    this.pushed.push(page);
    this.count++;
    this.lots += page.length;
    this.points += page.totalPoints;
  }
}

/** True when the member was read with the projection, in its present form. */
function built(member: LotFields): boolean {
  return member.lotsSeq !== null && member.lotsSeq !== undefined && member.lotHead !== undefined;
}

/**
 * A redemption's trace as stored: its lots are decoded only when a reversal reads them, and
 * written back as they were read (a trace never changes), so an append does not decode and
 * re-encode the member's 50 traces.
 */
class StoredTrace implements LotTrace {
  private decoded: Lot[] | null = null;

  constructor(readonly sourceKey: string, readonly packed: Uint8Array) {}

  get taken(): Lot[] {
    this.decoded ??= LotQueue.unpack(this.packed).toArray();
    return this.decoded;
  }
}

function tracesOf(member: LotFields): LotTrace[] {
  const traces = Array.isArray(member.lotTraces) ? (member.lotTraces as { sourceKey: string; taken: unknown }[]) : [];
  return traces.map((t): LotTrace => new StoredTrace(t.sourceKey, bytesOf(t.taken) ?? LotQueue.empty().pack()));
}

/**
 * The lot state stored on `member` — with {@link AllPages} when every page was read, else with
 * the pages it read (none, or the oldest: {@link withOldestPage}) — or null when it was never
 * built. A copy: safe to fold further.
 */
export function storedLots(member: LotFields): LotState | null {
  if (!built(member)) return null;
  const head = queueOf(member.lotHead);
  const tail = queueOf(member.lotTail);
  const pageCount = member.lotPageCount ?? 0;
  const read = Array.isArray(member.lotPages) ? member.lotPages.map(queueOf) : [];
  let pages: LotPages;
  if (read.length === pageCount) pages = new AllPages(read);
  else {
    const lots = (member.lotCount ?? 0) - head.length - tail.length;
    const points = (member.lotPoints ?? 0) - head.totalPoints - tail.totalPoints;
    pages = new ReadPages(pageCount, lots, points, read[0] ?? null);
  }
  return { head, pages, tail, deficit: member.lotDeficit ?? 0, traces: tracesOf(member) };
}

function packedTraces(state: LotState): { sourceKey: string; taken: Uint8Array }[] {
  return state.traces.map((t) => ({ sourceKey: t.sourceKey, taken: t instanceof StoredTrace ? t.packed : LotQueue.of(t.taken).pack() }));
}

/** The fields of `state` at `seq` but its pages. */
function setOf(state: LotState, seq: number): Record<string, unknown> {
  const totals = lotTotals(state);
  return {
    lotHead: state.head.pack(), lotTail: state.tail.pack(), lotCount: totals.lots, lotPoints: totals.points, lotPageCount: state.pages.count,
    lotDeficit: state.deficit, lotTraces: packedTraces(state), lotsSeq: seq,
  };
}

/** The update writing a whole lot state (every page) at `seq`. */
export function lotsUpdate(state: LotState, seq: number): { $set: Record<string, unknown> } {
  if (!(state.pages instanceof AllPages)) throw new PageNotRead();
  return { $set: { ...setOf(state, seq), lotPages: state.pages.pages.map((p) => p.pack()) } };
}

/** The projection of an empty ledger (a new member: nothing to build later). */
export function emptyLotFields(): Record<string, unknown> {
  return lotsUpdate(emptyLots(), 0).$set;
}

/** An append's move of the lots: the fields it sets, and the page it takes or adds. */
export interface LotStep {
  $set: Record<string, unknown>;
  $pop?: { lotPages: -1 };
  $push?: { lotPages: { $each: Buffer[] } };
}

/**
 * The lots of `member` (read at `seq - 1`) moved over `entry`, as an update; null when the member
 * was not there or was read without the lots; 'page' when the entry needs the oldest middle
 * page and the member was read without it (read it with {@link withOldestPage} and ask again).
 */
export function nextLots(member: LotFields & { ledgerSeq?: number | null }, entry: LedgerLine & { seq: number }): LotStep | 'page' | null {
  if (member.lotsSeq !== entry.seq - 1 || (member.ledgerSeq ?? 0) !== entry.seq - 1) return null;
  if (member.lotTraces === undefined) return null; // read without the lot detail (INQUIRE's read)
  const state = storedLots(member);
  if (!state) return null;
  try {
    applyLine(state, entry);
  } catch (err) {
    if (err instanceof PageNotRead) return 'page';
    throw err;
  }
  const step: LotStep = { $set: setOf(state, entry.seq) };
  if (state.pages instanceof AllPages) {
    step.$set.lotPages = state.pages.pages.map((p) => p.pack());
    return step;
  }
  const moved = state.pages as ReadPages;
  if (moved.popped > 0 && moved.pushed.length > 0) return null; // not one entry's move: catch up instead
  if (moved.popped > 0) step.$pop = { lotPages: -1 };
  if (moved.pushed.length > 0) step.$push = { lotPages: { $each: moved.pushed.map((p) => p.pack()) } };
  return step;
}

/** The entries after `seq`, by exact unique-key probes (cheap on every store). */
async function entriesAfter(models: Models, memberId: Types.ObjectId | string, seq: number): Promise<(LedgerLine & { seq: number })[]> {
  const out: (LedgerLine & { seq: number })[] = [];
  for (;;) {
    const next = await models.LedgerEntry.findOne({ memberId, seq: seq + out.length + 1 }, lineFields).lean<LedgerLine & { seq: number }>();
    if (!next) return out;
    out.push(next);
  }
}

/**
 * Brings the member's lots up to its ledger head and returns them (and the seq they are at).
 * Reads nothing but the member when the projection is already current. The write is guarded by
 * the `lotsSeq` read: when another catch-up or an append moved the lots first, this one's
 * result is still a correct view at its seq, and the projection is left to the one that moved
 * it (a reader catches up whatever is left).
 */
export async function currentLots(models: Models, memberId: Types.ObjectId | string): Promise<{ state: LotState; seq: number }> {
  const member = await models.Member.findById(memberId, allLotFieldNames).lean<LotFields>();
  if (!member) return { state: emptyLots(), seq: 0 };
  const stored = storedLots(member);
  let state: LotState;
  let seq: number;
  if (stored) {
    const later = await entriesAfter(models, memberId, member.lotsSeq ?? 0);
    if (later.length === 0) return { state: stored, seq: member.lotsSeq ?? 0 };
    state = replayLots(later, stored);
    seq = later[later.length - 1]?.seq ?? 0;
  } else {
    // Built once from the whole ledger (a member from before the projection).
    const all = await models.LedgerEntry.find({ memberId }, lineFields).sort({ seq: 1 }).lean<(LedgerLine & { seq: number })[]>();
    state = replayLots(all);
    seq = all[all.length - 1]?.seq ?? 0;
  }
  await models.Member.updateOne({ _id: memberId, lotsSeq: member.lotsSeq ?? null }, lotsUpdate(state, seq));
  return { state, seq };
}

/**
 * The member's lots for INQUIRE, from a member read {@link withoutLotDetail}: the head and the
 * tail when they are at its ledger head (nothing more is read), else none; `all()` reads all of
 * them (caught up from the ledger), for a question the head and the tail cannot answer.
 */
export function lotsForReading(models: Models, member: LotFields & { _id: Types.ObjectId | string; ledgerSeq?: number | null }): { window: LotsRead | null; all(): Promise<LotsRead> } {
  const window = member.lotsSeq === (member.ledgerSeq ?? 0) ? windowOf(member) : null;
  return { window, all: async () => allLots((await currentLots(models, member._id)).state) };
}

function windowOf(member: LotFields): LotWindow | null {
  const stored = storedLots(member);
  return stored && new LotWindow(stored.head, stored.tail, stored.pages.lots, stored.pages.points);
}
