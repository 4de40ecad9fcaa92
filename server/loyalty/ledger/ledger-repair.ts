/**
 * Projection repair (`npm run ledger:repair`): rebuilds a member's `pointsBalance`, `ledgerSeq`
 * and `lifetimePoints` from its ledger; PER_LOT lots or reward usage counters that disagree with
 * the ledger / redemptions are reset, to be rebuilt from them on their next use; `--all` also
 * resets reward budget counters to their redemptions. The ledger is the truth and is never touched here: a
 * chain that is itself broken (Σ deltas ≠ last balanceAfter) is reported, not "fixed" — that
 * needs an ADJUST entry decided by a person.
 *
 * The write is a compare-and-set on the projection as read, so it cannot move a projection
 * backwards over a concurrent append: if an append moved it meanwhile, the repair re-reads.
 */
import type { Types } from 'mongoose';
import type { Models } from '../../store/models/index.js';
import { spentFromRedemptions } from '../redemption/reward-budgets.js';
import { checkMember } from './ledger-verify.js';
import { budgetViolations, usageViolations } from './projection-check.js';

export type RepairStatus =
  /** The projection differed from the ledger head and was rewritten. */
  | 'REPAIRED'
  /** The projection already matched the ledger head. */
  | 'OK'
  /** No such member. */
  | 'NOT_FOUND'
  /** Σ deltas ≠ last balanceAfter: the ledger itself is broken; nothing was written. */
  | 'CHAIN_BROKEN';

export interface RepairOutcome {
  memberId: string;
  status: RepairStatus;
  /** The projection after the repair (or as found). */
  balance?: number;
  seq?: number;
}

interface Rebuilt {
  seq: number;
  balance: number;
  lifetime: number;
  sum: number;
}

const maxAttempts = 20;

/** Folds the member's ledger: head values and Σ deltas. */
async function rebuild(models: Models, memberId: string | Types.ObjectId): Promise<Rebuilt> {
  const out: Rebuilt = { seq: 0, balance: 0, lifetime: 0, sum: 0 };
  const cursor = models.LedgerEntry.find({ memberId }, { seq: 1, delta: 1, balanceAfter: 1, lifetimeAfter: 1 }).sort({ seq: 1 }).lean().cursor();
  for await (const e of cursor) {
    out.sum += e.delta;
    out.seq = e.seq;
    out.balance = e.balanceAfter;
    out.lifetime = e.lifetimeAfter ?? 0;
  }
  return out;
}

/** Matches a stored value exactly as read, where a missing field reads as null. */
function asRead(value: number | null | undefined): number | { $in: null[] } {
  return value ?? { $in: [null] };
}

/** Rebuilds one member's projection from its ledger (see the module comment). */
export async function repairMember(models: Models, memberId: string | Types.ObjectId): Promise<RepairOutcome> {
  const id = String(memberId);
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    // Member first, then ledger: an append in between changes the member, so the CAS misses.
    const member = await models.Member.findById(memberId, { pointsBalance: 1, ledgerSeq: 1, lifetimePoints: 1 }).lean();
    if (!member) return { memberId: id, status: 'NOT_FOUND' };
    const head = await rebuild(models, memberId);
    if (head.sum !== head.balance) return { memberId: id, status: 'CHAIN_BROKEN', balance: member.pointsBalance, seq: member.ledgerSeq };
    const reset = await resetOtherProjections(models, id);
    if (member.pointsBalance === head.balance && member.ledgerSeq === head.seq && member.lifetimePoints === head.lifetime) {
      return { memberId: id, status: reset ? 'REPAIRED' : 'OK', balance: head.balance, seq: head.seq };
    }
    const written = await models.Member.updateOne(
      { _id: memberId, pointsBalance: asRead(member.pointsBalance), ledgerSeq: asRead(member.ledgerSeq), lifetimePoints: asRead(member.lifetimePoints) },
      { $set: { pointsBalance: head.balance, ledgerSeq: head.seq, lifetimePoints: head.lifetime } },
    );
    if (written.modifiedCount === 1) return { memberId: id, status: 'REPAIRED', balance: head.balance, seq: head.seq };
  }
  throw new Error('ledger repair: the member kept changing; try again');
}

/**
 * Lots or usage counters that disagree with the ledger / redemptions are unset: the next read
 * builds them again from scratch (lot-projection.ts, usage-counters.ts). True when any was reset.
 */
async function resetOtherProjections(models: Models, memberId: string): Promise<boolean> {
  const violations = await checkMember(models, memberId);
  const member = await models.Member.findById(memberId, { usage: 1 }).lean();
  const lots = violations.some((v) => v.kind === 'LOTS_MISMATCH');
  const usage = (await usageViolations(models, memberId, member?.usage)).length > 0;
  if (!lots && !usage) return false;
  await models.Member.updateOne({ _id: memberId }, {
    $set: { ...(lots ? { lotsSeq: null } : {}) },
    $unset: { ...(lots ? { lotHead: '', lotTail: '', lotPages: '', lotCount: '', lotPoints: '', lotPageCount: '', lotDeficit: '', lotTraces: '' } : {}), ...(usage ? { usage: '', usageBuilt: '' } : {}) },
  });
  return true;
}

/** Sets every reward budget counter to Σ its non-reversed redemptions (compare-and-set on the value read); how many changed. */
export async function repairBudgets(models: Models): Promise<number> {
  let changed = 0;
  for await (const b of models.RewardBudget.find({}).lean().cursor()) {
    if ((await budgetViolations(models, b)).length === 0) continue;
    const spentCents = await spentFromRedemptions(models, b.programId, b.rewardId);
    changed += (await models.RewardBudget.updateOne({ _id: b._id, spentCents: b.spentCents }, { $set: { spentCents } })).modifiedCount;
  }
  return changed;
}

export interface RepairAllReport {
  members: number;
  byStatus: Partial<Record<RepairStatus, number>>;
  /** Reward budget counters reset to their redemptions. */
  budgets: number;
}

/** Repairs every member (streamed); `onOutcome` sees each one that was not already OK. */
export async function repairAll(models: Models, onOutcome?: (outcome: RepairOutcome) => void): Promise<RepairAllReport> {
  const report: RepairAllReport = { members: 0, byStatus: {}, budgets: 0 };
  for await (const member of models.Member.find({}, { _id: 1 }).sort({ _id: 1 }).lean().cursor({ batchSize: 500 })) {
    const outcome = await repairMember(models, member._id);
    report.members++;
    report.byStatus[outcome.status] = (report.byStatus[outcome.status] ?? 0) + 1;
    if (outcome.status !== 'OK') onOutcome?.(outcome);
  }
  report.budgets = await repairBudgets(models);
  return report;
}
