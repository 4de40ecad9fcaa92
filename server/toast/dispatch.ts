/**
 * Runs one authenticated Toast request for a known restaurant: validate the body for its type,
 * claim it (idempotency), run the type's handler, store and return the exact answer.
 *
 * What is guaranteed (invariant 6, ARCHITECTURE §4):
 * * A domain refusal (`LoyaltyError`) is decided before any effect: its claim is released and
 *   a retry with the same GUID runs again (Toast retries a failed REVERSE that way).
 * * Once the handler returned, its effect has committed: the answer is that effect's ACCEPT,
 *   whatever happens to storing it. A failed completion write is retried in the background and
 *   the claim is never released, so a retry of the GUID gets the same answer (the stored one,
 *   or — after the lease — a take-over whose keyed re-run finds the committed effect).
 * * An unexpected failure inside a handler may have committed part of an effect: the claim is
 *   kept with its lease ended (released behind the answer, which never waits for it), and a
 *   retry takes it over and re-runs (every effect is keyed by sourceKey).
 *   A REDEEM nobody retries is compensated later (server/loyalty/redemption/abandoned-redeems.ts).
 * * INQUIRE and SEARCH (no effect) and ACCRUE (its accrual, keyed by the request, is its claim:
 *   server/loyalty/accrual/accrual-claim.ts) run without a claim and store their answer once.
 * * Stored answers hold no guest contact data (stored-answer.ts) and the key's identifier is a
 *   keyed hash; a replay re-renders contact fields from the member record.
 */
import type { AppDeps } from '../http/deps.js';
import { LoyaltyError } from '../loyalty/errors.js';
import {
  claimRequest, completeAfterCommit, hashRequest, identifierKey, releaseRequest, releaseLease, storeAfterCommit, storeReadOnlyResponse,
  type RequestKey, type StoredResponse,
} from '../loyalty/idempotency/idempotency.js';
import type { ProgramContext } from '../loyalty/programs/program-context.js';
import { transactionStatusFor } from './error-status.js';
import { handlerFor } from './handlers/index.js';
import type { HandlerContext, HandlerOutcome, ToastHandler } from './handlers/handler.js';
import { refusal, statusResponse } from './respond.js';
import { answerBodies, replayable } from './stored-answer.js';
import { validateToastRequest } from './schemas/index.js';
import type { TransactionType } from './transaction-types.js';

export interface ToastRequestContext {
  type: TransactionType;
  transactionGuid: string;
  program: ProgramContext;
}

/** The ACCEPT answer of a handler's outcome. */
function accepted(outcome: HandlerOutcome): object {
  return { ...outcome.response, transactionStatus: 'ACCEPT' };
}

export async function dispatch(deps: AppDeps, ctx: ToastRequestContext, body: unknown): Promise<StoredResponse> {
  const handler = handlerFor(ctx.type) as ToastHandler<TransactionType> | undefined;
  if (!handler) return statusResponse(ctx.type, 'ERROR_INVALID_TOAST_TRANSACTION_TYPE');
  const validation = validateToastRequest(ctx.type, body);
  if (!validation.ok) return refusal({ logger: deps.logger, type: ctx.type, transactionGuid: ctx.transactionGuid }, validation.code, validation.error);
  const key = {
    restaurantGuid: ctx.program.restaurantGuid, transactionGuid: ctx.transactionGuid, type: ctx.type,
    // Keyed: what Toast sends may be a phone from a QR code, which must not sit in the clear.
    loyaltyIdentifier: identifierKey(deps.config.memberKeySecret, handler.identifierOf(validation.value) ?? ''),
  };
  const requestHash = hashRequest(deps.config.memberKeySecret, body);
  if (handler.readOnly || handler.claimsByEffect) return runUnclaimed(deps, ctx, handler, key, validation.value, requestHash);
  const prefetched = handler.prefetch?.(deps, ctx.program, validation.value);
  // Awaited in `handle` only when this copy owns the claim; otherwise dropped, failure included.
  prefetched?.catch(() => undefined);
  const claim = await claimRequest(deps.models, key, {
    programId: ctx.program.programId, requestHash, clock: deps.clock, waitMs: deps.config.idempotencyWaitMs,
  });
  if (claim.kind === 'DONE') {
    if (!claim.sameBody) deps.logger.warn({ type: ctx.type, transactionGuid: ctx.transactionGuid }, 'transaction GUID reused with a different body; answering the stored response');
    return replayable(deps.models, ctx.program.programId, claim.response);
  }
  // Another copy is still running: answer now rather than past Toast's 5 s (nothing stored, nothing released).
  if (claim.kind === 'BUSY') return statusResponse(ctx.type, 'ERROR');
  const hctx: HandlerContext<TransactionType> = {
    deps, program: ctx.program, transactionGuid: ctx.transactionGuid, body: validation.value, now: deps.clock.now(), rerun: claim.takenOver, prefetched,
  };
  let outcome: HandlerOutcome;
  try {
    outcome = await handler.handle(hctx);
  } catch (err) {
    if (err instanceof LoyaltyError) {
      // A taken-over claim may cover an effect an earlier owner committed: kept, never released.
      await (claim.takenOver ? releaseLease(deps.models, claim, deps.clock.now()) : releaseRequest(deps.models, claim)).catch(() => undefined);
      return statusResponse(ctx.type, transactionStatusFor(err.code));
    }
    // Not awaited: the failure already took one operation's bound (config/time-budget.ts); the
    // answer must not wait another for a database that is likely gone. Until the release lands
    // a retry waits for the lease like any duplicate; if it never lands the lease runs out.
    void releaseLease(deps.models, claim, deps.clock.now()).catch(() => undefined);
    throw err;
  }
  const answer = answerBodies(accepted(outcome));
  const [stored] = await Promise.all([
    completeAfterCommit(deps.models, claim, { status: 200, body: answer.stored }, outcome.record ?? {}, deps.clock.now(), deps.logger),
    outcome.finishing,
  ]);
  return sendable(deps, ctx, answer, stored);
}

/** Our own answer when it is the stored one, else the stored winner re-rendered. */
async function sendable(deps: AppDeps, ctx: ToastRequestContext, answer: { sent: string; stored: string }, stored: StoredResponse): Promise<StoredResponse> {
  if (stored.status === 200 && stored.body === answer.stored) return { status: 200, body: answer.sent };
  return replayable(deps.models, ctx.program.programId, stored);
}

/**
 * A handler without a claim: one without effects (`readOnly`), or one whose effect claims the
 * request itself (`claimsByEffect`). Run it, then store its answer once (first stored answer
 * wins); after a committed effect, a failed store still answers ACCEPT and is retried.
 */
async function runUnclaimed(
  deps: AppDeps, ctx: ToastRequestContext, handler: ToastHandler<TransactionType>, key: RequestKey,
  value: HandlerContext<TransactionType>['body'], requestHash: string,
): Promise<StoredResponse> {
  try {
    const outcome = await handler.handle({
      deps, program: ctx.program, transactionGuid: ctx.transactionGuid, body: value, now: deps.clock.now(), request: { key, hash: requestHash },
    });
    const answer = answerBodies(accepted(outcome));
    const opts = { programId: ctx.program.programId, requestHash, clock: deps.clock };
    const response = { status: 200, body: answer.stored };
    const [stored] = await Promise.all([
      handler.claimsByEffect
        ? storeAfterCommit(deps.models, key, opts, response, outcome.record ?? {}, deps.logger)
        : storeReadOnlyResponse(deps.models, key, opts, response, outcome.record),
      outcome.finishing,
    ]);
    return await sendable(deps, ctx, answer, stored);
  } catch (err) {
    if (err instanceof LoyaltyError) return statusResponse(ctx.type, transactionStatusFor(err.code));
    throw err;
  }
}
