/**
 * Ledger verification (ARCHITECTURE §4, invariants 1, 2, 3 and 5), transport-agnostic: used by
 * `npm run ledger:verify` and the nightly job.
 *
 * Members and ledger entries are streamed with two cursors sorted by member id and merged, so
 * memory is bounded by one member's chain whatever the collection sizes. Writers keep running
 * while this reads: a member whose first reading shows a violation is read again on its own
 * before anything is reported, so an append that landed between the two cursors is not a
 * false alarm. Read-only: repairs are `ledger-repair.ts`' job.
 */
import type { Models } from '../../store/models/index.js';
import { ChainCheck, type MemberProjection, type Violation, type ViolationKind } from './ledger-chain-check.js';
import { allLotFieldNames } from './lot-projection.js';
import { usageViolations, budgetViolations } from './projection-check.js';

export type { Violation, ViolationKind } from './ledger-chain-check.js';

export interface VerifyOptions {
  /** Called once per violation as soon as it is confirmed (print it, log it). */
  onViolation?: (violation: Violation) => void;
  /**
   * Cursor batch size.
   * @defaultValue 500
   */
  batchSize?: number;
}

/** What a verification run found. */
export interface VerifyReport {
  members: number;
  entries: number;
  /** Non-reversed accruals looked at for invariant 5. */
  activeAccruals: number;
  violations: number;
  byKind: Partial<Record<ViolationKind, number>>;
  ok: boolean;
}

interface MemberRow extends MemberProjection {
  _id: unknown;
}

const entryFields = { memberId: 1, seq: 1, delta: 1, balanceAfter: 1, kind: 1, sourceKey: 1, createdAt: 1 } as const;
const memberFields = { pointsBalance: 1, ledgerSeq: 1, ...allLotFieldNames } as const;

/** Runs every check over the whole store and reports what it found. */
export async function verifyLedger(models: Models, options: VerifyOptions = {}): Promise<VerifyReport> {
  const report: VerifyReport = { members: 0, entries: 0, activeAccruals: 0, violations: 0, byKind: {}, ok: true };
  const emit = (found: Violation[]): void => {
    for (const v of found) {
      report.violations++;
      report.byKind[v.kind] = (report.byKind[v.kind] ?? 0) + 1;
      options.onViolation?.(v);
    }
  };
  await verifyMembers(models, options.batchSize ?? 500, report, emit);
  await verifyActiveAccruals(models, options.batchSize ?? 500, report, emit);
  await verifyUsageCounters(models, options.batchSize ?? 500, emit);
  await verifyBudgets(models, emit);
  report.ok = report.violations === 0;
  return report;
}

/** Merges the member cursor (by _id) with the ledger cursor (by memberId, seq). */
async function verifyMembers(models: Models, batchSize: number, report: VerifyReport, emit: (v: Violation[]) => void): Promise<void> {
  const members = models.Member.find({}, memberFields).sort({ _id: 1 }).lean<MemberRow[]>().cursor({ batchSize });
  const entries = models.LedgerEntry.find({}, entryFields).sort({ memberId: 1, seq: 1 }).lean().cursor({ batchSize });
  let pending: MemberRow | null = await members.next();
  const settle = async (chain: ChainCheck | null): Promise<void> => {
    // Members before the chain's id (or all that remain) have no entries at all.
    while (pending && (chain === null || String(pending._id) < chain.memberId)) {
      report.members++;
      await confirm(models, new ChainCheck(String(pending._id)).finish(pending), emit);
      pending = await members.next();
    }
    if (!chain) return;
    const member = pending && String(pending._id) === chain.memberId ? pending : null;
    if (member) {
      report.members++;
      pending = await members.next();
    }
    await confirm(models, chain.finish(member), emit);
  };
  let chain = null as ChainCheck | null;
  for await (const entry of entries) {
    const memberId = String(entry.memberId);
    if (chain?.memberId !== memberId) {
      if (chain) await settle(chain);
      chain = new ChainCheck(memberId);
    }
    chain.add(entry);
    report.entries++;
  }
  if (chain) await settle(chain);
  await settle(null);
  await members.close();
}

/** Re-reads a member whose streamed reading showed violations; emits what is still there. */
async function confirm(models: Models, found: Violation[], emit: (v: Violation[]) => void): Promise<void> {
  const memberId = found[0]?.memberId;
  if (!memberId) return;
  emit(await checkMember(models, memberId));
}

/** Every per-member violation of one member, read on its own. */
export async function checkMember(models: Models, memberId: string): Promise<Violation[]> {
  const chain = new ChainCheck(memberId);
  for await (const entry of models.LedgerEntry.find({ memberId }, entryFields).sort({ seq: 1 }).lean().cursor()) chain.add(entry);
  const member = await models.Member.findById(memberId, memberFields).lean<MemberRow>();
  return chain.finish(member ?? null);
}

/** Reward usage counters on members (see projection-check.ts); a member is read again before it is reported. */
async function verifyUsageCounters(models: Models, batchSize: number, emit: (v: Violation[]) => void): Promise<void> {
  for await (const m of models.Member.find({ usage: { $exists: true } }, { usage: 1 }).sort({ _id: 1 }).lean().cursor({ batchSize })) {
    if ((await usageViolations(models, String(m._id), m.usage)).length === 0) continue;
    const again = await models.Member.findById(m._id, { usage: 1 }).lean();
    emit(await usageViolations(models, String(m._id), again?.usage));
  }
}

/** Reward budget counters against their redemptions; a counter is read again before it is reported. */
async function verifyBudgets(models: Models, emit: (v: Violation[]) => void): Promise<void> {
  for await (const b of models.RewardBudget.find({}).sort({ _id: 1 }).lean().cursor()) {
    if ((await budgetViolations(models, b)).length === 0) continue;
    const again = await models.RewardBudget.findById(b._id).lean();
    if (again) emit(await budgetViolations(models, again));
  }
}

/**
 * Invariant 5: streams non-reversed accruals in (restaurant, check) order and groups
 * neighbours; a group of two or more is read again before it is reported (a REVERSE followed by
 * a new ACCRUE of the check may have run while the cursor moved).
 */
async function verifyActiveAccruals(models: Models, batchSize: number, report: VerifyReport, emit: (v: Violation[]) => void): Promise<void> {
  const cursor = models.Accrual.find({ state: { $ne: 'REVERSED' } }, { restaurantGuid: 1, checkGuid: 1 })
    .sort({ restaurantGuid: 1, checkGuid: 1 }).lean().cursor({ batchSize });
  let group = null as { restaurantGuid: string; checkGuid: string; ids: string[] } | null;
  for await (const acc of cursor) {
    report.activeAccruals++;
    if (group?.restaurantGuid !== acc.restaurantGuid || group.checkGuid !== acc.checkGuid) {
      if (group && group.ids.length > 1) emit(await activeAccrualsOf(models, group.restaurantGuid, group.checkGuid));
      group = { restaurantGuid: acc.restaurantGuid, checkGuid: acc.checkGuid, ids: [] };
    }
    group.ids.push(String(acc._id));
  }
  if (group && group.ids.length > 1) emit(await activeAccrualsOf(models, group.restaurantGuid, group.checkGuid));
}

async function activeAccrualsOf(models: Models, restaurantGuid: string, checkGuid: string): Promise<Violation[]> {
  const active = await models.Accrual.find({ restaurantGuid, checkGuid, state: { $ne: 'REVERSED' } }, { _id: 1 }).lean();
  if (active.length < 2) return [];
  const accrualIds = active.map((a) => String(a._id));
  return [{ kind: 'DUPLICATE_ACTIVE_ACCRUAL', accrualIds, detail: `${accrualIds.length} non-reversed accruals for one restaurant + check` }];
}
