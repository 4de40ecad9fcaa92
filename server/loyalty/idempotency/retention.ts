/**
 * Retention of stored Toast answers. INQUIRE and SEARCH answers are kept only so that a retry
 * gets the same bytes and a REVERSE naming one is told it cannot be reversed; after a few days
 * neither can happen, and they are most of the traffic. REDEEM, ACCRUE (what a REVERSE needs),
 * REVERSE, SIGNUP and TRANSFER records are kept for audit.
 */
import type { Models } from '../../store/models/index.js';

export const prunableTypes = ['LOYALTY_INQUIRE', 'LOYALTY_SEARCH'] as const;

/** Deletes stored INQUIRE/SEARCH answers created before `now - days`; returns how many. */
export async function pruneReadOnlyAnswers(models: Models, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 24 * 3600 * 1000);
  const result = await models.ToastTransaction.deleteMany({ type: { $in: [...prunableTypes] }, createdAt: { $lt: cutoff } });
  return result.deletedCount;
}
