/**
 * Runs one authenticated Toast request for a known restaurant: validate the body for its type,
 * claim it (idempotency), run the type's handler, store and return the exact answer. Domain
 * errors become their `transactionStatus`; they are not stored (the claim is released), so a
 * retry with the same GUID runs again — errors have no effects by construction.
 */
import type { AppDeps } from '../http/deps.js';
import { LoyaltyError } from '../loyalty/errors.js';
import { claimRequest, completeRequest, hashRequest, releaseRequest, storeReadOnlyResponse, type RequestKey, type StoredResponse } from '../loyalty/idempotency.js';
import type { ProgramContext } from '../loyalty/program-context.js';
import { transactionStatusFor } from './error-status.js';
import { handlerFor } from './handlers/index.js';
import type { HandlerContext, ToastHandler } from './handlers/handler.js';
import { statusResponse } from './respond.js';
import { validateToastRequest } from './schemas/index.js';
import type { TransactionType } from './transaction-types.js';

export interface ToastRequestContext {
  type: TransactionType;
  transactionGuid: string;
  program: ProgramContext;
}

export async function dispatch(deps: AppDeps, ctx: ToastRequestContext, body: unknown): Promise<StoredResponse> {
  const handler = handlerFor(ctx.type) as ToastHandler<TransactionType> | undefined;
  if (!handler) return statusResponse(ctx.type, 'ERROR_INVALID_TOAST_TRANSACTION_TYPE');
  const validation = validateToastRequest(ctx.type, body);
  if (!validation.ok) return statusResponse(ctx.type, validation.code);
  const key = {
    restaurantGuid: ctx.program.restaurantGuid, transactionGuid: ctx.transactionGuid, type: ctx.type,
    loyaltyIdentifier: handler.identifierOf(validation.value) ?? '',
  };
  if (handler.readOnly) return runReadOnly(deps, ctx, handler, key, validation.value, body);
  const claim = await claimRequest(deps.models, key, {
    programId: ctx.program.programId, requestHash: hashRequest(body), clock: deps.clock, waitMs: deps.config.idempotencyWaitMs,
  });
  if (claim.kind === 'DONE') {
    if (!claim.sameBody) deps.logger.warn({ type: ctx.type, transactionGuid: ctx.transactionGuid }, 'transaction GUID reused with a different body; answering the stored response');
    return claim.response;
  }
  // Another copy is still running: answer now rather than past Toast's 5 s (nothing stored).
  if (claim.kind === 'BUSY') return statusResponse(ctx.type, 'ERROR');
  const hctx: HandlerContext<TransactionType> = {
    deps, program: ctx.program, transactionGuid: ctx.transactionGuid, body: validation.value, now: deps.clock.now(),
  };
  try {
    const outcome = await handler.handle(hctx);
    const response = { status: 200, body: JSON.stringify({ ...outcome.response, transactionStatus: 'ACCEPT' }) };
    return await completeRequest(deps.models, claim, response, outcome.record ?? {}, deps.clock.now());
  } catch (err) {
    await releaseRequest(deps.models, claim).catch(() => undefined);
    if (err instanceof LoyaltyError) return statusResponse(ctx.type, transactionStatusFor(err.code));
    throw err;
  }
}

/** A handler without effects: run it, then store its answer once (first stored answer wins). */
async function runReadOnly(
  deps: AppDeps, ctx: ToastRequestContext, handler: ToastHandler<TransactionType>, key: RequestKey, value: HandlerContext<TransactionType>['body'], body: unknown,
): Promise<StoredResponse> {
  try {
    const outcome = await handler.handle({ deps, program: ctx.program, transactionGuid: ctx.transactionGuid, body: value, now: deps.clock.now() });
    const response = { status: 200, body: JSON.stringify({ ...outcome.response, transactionStatus: 'ACCEPT' }) };
    return await storeReadOnlyResponse(deps.models, key, { programId: ctx.program.programId, requestHash: hashRequest(body), clock: deps.clock }, response);
  } catch (err) {
    if (err instanceof LoyaltyError) return statusResponse(ctx.type, transactionStatusFor(err.code));
    throw err;
  }
}
