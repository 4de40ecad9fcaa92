/**
 * Finds what a Toast-Transaction-GUID named: a stored INQUIRE, REDEEM or ACCRUE answer, or an
 * accrual whose answer was never stored (the process died after recording the check). Looked
 * up per known restaurant so the unique request index is used (no scan of the collection).
 */
import type { Types } from 'mongoose';
import type { AccrualDoc } from '../store/models/accrual.js';
import type { Models } from '../store/models/index.js';
import type { ToastTransactionDoc } from '../store/models/toast-transaction.js';

export type StoredTransaction = ToastTransactionDoc & { _id: Types.ObjectId };
export type StoredAccrual = AccrualDoc & { _id: Types.ObjectId };

export type ReplayTarget =
  | { kind: 'CHECK'; doc: StoredTransaction }
  | { kind: 'ACCRUE'; doc: StoredTransaction | null; accrual: StoredAccrual };

export type FindResult = { ok: true; target: ReplayTarget } | { ok: false; message: string };

export const REPLAYABLE = ['LOYALTY_INQUIRE', 'LOYALTY_REDEEM', 'LOYALTY_ACCRUE'] as const;

export async function findReplayTarget(models: Models, transactionGuid: string, restaurantGuid?: string): Promise<FindResult> {
  const restaurants = restaurantGuid ? [restaurantGuid] : (await models.Location.find({}, { _id: 1 }).lean()).map((l) => l._id);
  const docs = await models.ToastTransaction.find({ restaurantGuid: { $in: restaurants }, transactionGuid, state: 'DONE' }).lean<StoredTransaction[]>();
  const replayable = docs.filter((d) => (REPLAYABLE as readonly string[]).includes(d.type));
  if (replayable.length > 1) {
    const list = replayable.map((d) => `${d.type} at ${d.restaurantGuid}`).join(', ');
    return { ok: false, message: `transaction ${transactionGuid} names ${replayable.length} requests (${list}): pass --restaurant <guid>` };
  }
  const doc = replayable[0];
  if (doc && doc.type !== 'LOYALTY_ACCRUE') return { ok: true, target: { kind: 'CHECK', doc } };
  const accrual = await findAccrual(models, transactionGuid, doc, restaurantGuid);
  if (accrual) return { ok: true, target: { kind: 'ACCRUE', doc: doc ?? null, accrual } };
  if (docs.length > 0) return { ok: false, message: `transaction ${transactionGuid} is a ${docs[0]!.type}: only INQUIRE, REDEEM and ACCRUE can be replayed` };
  return { ok: false, message: `unknown transaction ${transactionGuid}: no stored INQUIRE, REDEEM or ACCRUE has this GUID (stored INQUIRE answers are deleted after READ_ONLY_ANSWER_RETENTION_DAYS)` };
}

async function findAccrual(models: Models, transactionGuid: string, doc: StoredTransaction | undefined, restaurantGuid?: string): Promise<StoredAccrual | null> {
  if (doc?.accrualId) return models.Accrual.findById(doc.accrualId).lean<StoredAccrual>();
  const programIds = (await models.Program.find({}, { _id: 1 }).lean()).map((p) => p._id);
  const filter = { programId: { $in: programIds }, transactionGuids: transactionGuid, ...(restaurantGuid ? { restaurantGuid } : {}) };
  return models.Accrual.findOne(filter).sort({ acceptedAt: -1 }).lean<StoredAccrual>();
}
