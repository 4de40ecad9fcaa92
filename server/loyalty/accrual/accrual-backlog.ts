/**
 * How far behind point posting is: accruals Toast was told were accepted whose points are not
 * posted yet, and the age of the oldest (the accrual lag operators alert on), and which of them the
 * sweeper re-enqueues. Read-only; uses the `(state, acceptedAt)` index.
 */
import type { Models } from '../../store/models/index.js';

export interface AccrualBacklog {
  pending: number;
  /** Seconds since the oldest pending accrual was accepted; 0 when none. */
  oldestPendingSeconds: number;
}

export async function accrualBacklog(models: Models, now: Date): Promise<AccrualBacklog> {
  const [pending, oldest] = await Promise.all([
    models.Accrual.countDocuments({ state: 'PENDING' }),
    models.Accrual.findOne({ state: 'PENDING' }, { acceptedAt: 1 }).sort({ acceptedAt: 1 }).lean(),
  ]);
  const oldestPendingSeconds = oldest ? Math.max(0, (now.getTime() - oldest.acceptedAt.getTime()) / 1000) : 0;
  return { pending, oldestPendingSeconds };
}

/** Ids of up to `limit` accruals still PENDING that were accepted at or before `acceptedBefore`, oldest first. */
export async function pendingAccrualIds(models: Models, acceptedBefore: Date, limit: number): Promise<string[]> {
  const pending = await models.Accrual.find({ state: 'PENDING', acceptedAt: { $lte: acceptedBefore } }, { _id: 1 })
    .sort({ acceptedAt: 1 }).limit(limit).lean();
  return pending.map((acc) => String(acc._id));
}
