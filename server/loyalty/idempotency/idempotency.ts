/**
 * Request claims (ARCHITECTURE §5, invariant 4): the first copy of a Toast request inserts an
 * IN_PROGRESS claim under the unique key (restaurant, GUID, type, loyalty identifier), runs, and
 * stores its exact response (status + body string). Every later or concurrent copy answers
 * from the store: a copy that finds the claim IN_PROGRESS polls, bounded by `waitMs`.
 *
 * Crash safety: a claim carries a lease measured on the injected clock. A copy that finds an
 * IN_PROGRESS claim whose lease has expired takes it over (one winner, by swapping
 * `claimToken`) and runs the request again; the handlers make that safe because every effect
 * is keyed by a ledger `sourceKey` (a re-run finds the committed debit instead of repeating it).
 */
import { createHmac, randomUUID } from 'node:crypto';
import mongoose, { type Types } from 'mongoose';
import type { Logger } from 'pino';
import type { Clock } from '../../clock.js';
import type { Models } from '../../store/models/index.js';
import type { ToastTransactionDoc } from '../../store/models/toast-transaction.js';
import type { MemberRecord } from '../members/members.js';
import { storedEvaluation, type RecordedEvaluation } from '../offers/recorded-evaluation.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';
import { insertShaped } from '../../store/insert-shaped.js';

export interface RequestKey {
  restaurantGuid: string;
  transactionGuid: string;
  type: string;
  /** Keyed hash of the identifier the request names ({@link identifierKey}); '' when none. */
  loyaltyIdentifier: string;
}

/** An HTTP answer exactly as sent: replayed byte for byte to duplicates. */
export interface StoredResponse {
  status: number;
  body: string;
}

export type Claim =
  | { kind: 'OWNER'; id: Types.ObjectId; token: string; takenOver: boolean }
  /** `sameBody` false: the GUID was reused for a different body (still the same request to Toast, §1.7). */
  | { kind: 'DONE'; response: StoredResponse; sameBody: boolean }
  /** Still in progress elsewhere after waiting `waitMs`: answer without storing anything. */
  | { kind: 'BUSY' };

export interface ClaimOptions {
  programId: string;
  requestHash: string;
  clock: Clock;
  /** Real-time bound on waiting for a concurrent copy (config.idempotencyWaitMs). */
  waitMs: number;
  /** How long a claim protects its owner before a copy may take it over (clock time). */
  leaseMs?: number;
  pollMs?: number;
}

/** Longer than Toast's 5 s timeout plus our own work: a live owner is never taken over. */
export const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_POLL_MS = 20;

/**
 * Keyed hash (HMAC-SHA256 with the member-key secret) of a parsed request body, recorded to spot
 * a GUID reused for other content. Keyed because bodies carry phones and emails: a plain hash of
 * a SIGNUP body could be matched against a list of phone numbers.
 */
export function hashRequest(secret: string, body: unknown): string {
  return createHmac('sha256', secret).update(JSON.stringify(body) ?? '').digest('hex');
}

/**
 * The request key's loyalty identifier, keyed (HMAC-SHA256): Toast may send a phone number
 * there (a phone QR code), and stored keys must not hold it in the clear. '' stays ''.
 */
export function identifierKey(secret: string, identifier: string): string {
  return identifier === '' ? '' : createHmac('sha256', secret).update(`identifier|${identifier}`).digest('base64url');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function tryInsert(models: Models, key: RequestKey, opts: ClaimOptions): Promise<Claim | null> {
  const now = opts.clock.now();
  const token = randomUUID();
  try {
    const id = new mongoose.Types.ObjectId();
    await insertShaped(models.ToastTransaction, {
      _id: id, ...key, programId: opts.programId, state: 'IN_PROGRESS', requestHash: opts.requestHash, claimToken: token,
      leaseUntil: new Date(now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS)), createdAt: now,
    });
    return { kind: 'OWNER', id, token, takenOver: false };
  } catch (err) {
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}

async function tryTakeOver(models: Models, id: Types.ObjectId, oldToken: string, opts: ClaimOptions): Promise<Claim | null> {
  const now = opts.clock.now();
  const token = randomUUID();
  const result = await models.ToastTransaction.updateOne(
    { _id: id, state: 'IN_PROGRESS', claimToken: oldToken, leaseUntil: { $lt: now } },
    { $set: { claimToken: token, leaseUntil: new Date(now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS)) } },
  );
  return result.modifiedCount === 1 ? { kind: 'OWNER', id, token, takenOver: true } : null;
}

/** Claims `key`, or returns the stored response of an earlier copy. */
export async function claimRequest(models: Models, key: RequestKey, opts: ClaimOptions): Promise<Claim> {
  const deadline = Date.now() + opts.waitMs;
  let insert = true;
  for (;;) {
    if (insert) {
      const owned = await tryInsert(models, key, opts);
      if (owned) return owned;
    }
    const doc = await models.ToastTransaction.findOne(key).lean();
    insert = doc === null; // released by a failed owner: claim it afresh
    if (doc?.state === 'DONE' && doc.responseStatus != null && doc.responseBody != null) {
      return { kind: 'DONE', response: { status: doc.responseStatus, body: doc.responseBody }, sameBody: doc.requestHash === opts.requestHash };
    }
    if (doc && doc.leaseUntil.getTime() < opts.clock.now().getTime()) {
      const taken = await tryTakeOver(models, doc._id, doc.claimToken, opts);
      if (taken) return taken;
    }
    if (Date.now() >= deadline) return { kind: 'BUSY' };
    if (!insert) await sleep(opts.pollMs ?? DEFAULT_POLL_MS);
  }
}

/** What a later REVERSE needs from a REDEEM or ACCRUE, and what a replay needs from INQUIRE/REDEEM. */
export interface TransactionRecord {
  memberId?: string | null;
  evaluation?: RecordedEvaluation | null;
  accrualId?: string | null;
  redemptions?: {
    rewardId: string; appliedDiscountGuid: string | null; multiItemDiscountGuid: string | null;
    quantity: number; points: number; amountCents: number; sourceKey: string;
  }[];
}

/** The record's member as an ObjectId, for the REVERSE's `$lookup` ({@link findCompletedTransactions}). */
function memberRef(record: TransactionRecord): Types.ObjectId | null {
  return record.memberId && /^[0-9a-f]{24}$/i.test(record.memberId) ? new mongoose.Types.ObjectId(record.memberId) : null;
}

/** The record's fields as stored on the transaction (the evaluation as its JSON text). */
function storedRecord(record: TransactionRecord): Record<string, unknown> {
  const { evaluation, ...rest } = record;
  return { ...rest, memberRef: memberRef(record), ...(evaluation === undefined ? {} : { evaluation: storedEvaluation(evaluation) }) };
}

/**
 * Stores the response and marks the claim DONE. If another copy took the claim over meanwhile
 * and finished first, its stored response wins, so every copy answers the same bytes.
 */
export async function completeRequest(
  models: Models, claim: Extract<Claim, { kind: 'OWNER' }>, response: StoredResponse, record: TransactionRecord, now: Date,
): Promise<StoredResponse> {
  const result = await models.ToastTransaction.updateOne(
    { _id: claim.id, state: 'IN_PROGRESS', claimToken: claim.token },
    { $set: { state: 'DONE', responseStatus: response.status, responseBody: response.body, completedAt: now, ...storedRecord(record) } },
  );
  if (result.modifiedCount === 1) return response;
  const stored = await models.ToastTransaction.findById(claim.id).lean();
  if (stored?.state === 'DONE' && stored.responseStatus != null && stored.responseBody != null) {
    return { status: stored.responseStatus, body: stored.responseBody };
  }
  return response;
}

/** Delays between background attempts to store an answer whose effect committed. */
const COMPLETION_RETRY_MS = [100, 250, 500, 1000, 2000, 4000, 8000, 15000];

/**
 * Stores the ACCEPT answer of a request whose effect has committed. Never throws: if the write
 * fails, the answer is still `response` (the effect happened, invariant 6), the claim stays
 * (never released) and the write is retried in the background, so a duplicate waiting on the
 * claim soon gets these bytes; should every retry fail, the claim's lease lets a later copy
 * take over and re-run, and the keyed effects make that re-run find what committed.
 */
export async function completeAfterCommit(
  models: Models, claim: Extract<Claim, { kind: 'OWNER' }>, response: StoredResponse, record: TransactionRecord, now: Date, logger: Logger,
): Promise<StoredResponse> {
  try {
    return await completeRequest(models, claim, response, record, now);
  } catch (err) {
    logger.error({ err, claimId: String(claim.id) }, 'storing an answer failed after its effect committed; answering ACCEPT and retrying the write');
    retryCompletion(models, claim, response, record, now, logger, 0);
    return response;
  }
}

function retryCompletion(
  models: Models, claim: Extract<Claim, { kind: 'OWNER' }>, response: StoredResponse, record: TransactionRecord, now: Date, logger: Logger, attempt: number,
): void {
  const delay = COMPLETION_RETRY_MS[attempt];
  if (delay === undefined) {
    logger.error({ claimId: String(claim.id) }, 'answer still not stored; a retry of this request will take the claim over after its lease');
    return;
  }
  setTimeout(() => {
    completeRequest(models, claim, response, record, now).then(
      () => logger.info({ claimId: String(claim.id), attempt: attempt + 1 }, 'answer stored after a retry'),
      () => retryCompletion(models, claim, response, record, now, logger, attempt + 1),
    );
  }, delay).unref();
}

/**
 * Stores the answer of a request that had no effect (INQUIRE) in one insert, without a claim
 * first. If a copy stored its answer before us, that stored answer wins, so duplicates still
 * get byte-identical responses; the only cost of a race is a repeated computation.
 */
export async function storeReadOnlyResponse(
  models: Models, key: RequestKey, opts: Pick<ClaimOptions, 'programId' | 'requestHash' | 'clock'>, response: StoredResponse,
  record: TransactionRecord = {},
): Promise<StoredResponse> {
  const now = opts.clock.now();
  try {
    // The hottest write of the webhook: through the driver, shaped like every hot insert.
    await insertShaped(models.ToastTransaction, {
      ...key, programId: opts.programId, state: 'DONE', requestHash: opts.requestHash, claimToken: randomUUID(),
      leaseUntil: now, createdAt: now, completedAt: now, responseStatus: response.status, responseBody: response.body, ...storedRecord(record),
    });
    return response;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const stored = await models.ToastTransaction.findOne(key).lean();
  if (stored?.state === 'DONE' && stored.responseStatus != null && stored.responseBody != null) {
    return { status: stored.responseStatus, body: stored.responseBody };
  }
  return response;
}

/**
 * Stores the answer of a request whose effect committed without a claim first (ACCRUE: the
 * accrual is keyed by the request). Never throws: if the insert fails the answer is still
 * `response` (invariant 6) and the insert is retried in the background; until it lands, a copy
 * of the request finds the effect by its key and answers the same.
 */
export async function storeAfterCommit(
  models: Models, key: RequestKey, opts: Pick<ClaimOptions, 'programId' | 'requestHash' | 'clock'>, response: StoredResponse,
  record: TransactionRecord, logger: Logger,
): Promise<StoredResponse> {
  const attempt = (): Promise<StoredResponse> => storeReadOnlyResponse(models, key, opts, response, record);
  try {
    return await attempt();
  } catch (err) {
    logger.error({ err, transactionGuid: key.transactionGuid }, 'storing an answer failed after its effect committed; answering ACCEPT and retrying the write');
    retryInBackground(attempt, logger, key.transactionGuid, 0);
    return response;
  }
}

function retryInBackground(attempt: () => Promise<unknown>, logger: Logger, transactionGuid: string, n: number): void {
  const delay = COMPLETION_RETRY_MS[n];
  if (delay === undefined) {
    logger.error({ transactionGuid }, 'answer still not stored; a copy of the request still finds its effect and answers the same');
    return;
  }
  setTimeout(() => {
    attempt().then(
      () => logger.info({ transactionGuid, attempt: n + 1 }, 'answer stored after a retry'),
      () => retryInBackground(attempt, logger, transactionGuid, n + 1),
    );
  }, delay).unref();
}

/**
 * Drops a claim whose request failed without effect (errors are not cached): a retry with the
 * same GUID — Toast retries a failed REVERSE that way — runs again instead of replaying the error.
 */
export async function releaseRequest(models: Models, claim: Extract<Claim, { kind: 'OWNER' }>): Promise<void> {
  await models.ToastTransaction.deleteOne({ _id: claim.id, state: 'IN_PROGRESS', claimToken: claim.token });
}

/**
 * After an unexpected failure whose effects are unknown: the claim is kept (it may cover a
 * committed effect) but its lease ends now, so a retry takes it over at once and re-runs; every
 * effect is keyed, so the re-run finds what committed instead of repeating it.
 */
export async function releaseLease(models: Models, claim: Extract<Claim, { kind: 'OWNER' }>, now: Date): Promise<void> {
  // Just before now: a copy takes it over at once; abandoned-redeems.ts counts its grace from here.
  await models.ToastTransaction.updateOne({ _id: claim.id, state: 'IN_PROGRESS', claimToken: claim.token }, { $set: { leaseUntil: new Date(now.getTime() - 1) } });
}

/** A stored transaction with the member it acted on, as read now (absent on records from before `memberRef`). */
export type CompletedTransaction = ToastTransactionDoc & { _id: Types.ObjectId; member?: MemberRecord };

/**
 * The finished REDEEM or ACCRUE (or any type) recorded under `transactionGuid` at this
 * restaurant, each joined to its member in the same round trip (a REVERSE credits that member
 * starting from it, see ledger.ts `AppendStart`).
 */
export async function findCompletedTransactions(models: Models, restaurantGuid: string, transactionGuid: string): Promise<CompletedTransaction[]> {
  const rows = await models.ToastTransaction.aggregate<ToastTransactionDoc & { _id: Types.ObjectId; members: MemberRecord[] }>([
    { $match: { restaurantGuid, transactionGuid, state: 'DONE' } },
    { $lookup: { from: models.Member.collection.collectionName, localField: 'memberRef', foreignField: '_id', as: 'members' } },
  ]);
  return rows.map(({ members, ...doc }) => (members[0] ? { ...doc, member: members[0] } : doc));
}
