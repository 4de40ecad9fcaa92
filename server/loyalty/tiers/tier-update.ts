/**
 * Keeps `members.tier` in step with the program's tier rules and records every change in the
 * append-only `tierChanges` collection. Called after each ledger effect that can move the tier
 * basis (accrual posting, claim, accrual reversal; redemptions and their reversals do not move
 * lifetime or rolling points) and by the daily expiry run.
 *
 * Guarantees, without transactions:
 * - the tier is set with one guarded single-document update: compare-and-set on the tier read,
 *   and never from an older ledger `seq` than the one it was last computed from (`tierSeq`);
 * - the same update stores the change in `lastTierChange` (not yet `recorded`), so a crash
 *   before the `tierChanges` insert is repaired by the next recomputation for that member;
 * - a change is recorded once per (member, cause): the insert is idempotent on that unique index.
 *
 * The rules engine derives the tier itself from lifetime / rolling points (rules/engine/tiers.ts),
 * so offers and multipliers never wait for this update; `members.tier` and its history are for
 * reporting and for programs without tier rules.
 */
import type { Types } from 'mongoose';
import type { Program } from '../../../rules/index.js';
import { effectiveTier } from '../../../rules/engine/tiers.js';
import type { MemberDoc } from '../../store/models/member.js';
import type { Models } from '../../store/models/index.js';
import { activeProgram } from '../programs/program-cache.js';
import { tierBasis } from './tier-points.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

export interface TierCause {
  programId: string;
  memberId: Types.ObjectId | string;
  /** The ledger sourceKey (or run key) that triggered the recomputation. */
  causeKey: string;
  now: Date;
  /**
   * The entry the cause just appended (its `seq` and `lifetimeAfter`): under LIFETIME tiers the
   * basis at that seq, so the ledger head is not read again. A later entry recomputes for itself,
   * and `tierSeq` keeps an older basis from overwriting a newer one.
   */
  entry?: { seq: number; lifetimeAfter?: number | null };
  /** The member's tier fields as the caller last saw them (first attempt only; a stale copy only costs a retry). */
  member?: { tier?: string | null; tierSeq?: number | null; lastTierChange?: unknown };
}

export interface TierUpdate {
  from: string | null;
  to: string | null;
  changed: boolean;
}

type PendingChange = NonNullable<MemberDoc['lastTierChange']>;
const maxAttempts = 5;

/** The tier id `points` earns under `program` (null: below every level). */
export function tierFor(program: Program, points: number): string | null {
  const state = { status: 'REGISTERED' as const, tier: null, pointsBalance: 0, lifetimePoints: points, rollingPoints: points, visits: 0, usage: {} };
  return effectiveTier(program, state)?.id ?? null;
}

/** Inserts the `tierChanges` record of a change not yet recorded, then marks it recorded. */
async function recordChange(models: Models, programId: string, memberId: TierCause['memberId'], change: PendingChange | null | undefined): Promise<void> {
  if (!change || change.recorded) return;
  try {
    await models.TierChange.create({
      programId, memberId, from: change.from ?? null, to: change.to ?? null, seq: change.seq, causeKey: change.causeKey, at: change.at,
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err; // recorded by an earlier attempt
  }
  await models.Member.updateOne(
    { _id: memberId, 'lastTierChange.causeKey': change.causeKey, 'lastTierChange.recorded': false },
    { $set: { 'lastTierChange.recorded': true } },
  );
}

/** Recomputes the member's tier from the ledger; null when the program has no tiers or no such member. */
export async function updateTier(models: Models, cause: TierCause): Promise<TierUpdate | null> {
  const active = await activeProgram(models, cause.programId);
  if (!active?.program.tiers) return null;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const member = attempt === 0 && cause.member && 'tier' in cause.member
      ? cause.member as Pick<MemberDoc, 'tier' | 'tierSeq' | 'lastTierChange'>
      : await models.Member.findById(cause.memberId, { tier: 1, tierSeq: 1, lastTierChange: 1 }).lean();
    if (!member) return null;
    await recordChange(models, cause.programId, cause.memberId, member.lastTierChange);
    const basis = cause.entry && active.program.tiers.basis !== 'ROLLING'
      ? { points: cause.entry.lifetimeAfter ?? 0, seq: cause.entry.seq }
      : await tierBasis(models, active.program, cause.memberId, cause.now);
    const from = member.tier ?? null;
    const to = tierFor(active.program, basis.points);
    if (to === from || (member.tierSeq ?? 0) > basis.seq) return { from, to: from, changed: false };
    const change: PendingChange = { from, to, seq: basis.seq, causeKey: cause.causeKey, at: cause.now, recorded: false };
    const moved = await models.Member.updateOne(
      { _id: cause.memberId, tier: from, $or: [{ tierSeq: { $lte: basis.seq } }, { tierSeq: null }] },
      { $set: { tier: to, tierSeq: basis.seq, lastTierChange: change } },
    );
    if (moved.modifiedCount === 1) {
      await recordChange(models, cause.programId, cause.memberId, change);
      return { from, to, changed: true };
    }
    // Another recomputation moved the tier first: read again and decide again.
  }
  return null;
}
