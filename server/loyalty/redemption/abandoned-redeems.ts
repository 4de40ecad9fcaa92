/**
 * REDEEMs that were never answered ACCEPT but may have debited (invariant 6, the last resort).
 *
 * A REDEEM whose handler failed unexpectedly — the database went away between its debit and
 * the read-back that decides the answer — was answered ERROR, and a REDEEM whose process died
 * was answered nothing. Either way its claim stays IN_PROGRESS (never released: it may cover a
 * debit). A retry of the same GUID takes such a claim over and re-runs the keyed REDEEM, which
 * finds its debit and answers ACCEPT. Toast does not retry a failed REDEEM, so once a claim has
 * been abandoned longer than the grace period, nobody will: the discount was not applied at the
 * register, and every point the transaction debited is credited back (as a REVERSE would, keyed
 * `reverse:<debit sourceKey>`, cause `REDEEM_NOT_ACCEPTED`). The claim is then completed with the
 * ERROR answer, so a late duplicate hears ERROR and a REVERSE of the GUID finds nothing to undo.
 */
import { randomUUID } from 'node:crypto';
import type { Models } from '../../store/models/index.js';
import { DEFAULT_LEASE_MS } from '../idempotency/idempotency.js';
import type { CommittedRedemption } from './redemption.js';
import { reverseRedemptions } from '../reversal/redeem-reversal.js';

/** Toast's answer to an unexpected failure (WEBHOOK.md): what the compensated request heard. */
const ERROR_ANSWER = { status: 500, body: '{"transactionStatus":"ERROR"}' } as const;
const BATCH = 100;

export const COMPENSATION_CAUSE = 'REDEEM_NOT_ACCEPTED';

/** What the abandoned transaction committed, from its usage records and its ledger debits. */
async function committedOf(models: Models, programId: string, restaurantGuid: string, transactionGuid: string): Promise<Map<string, CommittedRedemption[]>> {
  const byMember = new Map<string, Map<string, CommittedRedemption>>();
  const add = (memberId: string, c: CommittedRedemption): void => {
    const list = byMember.get(memberId) ?? new Map<string, CommittedRedemption>();
    const earlier = list.get(c.sourceKey);
    list.set(c.sourceKey, earlier ? { ...earlier, points: Math.max(earlier.points, c.points) } : c);
    byMember.set(memberId, list);
  };
  const debits = await models.LedgerEntry.find({ programId, kind: 'REDEEM', 'refs.transactionGuid': transactionGuid, 'refs.restaurantGuid': restaurantGuid }).lean();
  for (const e of debits) {
    add(String(e.memberId), {
      rewardId: e.provenance?.ruleIds?.[0] ?? '', appliedDiscountGuid: e.refs?.appliedDiscountGuids?.[0] ?? null, multiItemDiscountGuid: null,
      quantity: 1, points: -e.delta, amountCents: 0, sourceKey: e.sourceKey,
    });
  }
  for (const u of await models.RewardRedemption.find({ programId, transactionGuid }).lean()) {
    const sourceKey = String(u._id).slice(u.memberId.length + 1);
    add(u.memberId, { rewardId: u.rewardId, appliedDiscountGuid: null, multiItemDiscountGuid: null, quantity: u.quantity, points: 0, amountCents: u.amountCents, sourceKey });
  }
  return new Map([...byMember].map(([m, list]) => [m, [...list.values()]]));
}

/**
 * Compensates up to one batch of REDEEM claims abandoned for longer than `graceMs` (clock
 * time); returns how many claims it settled. Safe on any number of replicas: each claim is
 * taken over by one `claimToken` swap first, and every credit is keyed.
 */
export async function compensateAbandonedRedeems(models: Models, now: Date, graceMs: number): Promise<number> {
  const cutoff = new Date(now.getTime() - graceMs);
  const abandoned = await models.ToastTransaction.find({ state: 'IN_PROGRESS', type: 'LOYALTY_REDEEM', leaseUntil: { $lt: cutoff } }).limit(BATCH).lean();
  let settled = 0;
  for (const claim of abandoned) {
    const token = randomUUID();
    const taken = await models.ToastTransaction.updateOne(
      { _id: claim._id, state: 'IN_PROGRESS', claimToken: claim.claimToken, leaseUntil: claim.leaseUntil },
      { $set: { claimToken: token, leaseUntil: new Date(now.getTime() + DEFAULT_LEASE_MS) } },
    );
    if (taken.modifiedCount !== 1) continue;
    const committed = await committedOf(models, claim.programId, claim.restaurantGuid, claim.transactionGuid);
    for (const [memberId, list] of committed) {
      await reverseRedemptions({
        models, programId: claim.programId, restaurantGuid: claim.restaurantGuid, memberId, transactionGuid: claim.transactionGuid,
        committed: list, listed: null, now, cause: COMPENSATION_CAUSE,
      });
    }
    const done = await models.ToastTransaction.updateOne({ _id: claim._id, state: 'IN_PROGRESS', claimToken: token }, {
      $set: {
        state: 'DONE', responseStatus: ERROR_ANSWER.status, responseBody: ERROR_ANSWER.body, completedAt: now,
        memberId: [...committed.keys()][0] ?? null, redemptions: [],
      },
    });
    settled += done.modifiedCount;
  }
  return settled;
}
