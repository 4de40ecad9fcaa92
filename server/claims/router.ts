/**
 * `POST /v1/claims`: a member claims the points of a check paid without an account, with the
 * receipt's QR payload (what Spendgo's member portal offers). API-key auth (ADMIN_API_KEYS),
 * scoped to the key's program. Answers 201 with the credit, 200 with the same credit when this
 * member had claimed the check before, or `{error:{code,message}}` with the refusal's reason.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from '../http/deps.js';
import { apiKeyScope, requireApiKey, scopeAllows } from '../http/api-key-auth.js';
import { Forbidden, HttpError } from '../http/errors.js';
import { claimReceipt, parseReceipt, type ClaimOutcome, type ClaimRefusal } from '../loyalty/claims/claims.js';
import { parseClaimRequest } from './claim-request.js';

export const CLAIMS_PATH = '/v1/claims';

/** The one mapping of refusal reasons to HTTP statuses and messages. */
const refusals: Record<ClaimRefusal, { status: number; message: string }> = {
  UNKNOWN_RECEIPT: { status: 404, message: 'no claimable check matches this receipt' },
  UNKNOWN_MEMBER: { status: 404, message: 'no member with this loyalty identifier in the program' },
  MEMBER_SUSPENDED: { status: 422, message: 'this account may not earn points' },
  ALREADY_CLAIMED: { status: 409, message: 'the points of this check were already credited' },
  REVERSED: { status: 409, message: 'this check was voided or refunded' },
  CLAIM_WINDOW_EXPIRED: { status: 422, message: 'this receipt is too old to be claimed' },
};

type Claimed = Extract<ClaimOutcome, { status: 'CLAIMED' }>;

function present(outcome: Claimed) {
  return {
    accrualId: outcome.accrualId,
    programId: outcome.programId,
    points: outcome.points,
    pointsBalance: outcome.balance,
    claimedAt: outcome.claimedAt.toISOString(),
  };
}

/** The body must be declared JSON: anything else is 415, not a confusing validation error. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  if (!req.is('application/json')) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the claim as application/json');
  next();
}

export function claimRoutes(deps: AppDeps): Router {
  const router = Router();
  const parseJson = express.json({ limit: '16kb', strict: true });
  router.post(CLAIMS_PATH, requireApiKey(deps.config.adminApiKeys), requireJson, parseJson, async (req, res) => {
    const body = parseClaimRequest(req.body);
    const scope = apiKeyScope(res);
    if (body.programId !== undefined && !scopeAllows(scope, body.programId)) throw new Forbidden('this key may not act in that program');
    const receipt = parseReceipt(body.receipt);
    if (!receipt) throw new HttpError(400, 'MALFORMED_RECEIPT', 'receipt must look like LOCATION_GUID:ORDER_GUID:CHECK_GUID', [{ path: '/receipt', message: 'must have three parts' }]);
    const outcome = await claimReceipt(deps.models, {
      receipt,
      loyaltyIdentifier: body.loyaltyIdentifier,
      inProgram: (programId) => scopeAllows(scope, programId) && (body.programId === undefined || body.programId === programId),
      windowDays: deps.config.claimWindowDays,
      now: deps.clock.now(),
    });
    if (outcome.status === 'REFUSED') {
      const { status, message } = refusals[outcome.reason];
      throw new HttpError(status, outcome.reason, message);
    }
    res.status(outcome.repeat ? 200 : 201).json({ claim: present(outcome) });
  });
  return router;
}
