/**
 * The shape of a Toast transaction handler: one declared object per `Toast-Transaction-Type`,
 * collected in handlers/index.ts. A handler gets a validated body and returns the members of an
 * ACCEPT answer (plus what a later REVERSE needs); expected failures are `LoyaltyError`s, mapped
 * to `transactionStatus` in error-status.ts.
 */
import type { AppDeps } from '../../http/deps.js';
import type { RequestKey, TransactionRecord } from '../../loyalty/idempotency/idempotency.js';
import type { ProgramContext } from '../../loyalty/programs/program-context.js';
import type { LoyaltyTransactionResponse, ToastRequestBody } from '../schemas/index.js';
import type { TransactionType } from '../transaction-types.js';

export interface HandlerContext<T extends TransactionType> {
  deps: AppDeps;
  program: ProgramContext;
  /** `Toast-Transaction-GUID` of this request. */
  transactionGuid: string;
  body: ToastRequestBody<T>;
  now: Date;
  /**
   * True when this run took over the claim of an earlier run of the same request that may have
   * committed part of its effect (a crash, a failure): keyed effects must look for what it did.
   */
  rerun?: boolean;
  /**
   * The request as dispatch keyed it (restaurant, GUID, type, keyed identifier) and the keyed
   * hash of its body: a handler whose effect claims the request itself (`claimsByEffect`) keys
   * that effect by it.
   */
  request?: { key: RequestKey; hash: string };
  /** What the handler's `prefetch` read while the request was being claimed (see ToastHandler.prefetch). */
  prefetched?: Promise<unknown>;
}

export interface HandlerOutcome {
  /** ACCEPT body members; `transactionStatus` is added by the dispatcher. */
  response: Omit<LoyaltyTransactionResponse, 'transactionStatus'>;
  record?: TransactionRecord;
  /**
   * Work the handler started that the answer waits for, but that need not come before storing
   * the answer (ACCRUE's posting job): dispatch awaits it beside the store. Must never reject.
   */
  finishing?: Promise<unknown>;
}

export interface ToastHandler<T extends TransactionType> {
  type: T;
  /** The account the request names (part of the idempotency key); null when none. */
  identifierOf(body: ToastRequestBody<T>): string | null;
  /**
   * True when the handler changes nothing but what is keyed to converge (an auto-enrolment is
   * keyed by the phone): its answer is stored once after it ran (one write instead of claim +
   * complete), and a duplicate that lost the race answers the stored bytes.
   */
  readOnly?: boolean;
  /**
   * True when the handler's one effect is itself keyed by the request (ACCRUE: the accrual's
   * `_id` derives from the request key): no claim first. A copy of the request, concurrent or
   * later, finds that effect by duplicate key and answers what the first answered, also when the
   * GUID was reused with another body; the answer is stored once after the effect committed,
   * and a failure to store it does not change the ACCEPT (it is retried in the background).
   */
  claimsByEffect?: boolean;
  /**
   * A read the handler needs first, started while dispatch claims the request rather than after:
   * one round trip less on the way to the answer. Only a read (no effect): when the claim finds
   * the request done or busy its result is dropped; a read that fails surfaces where `handle`
   * awaits it, as it would have failed there. Whatever it read may be a moment older than the
   * claim, like any read under concurrency: every effect is guarded (the ledger's append decides
   * on its own head, ARCHITECTURE §5).
   */
  prefetch?(deps: AppDeps, program: ProgramContext, body: ToastRequestBody<T>): Promise<unknown>;
  handle(ctx: HandlerContext<T>): Promise<HandlerOutcome>;
}

/** Any one of the seven handlers. */
export type AnyToastHandler = { [T in TransactionType]: ToastHandler<T> }[TransactionType];
