/**
 * How far behind point posting is: accruals Toast was told were accepted whose points are not
 * posted yet, and the age of the oldest (the accrual lag operators alert on). Read-only; uses the
 * `(state, acceptedAt)` index.
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
