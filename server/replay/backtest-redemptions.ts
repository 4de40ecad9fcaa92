/**
 * The redemptions committed in a backtest's range (stored REDEEM answers, read in time order
 * through the (type, createdAt) index) and whether the draft would have allowed each: a reward
 * the draft no longer has is lost (`UNKNOWN_REWARD`); where the REDEEM recorded its evaluation,
 * the draft re-validates the same redemptions on the same check and member facts and any it
 * rejects is lost with the engine's reason (`NEEDS_POINTS:…`, `OUTSIDE_SCHEDULE`, …).
 */
import { findReward } from '../../rules/engine/catalog.js';
import { validateRedemptions, type Program } from '../../rules/index.js';
import type { RedemptionResult } from '../../rules/replay/backtest-tally.js';
import { recordedEvaluationOf, type RecordedEvaluation } from '../loyalty/offers/recorded-evaluation.js';
import type { Models } from '../store/models/index.js';
import type { ToastTransactionDoc } from '../store/models/toast-transaction.js';
import { dayOf, type BacktestRange } from './backtest-range.js';

export interface RedemptionQuery {
  programId: string;
  range: BacktestRange;
  locations?: string[];
  draft: Program;
  zones: Map<string, string>;
}

type Committed = NonNullable<ToastTransactionDoc['redemptions']>[number];

/** Why the draft would refuse each committed redemption (null = allowed), in order. */
async function verdicts(draft: Program, committed: Committed[], rec: RecordedEvaluation | null): Promise<(string | null)[]> {
  const missing = committed.map((c) => (findReward(draft, c.rewardId) ? null : 'UNKNOWN_REWARD'));
  if (!rec || missing.every((m) => m !== null)) return missing;
  const result = await validateRedemptions(draft, { now: rec.at, locationGuid: rec.locationGuid, check: rec.check, member: rec.member }, rec.redemptions);
  const applied = result.applied.map((a) => a.identifier);
  return committed.map((c, i) => {
    if (missing[i]) return missing[i];
    const at = applied.indexOf(c.rewardId);
    if (at >= 0) { applied.splice(at, 1); return null; }
    return result.rejected.find((r) => r.redemption.identifier === c.rewardId)?.reason ?? 'REJECTED';
  });
}

/** The members of a stored REDEEM transaction a backtest reads. */
interface RedeemRow {
  restaurantGuid: string;
  createdAt: Date;
  redemptions?: Committed[];
  /** JSON text, or the nested document of records stored before (recordedEvaluationOf reads both). */
  evaluation?: unknown;
}

export async function* redemptionsOfRange(models: Models, q: RedemptionQuery): AsyncGenerator<RedemptionResult> {
  const filter: Record<string, unknown> = {
    type: 'LOYALTY_REDEEM', createdAt: { $gte: q.range.start, $lt: q.range.end }, programId: q.programId, state: 'DONE',
  };
  if (q.locations) filter.restaurantGuid = { $in: q.locations };
  const cursor = models.ToastTransaction.collection.find<RedeemRow>(filter, {
    projection: { restaurantGuid: 1, createdAt: 1, redemptions: 1, evaluation: 1 }, sort: { createdAt: 1 }, batchSize: 500,
  });
  try {
    for await (const doc of cursor) {
      // A later REDEEM carrying an already-redeemed discount lists that redemption again (from its
      // record): it is counted once, with the REDEEM that debited it.
      const evaluation = recordedEvaluationOf(doc.evaluation);
      const earlier = new Set((evaluation?.already ?? []).map((a) => a.committed.sourceKey));
      const committed = (doc.redemptions ?? []).filter((c) => !earlier.has(c.sourceKey));
      if (committed.length === 0) continue;
      const lost = await verdicts(q.draft, committed, evaluation);
      const day = dayOf(doc.createdAt, q.zones.get(doc.restaurantGuid) ?? q.zones.get('') ?? 'UTC');
      for (const [i, c] of committed.entries()) {
        yield { day, rewardId: c.rewardId, quantity: c.quantity, points: c.points, amountCents: c.amountCents, lostReason: lost[i] ?? null };
      }
    }
  } finally {
    await cursor.close();
  }
}
