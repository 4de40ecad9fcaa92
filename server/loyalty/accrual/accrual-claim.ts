/**
 * The ACCRUE's claim is its accrual: the accrual's `_id` is derived from the request key
 * (restaurant, Toast-Transaction-GUID, type, keyed loyalty identifier — idempotency.ts), so the
 * first copy of a request inserts it and every other copy, concurrent or later, meets a
 * duplicate `_id` and answers what the first answered (the accrual keeps its receipt line and
 * the keyed request hash). That saves the claim document's insert and completion per ACCRUE
 * (issue 11 §2). The key holds no guest data: its identifier is already a keyed hash.
 */
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { RequestKey } from '../idempotency/idempotency.js';

/** The accrual `_id` of an ACCRUE request: 12 bytes of SHA-256 over its key. */
export function accrualIdOf(key: RequestKey): Types.ObjectId {
  const digest = createHash('sha256').update(`accrual|${key.restaurantGuid}|${key.transactionGuid}|${key.type}|${key.loyaltyIdentifier}`).digest();
  return new Types.ObjectId(digest.subarray(0, 12));
}
