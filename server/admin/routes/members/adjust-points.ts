import { HttpError } from '../../../http/errors.js';
import { adjustPoints } from '../../../loyalty/members/admin/adjustments.js';
import { ledgerLine } from '../../../loyalty/members/admin/ledger-page.js';
import { readBalance } from '../../../loyalty/ledger/ledger.js';
import { activeProgram } from '../../../loyalty/programs/program-cache.js';
import { defineRoute } from '../../route.js';
import { ledgerLineSchema, memberParams } from '../../schemas/members.js';
import { memberOf, type MemberParams } from './member-of.js';

interface Body {
  points: number;
  reason: string;
  idempotencyKey: string;
}

/** Largest single adjustment, either way (a typo guard; bigger corrections take several). */
const MAX_POINTS = 1_000_000;

const answerSchema = { type: 'object', required: ['entry', 'balance', 'replayed'], properties: { entry: ledgerLineSchema, balance: { type: 'integer' }, replayed: { type: 'boolean' } } };

/**
 * `POST /programs/{programId}/members/{identifier}/adjustments`: one ADJUST ledger entry per
 * `idempotencyKey` (concurrent copies append one entry). A debit never takes the balance below
 * zero unless the program's `policies.adjustments.allowNegativeBalance` is true.
 */
export const adjustPointsRoute = defineRoute<MemberParams, Record<string, never>, Body>({
  id: 'adjustPoints',
  method: 'post',
  path: '/programs/{programId}/members/{identifier}/adjustments',
  summary: "Adjust a member's points (an ADJUST ledger entry), idempotent on idempotencyKey",
  tag: 'members',
  access: 'program',
  params: memberParams,
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['points', 'reason', 'idempotencyKey'],
    properties: {
      points: { type: 'integer', minimum: -MAX_POINTS, maximum: MAX_POINTS, not: { const: 0 }, description: 'Non-zero; negative takes points away.' },
      reason: { type: 'string', minLength: 1, maxLength: 500, description: 'Shown in the ledger. No guest data.' },
      idempotencyKey: { type: 'string', minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9._~-]+$', description: 'Unique per adjustment; a repeat answers the first result.' },
    },
  },
  audit: 'member.adjust',
  responses: {
    201: { description: 'Applied.', schema: answerSchema },
    200: { description: 'Already applied by an earlier copy of this request (same key, points and reason).', schema: answerSchema },
    404: { description: 'UNKNOWN_MEMBER; UNKNOWN_PROGRAM: the program has no active version.' },
    409: { description: 'IDEMPOTENCY_KEY_REUSED: the key was used for a different adjustment of this member.' },
    422: { description: 'BELOW_BALANCE_FLOOR: the debit would take the balance below zero and the program does not allow it.' },
  },
  handler: async ({ params, body, scope, deps }) => {
    const member = await memberOf(deps, params);
    const active = await activeProgram(deps.models, params.programId);
    if (!active) throw new HttpError(404, 'UNKNOWN_PROGRAM', `program ${params.programId} has no active version`);
    const outcome = await adjustPoints(deps.models, active.program, member, { ...body, by: scope.keyId }, deps.clock.now());
    switch (outcome.status) {
      case 'BELOW_FLOOR':
        throw new HttpError(422, 'BELOW_BALANCE_FLOOR', `the balance is ${outcome.balance}; this program does not allow an adjustment below zero`,
          [{ in: 'body', path: '/points', message: `at least ${-outcome.balance}` }]);
      case 'KEY_REUSED':
        throw new HttpError(409, 'IDEMPOTENCY_KEY_REUSED', `idempotencyKey was already used for another adjustment of this member (entry ${outcome.entry.seq})`);
      case 'APPLIED':
      case 'REPLAYED': {
        const { balance } = await readBalance(deps.models, member._id);
        const replayed = outcome.status === 'REPLAYED';
        return {
          status: replayed ? 200 : 201,
          body: { entry: ledgerLine(outcome.entry, null), balance, replayed },
          audit: { target: `${params.programId}/${member.loyaltyIdentifier}`, details: { points: body.points, seq: outcome.entry.seq, replayed } },
        };
      }
    }
  },
});
