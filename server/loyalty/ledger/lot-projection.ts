/**
 * PER_LOT expiry's lots as a projection of the ledger on the member document (`lots`,
 * `lotDeficit`, `lotTraces`, `lotsSeq`), so that INQUIRE reads them with the member instead of
 * replaying the member's whole ledger (issue 11 §1).
 *
 * Kept like the balance (ARCHITECTURE §5, no transactions): an append moves the lots forward in
 * the same guarded single-document update that moves `ledgerSeq` (ledger.ts `project`), when the
 * member it read was exactly at the entry's predecessor. Otherwise — a concurrent append, a crash
 * between insert and projection, a member from before the projection (`lotsSeq` null) — the
 * lots catch up from the ledger: the missing entries by exact `(memberId, seq)` probes, or the
 * whole ledger once when nothing was built yet. Every write is guarded by the `lotsSeq` it
 * started from, so two catch-ups never interleave. `ledger:verify` compares the projection with a
 * replay (LOTS_MISMATCH) and `ledger:repair` resets it to be rebuilt.
 */
import type { Types } from 'mongoose';
import type { Models } from '../../store/models/index.js';
import { applyLine, emptyLots, LotEnds, LotQueue, replayLots, type LedgerLine, type Lot, type LotsRead, type LotState, type LotTrace } from '../policy/expiry-lots.js';

/**
 * The member fields of the projection, as read with `.lean()`. `lots` is {@link LotQueue.pack}'s
 * bytes (a BSON Binary), and each trace's `taken` too; an array of `{ earnedAt, points }` (how
 * lots were stored before) is still read. `lotEnds`, `lotCount` and `lotPoints` are
 * {@link LotEnds}: what INQUIRE reads, so that it need not read every lot.
 */
export interface LotFields {
  lots?: unknown;
  lotDeficit?: number | null;
  lotTraces?: unknown;
  lotsSeq?: number | null;
  lotEnds?: unknown;
  lotCount?: number | null;
  lotPoints?: number | null;
}

/** What an append reads to move the lots forward. */
export const lotFieldNames = { lots: 1, lotDeficit: 1, lotTraces: 1, lotsSeq: 1 } as const;

/**
 * A member read that leaves out every lot and trace (16 bytes a lot, growing with a regular
 * guest's visits): for reads that only look at the lots' ends (INQUIRE) or not at all. Such a
 * member is no start for an append ({@link nextLots} refuses it).
 */
export const withoutLotDetail = { lots: 0, lotTraces: 0 } as const;

const lineFields = { _id: 0, seq: 1, kind: 1, delta: 1, sourceKey: 1, createdAt: 1 } as const;

/** The bytes of a stored Binary (as `.lean()` reads it) or Buffer; null for anything else. */
function bytesOf(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  const binary = value as { _bsontype?: string; buffer?: Uint8Array; position?: number } | null;
  if (binary?._bsontype === 'Binary' && binary.buffer instanceof Uint8Array) return binary.buffer.subarray(0, binary.position ?? binary.buffer.byteLength);
  return null;
}

/** Stored lots (packed, or the array of before) as a queue. */
function queueOf(value: unknown): LotQueue {
  const bytes = bytesOf(value);
  if (bytes) return LotQueue.unpack(bytes);
  return Array.isArray(value) ? LotQueue.of(value as Lot[]) : LotQueue.empty();
}

/** The lot state stored on `member`, or null when it was never built. A copy: safe to fold further. */
export function storedLots(member: LotFields): LotState | null {
  if (member.lotsSeq === null || member.lotsSeq === undefined) return null;
  const traces = Array.isArray(member.lotTraces) ? (member.lotTraces as { sourceKey: string; taken: unknown }[]) : [];
  return {
    lots: queueOf(member.lots),
    deficit: member.lotDeficit ?? 0,
    traces: traces.map((t): LotTrace => ({ sourceKey: t.sourceKey, taken: queueOf(t.taken).toArray() })),
  };
}

/** The `$set` of a lot state at `seq`: lots and traces packed (16 bytes a lot), and their ends. */
export function lotsUpdate(state: LotState, seq: number): Record<string, unknown> {
  return {
    lots: state.lots.pack(),
    lotEnds: LotEnds.packOf(state.lots),
    lotCount: state.lots.length,
    lotPoints: state.lots.totalPoints,
    lotDeficit: state.deficit,
    lotTraces: state.traces.map((t) => ({ sourceKey: t.sourceKey, taken: LotQueue.of(t.taken).pack() })),
    lotsSeq: seq,
  };
}

/** The stored ends of the lots, or null when they were not stored (a member projected before them). */
export function storedLotEnds(member: LotFields): LotEnds | null {
  const bytes = bytesOf(member.lotEnds);
  if (!bytes || member.lotsSeq === null || member.lotsSeq === undefined) return null;
  return LotEnds.unpack(bytes, member.lotCount ?? 0, member.lotPoints ?? 0);
}

/** The projection of an empty ledger (a new member: nothing to build later). */
export function emptyLotFields(): Record<string, unknown> {
  return lotsUpdate(emptyLots(), 0);
}

/** `state` (from the member at `seq - 1`) moved over `entry`; null when the member was not there. */
export function nextLots(member: LotFields & { ledgerSeq?: number | null }, entry: LedgerLine & { seq: number }): LotState | null {
  if (member.lotsSeq !== entry.seq - 1 || (member.ledgerSeq ?? 0) !== entry.seq - 1) return null;
  if (member.lots === undefined) return null; // read without the lots (withoutLotDetail)
  const state = storedLots(member);
  return state ? applyLine(state, entry) : null;
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
  const member = await models.Member.findById(memberId, lotFieldNames).lean<LotFields>();
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
  await models.Member.updateOne({ _id: memberId, lotsSeq: stored ? member.lotsSeq : null }, { $set: lotsUpdate(state, seq) });
  return { state, seq };
}

/**
 * The member's lots for INQUIRE: their stored ends when they are at its ledger head (read with
 * the member, nothing more), else all of them caught up from the ledger; `all()` reads all of
 * them, for a question the ends cannot answer.
 */
export function lotsForReading(models: Models, member: LotFields & { _id: Types.ObjectId | string; ledgerSeq?: number | null }): { ends: LotsRead | null; all(): Promise<LotsRead> } {
  const ends = member.lotsSeq === (member.ledgerSeq ?? 0) ? storedLotEnds(member) : null;
  return { ends, all: async () => (await currentLots(models, member._id)).state.lots };
}
