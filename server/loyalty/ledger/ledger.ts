/**
 * The points ledger: append-only entries per member, each one atomic insert.
 *
 * Concurrency (ARCHITECTURE §5): start from the member projection (seq, balance; usually the
 * member the request already read), decide, insert `{seq: head + 1}` under the unique indexes
 * (memberId, seq) and (memberId, sourceKey). A duplicate sourceKey means this effect was already
 * applied: return the earlier entry. A duplicate seq means another writer won the race or the
 * projection lagged: reload the head from the ledger itself and decide again; a refusal
 * (INSUFFICIENT) is only ever decided on that authoritative head. The member's `pointsBalance`
 * and PER_LOT lots (lot-projection.ts) are then moved forward with a guarded update; if the
 * process dies in between, `readBalance` and the lot catch-up repair them from the ledger.
 */
import { Types } from 'mongoose';
import type { LedgerEntryDoc, LedgerKind } from '../../store/models/ledger-entry.js';
import type { Models } from '../../store/models/index.js';
import { activityKinds } from '../policy/expiry.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';
import { insertShaped } from '../../store/insert-shaped.js';
import { findOneInBatch, timeLimitOf } from '../../store/read-batch.js';
import { currentLots, lotFieldNames, nextLots, withOldestPage, type LotFields } from './lot-projection.js';

export type { LedgerKind } from '../../store/models/ledger-entry.js';

/** What a debit may do to the balance. */
export type BalanceFloor =
  /** Refuse the entry when the balance would go below zero (redemptions, invariant 2). */
  | 'REJECT_BELOW_ZERO'
  /** Take back at most what is left (accrual reversal, clamp policy). */
  | 'CLAMP_AT_ZERO'
  /** Record the full delta, even into a negative balance (accrual reversal, negative policy). */
  | 'ALLOW_NEGATIVE';

export interface AppendRequest {
  programId: string;
  memberId: Types.ObjectId | string;
  /** Integer points; negative for debits. */
  delta: number;
  kind: LedgerKind;
  /** Identity of the side effect; unique per member (invariant 3). */
  sourceKey: string;
  floor: BalanceFloor;
  refs?: { restaurantGuid?: string | null; transactionGuid?: string | null; checkGuid?: string | null; appliedDiscountGuids?: string[] };
  provenance?: { ruleIds?: string[]; ruleSetVersion?: string | null };
  /** Why the entry was made when no Toast request asked for it directly (e.g. `DISCOUNT_GONE_AT_ACCRUE`). */
  cause?: string;
  /** ADJUST: the operator's reason and key fingerprint. */
  note?: { reason: string; by: string };
}

export type LedgerEntry = LedgerEntryDoc & { _id: Types.ObjectId };

export type AppendOutcome<A = undefined> =
  /**
   * `member`: the projection as this append left it (where a next append of the same request may
   * start); `alongside`: what {@link AppendOptions.whileProjecting} answered.
   */
  | { status: 'APPLIED'; entry: LedgerEntry; member: AppendStart; alongside: A | undefined }
  | { status: 'DUPLICATE'; entry: LedgerEntry }
  | { status: 'INSUFFICIENT'; balance: number };

/** Kinds whose points count towards lifetime (tier) points. */
export const lifetimeKinds: ReadonlySet<LedgerKind> = new Set(['ACCRUE', 'CLAIM', 'BONUS', 'REVERSE_ACCRUE']);
const maxAttempts = 100;

interface Head {
  seq: number;
  balance: number;
  lifetime: number;
}

/**
 * The member's ledger head, read from the ledger itself: the projection only says where to look.
 * Reads the entry at the member's `ledgerSeq` (exact unique-key probe) and walks forward while
 * later entries exist (a concurrent append not yet projected, or a crash between insert and
 * projection). Exact probes stay cheap on every store; a `{memberId}` query sorted by seq reads
 * the member's whole history on the dev server, which does not use index prefixes, so it is only
 * the fallback when the projection points nowhere.
 */
async function readHead(models: Models, memberId: AppendRequest['memberId']): Promise<Head & { projectedSeq: number }> {
  const fields = { seq: 1, balanceAfter: 1, lifetimeAfter: 1 } as const;
  const member = await models.Member.findById(memberId, { ledgerSeq: 1 }).lean();
  const projectedSeq = member?.ledgerSeq ?? 0;
  let at = projectedSeq > 0 ? await models.LedgerEntry.findOne({ memberId, seq: projectedSeq }, fields).lean() : null;
  if (projectedSeq > 0 && !at) at = await models.LedgerEntry.findOne({ memberId }, fields).sort({ seq: -1 }).lean();
  let head: Head = at ? { seq: at.seq, balance: at.balanceAfter, lifetime: at.lifetimeAfter ?? 0 } : { seq: 0, balance: 0, lifetime: 0 };
  for (;;) {
    const next = await models.LedgerEntry.findOne({ memberId, seq: head.seq + 1 }, fields).lean();
    if (!next) return { ...head, projectedSeq };
    head = { seq: next.seq, balance: next.balanceAfter, lifetime: next.lifetimeAfter ?? 0 };
  }
}

/**
 * How an entry moves lifetime (tier) points. A reversed accrual takes back everything the check
 * earned, even when the balance floor clamped what left the balance: a voided check must not
 * keep a member in a tier.
 */
function lifetimeChange(req: AppendRequest, recorded: number): number {
  if (!lifetimeKinds.has(req.kind)) return 0;
  return req.kind === 'REVERSE_ACCRUE' ? req.delta : recorded;
}

/** The delta actually recorded under `floor`, or null when the entry must be refused. */
export function effectiveDelta(balance: number, delta: number, floor: BalanceFloor): number | null {
  if (delta >= 0 || floor === 'ALLOW_NEGATIVE') return delta;
  if (floor === 'REJECT_BELOW_ZERO') return balance + delta < 0 ? null : delta;
  return Math.max(delta, -Math.max(balance, 0));
}

async function findBySource(models: Models, req: AppendRequest): Promise<LedgerEntry | null> {
  return models.LedgerEntry.findOne({ memberId: req.memberId, sourceKey: req.sourceKey }).lean() as Promise<LedgerEntry | null>;
}

/**
 * What an append starts from: the member projection (balance, seq and lots, as read with the
 * member). It only says where to try: the insert at `ledgerSeq + 1` succeeds only if that is the
 * true head (the unique `(memberId, seq)` index), so a stale projection costs a retry, never a
 * wrong balance.
 */
export interface AppendStart extends LotFields, TierFields {
  ledgerSeq?: number | null;
  pointsBalance?: number | null;
  lifetimePoints?: number | null;
}

/** The member's tier fields, carried along so a tier recomputation after the append need not read them. */
export interface TierFields {
  tier?: string | null;
  tierSeq?: number | null;
  lastTierChange?: { recorded?: boolean | null } | null;
}

const startFields = { ledgerSeq: 1, pointsBalance: 1, lifetimePoints: 1, tier: 1, tierSeq: 1, lastTierChange: 1, ...lotFieldNames } as const;

async function readStart(models: Models, memberId: AppendRequest['memberId']): Promise<AppendStart> {
  // With the other appends' reads of this turn (read-batch.ts): one find for a turn's postings.
  const id = typeof memberId === 'string' ? new Types.ObjectId(memberId) : memberId;
  return (await findOneInBatch<AppendStart>(models.Member.collection, {}, '_id', id, { projection: startFields, ...timeLimitOf(models.Member) })) ?? {};
}

/** The authoritative head as a start (the projection's lots kept: `project` catches them up). */
async function authoritativeStart(models: Models, memberId: AppendRequest['memberId']): Promise<AppendStart> {
  const [head, member] = await Promise.all([readHead(models, memberId), readStart(models, memberId)]);
  return { ...member, ledgerSeq: head.seq, pointsBalance: head.balance, lifetimePoints: head.lifetime };
}

export interface AppendOptions<A = undefined> {
  /** The member as the caller already read it (saves a read; see {@link AppendStart}). */
  start?: AppendStart;
  /**
   * Work that needs this append's entry committed but not the member projection moved (a REDEEM
   * records its redemption): run beside the projection's update instead of after it, one
   * sequential round trip less. Only when the append is APPLIED; both are settled before
   * `appendEntry` returns or throws (the first failure is thrown).
   */
  whileProjecting?: (entry: LedgerEntry) => Promise<A>;
}

/**
 * Appends one entry exactly once (by sourceKey), race-free against concurrent appends. Insert
 * first: a duplicate key is either this sourceKey applied before (returned as DUPLICATE) or a
 * lost race for the seq (decide again from the ledger head).
 */
export async function appendEntry<A = undefined>(models: Models, req: AppendRequest, now: Date, opts: AppendOptions<A> = {}): Promise<AppendOutcome<A>> {
  if (!Number.isSafeInteger(req.delta)) throw new TypeError('ledger delta must be an integer');
  let start = opts.start ?? await readStart(models, req.memberId);
  let confirmed = false;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const head: Head = { seq: start.ledgerSeq ?? 0, balance: start.pointsBalance ?? 0, lifetime: start.lifetimePoints ?? 0 };
    const delta = effectiveDelta(head.balance, req.delta, req.floor);
    if (delta === null) {
      const earlier = await findBySource(models, req);
      if (earlier) return duplicate(models, earlier);
      // Refuse only on the authoritative head, never on a projection that may lag it.
      if (confirmed) return { status: 'INSUFFICIENT', balance: head.balance };
      start = await authoritativeStart(models, req.memberId);
      confirmed = true;
      continue;
    }
    const entry = {
      _id: new Types.ObjectId(),
      programId: req.programId,
      memberId: typeof req.memberId === 'string' ? new Types.ObjectId(req.memberId) : req.memberId,
      seq: head.seq + 1,
      delta,
      balanceAfter: head.balance + delta,
      lifetimeAfter: head.lifetime + lifetimeChange(req, delta),
      kind: req.kind,
      sourceKey: req.sourceKey,
      requestedDelta: delta === req.delta ? null : req.delta,
      refs: req.refs ?? {},
      provenance: req.provenance ?? {},
      cause: req.cause ?? null,
      ...(req.note ? { note: req.note } : {}),
      createdAt: now,
    };
    let saved: LedgerEntry;
    try {
      saved = await insertShaped(models.LedgerEntry, entry);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const earlier = await findBySource(models, req);
      if (earlier) return duplicate(models, earlier);
      // Lost the race for this seq (or the projection lagged): decide again from the ledger head.
      if (attempt > 3) await sleep(Math.min(50, attempt * 2) * Math.random());
      start = await authoritativeStart(models, req.memberId);
      confirmed = true;
      continue;
    }
    const [member, alongside] = await bothSettled(project(models, saved, start), opts.whileProjecting?.(saved));
    return { status: 'APPLIED', entry: saved, member, alongside };
  }
  throw new Error('ledger append: too much contention on one member');
}

/** Both results once both settled; else the first failure, after both settled (no stray rejection). */
async function bothSettled<P, A>(first: Promise<P>, second: Promise<A> | undefined): Promise<[P, A | undefined]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
}

/** A retry after a crash between insert and projection: finish the projection now. */
async function duplicate(models: Models, earlier: LedgerEntry): Promise<AppendOutcome<never>> {
  await project(models, earlier);
  return { status: 'DUPLICATE', entry: earlier };
}

/**
 * Moves the member projection forward to `entry` unless a later entry already did, and keeps
 * `lastActivityAt` = the latest activity entry (or the first entry, when there is none yet).
 * When `start` (the member as read before the insert) was exactly at the entry's predecessor,
 * balance and lots move in one guarded update; otherwise the balance moves as before and the
 * lots catch up from the ledger (lot-projection.ts).
 */
async function project(models: Models, entry: LedgerEntry, start?: AppendStart): Promise<AppendStart> {
  const activity = activityKinds.has(entry.kind) || entry.seq === 1;
  const balance = { ledgerSeq: entry.seq, pointsBalance: entry.balanceAfter, lifetimePoints: entry.lifetimeAfter ?? 0 };
  let from = start;
  let lots = from ? nextLots(from, entry) : null;
  if (lots === 'page' && from) {
    // A debit emptied the head: it takes the oldest middle page, which member reads leave out.
    from = (await withOldestPage(models, entry.memberId, from)) ?? undefined;
    lots = from ? nextLots(from, entry) : null;
  }
  if (lots && lots !== 'page') {
    const projected = { ...balance, ...lots.$set };
    const moved = await models.Member.updateOne(
      { _id: entry.memberId, ledgerSeq: entry.seq - 1, lotsSeq: entry.seq - 1 },
      { $set: projected, ...(lots.$pop ? { $pop: lots.$pop } : {}), ...(lots.$push ? { $push: lots.$push } : {}), ...(activity ? { $max: { lastActivityAt: entry.createdAt } } : {}) },
    );
    // The pages read are not the pages now (one may have been taken): the next append reads them again.
    if (moved.modifiedCount === 1) return { ...from, ...projected, lotPages: undefined } as AppendStart;
  }
  const moved = await models.Member.updateOne(
    { _id: entry.memberId, ledgerSeq: { $lt: entry.seq } },
    { $set: balance, ...(activity ? { $max: { lastActivityAt: entry.createdAt } } : {}) },
  );
  // A later entry projected first: the activity time must still move forward ($max is monotonic).
  if (moved.modifiedCount === 0 && activity) {
    await models.Member.updateOne({ _id: entry.memberId }, { $max: { lastActivityAt: entry.createdAt } });
  }
  await currentLots(models, entry.memberId);
  const { lotHead: _h, lotTail: _t, lotPages: _p, lotCount: _c, lotPoints: _s, lotPageCount: _n, lotDeficit: _d, lotTraces: _r, lotsSeq: _q, ...rest } = start ?? {};
  return { ...rest, ...balance };
}

/**
 * True when the ledger holds an entry after the member projection's `ledgerSeq`: one appended
 * but not projected yet (a concurrent append, or a crash between insert and projection), whose
 * effect the projection does not show. One exact unique-key probe, as {@link readHead} walks.
 */
export async function projectionBehind(models: Models, memberId: AppendRequest['memberId'], ledgerSeq: number | null | undefined): Promise<boolean> {
  return (await models.LedgerEntry.exists({ memberId, seq: (ledgerSeq ?? 0) + 1 })) !== null;
}

/**
 * The member's balance from the ledger head (authoritative); repairs the projection when a
 * crash left it behind.
 */
export async function readBalance(models: Models, memberId: AppendRequest['memberId']): Promise<{ balance: number; seq: number; lifetime: number }> {
  const head = await readHead(models, memberId);
  if (head.seq > head.projectedSeq) {
    await models.Member.updateOne(
      { _id: memberId, ledgerSeq: { $lt: head.seq } },
      { $set: { ledgerSeq: head.seq, pointsBalance: head.balance, lifetimePoints: head.lifetime } },
    );
  }
  return { balance: head.balance, seq: head.seq, lifetime: head.lifetime };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
