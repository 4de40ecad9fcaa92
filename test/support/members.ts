/**
 * Test members: created through the members service (keys claimed like a real sign-up), with a
 * starting balance posted as a BONUS ledger entry so balance = Σ ledger.
 */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../server/http/deps.js';
import { appendEntry, readBalance, type LedgerKind } from '../../server/loyalty/ledger/ledger.js';
import { createMember, type MemberRecord, type NewMember } from '../../server/loyalty/members/members.js';

export interface SeedMember extends Partial<NewMember> {
  programId?: string;
  points?: number;
  /** Force a known identifier (e.g. Toast's example "1"); random otherwise. */
  loyaltyIdentifier?: string;
}

export async function seedMember(deps: AppDeps, seed: SeedMember = {}): Promise<MemberRecord> {
  const programId = seed.programId ?? 'demo';
  let member = await createMember(deps.models, programId, { status: 'REGISTERED', ...seed }, deps.clock.now());
  if (seed.loyaltyIdentifier) {
    await deps.models.Member.updateOne({ _id: member._id }, { $set: { loyaltyIdentifier: seed.loyaltyIdentifier } });
    member = { ...member, loyaltyIdentifier: seed.loyaltyIdentifier };
  }
  if (seed.points) {
    await appendEntry(deps.models, {
      programId, memberId: member._id, delta: seed.points, kind: 'BONUS', sourceKey: `seed:${randomUUID()}`, floor: 'ALLOW_NEGATIVE',
    }, deps.clock.now());
  }
  return { ...member, pointsBalance: seed.points ?? 0 };
}

/** The member's authoritative balance (ledger head). */
export async function balanceOf(deps: AppDeps, member: MemberRecord): Promise<number> {
  return (await readBalance(deps.models, member._id)).balance;
}

/** Number of ledger entries of `kind` for the member. */
export async function entriesOf(deps: AppDeps, member: MemberRecord, kind?: LedgerKind): Promise<number> {
  return deps.models.LedgerEntry.countDocuments({ memberId: member._id, ...(kind ? { kind } : {}) });
}

/** Invariant 1: the member projection, Σ ledger deltas and the last balanceAfter agree. */
export async function ledgerInvariant(deps: AppDeps, member: MemberRecord): Promise<{ projection: number; sum: number; head: number }> {
  const entries = await deps.models.LedgerEntry.find({ memberId: member._id }).sort({ seq: 1 }).lean();
  const stored = await deps.models.Member.findById(member._id).lean();
  return {
    projection: stored?.pointsBalance ?? NaN,
    sum: entries.reduce((s, e) => s + e.delta, 0),
    head: entries[entries.length - 1]?.balanceAfter ?? 0,
  };
}
