/**
 * `POST /v1/claims` as the OpenAPI document describes it (server/admin/openapi.ts), built from
 * the schema the route validates with (claim-request.ts).
 */
import type { OperationDoc } from '../admin/openapi.js';
import { claimRequestSchema } from './claim-request.js';

const claimSchema = {
  type: 'object',
  required: ['claim'],
  properties: {
    claim: {
      type: 'object',
      required: ['accrualId', 'programId', 'points', 'pointsBalance', 'claimedAt'],
      properties: {
        accrualId: { type: 'string' },
        programId: { type: 'string' },
        points: { type: 'integer' },
        pointsBalance: { type: 'integer' },
        claimedAt: { type: 'string', format: 'date-time' },
      },
    },
  },
};

export const claimsOperations: OperationDoc[] = [{
  id: 'claimReceipt',
  method: 'post',
  path: '/v1/claims',
  summary: "Credit a paid check's points to a member with the receipt's QR payload",
  tag: 'claims',
  body: claimRequestSchema,
  programScoped: true,
  responses: {
    201: { description: 'The points were credited.', schema: claimSchema },
    200: { description: 'This member had claimed this check before: the same credit.', schema: claimSchema },
    404: { description: 'UNKNOWN_RECEIPT or UNKNOWN_MEMBER.' },
    409: { description: 'ALREADY_CLAIMED (by another member) or REVERSED.' },
    422: { description: 'MEMBER_SUSPENDED or CLAIM_WINDOW_EXPIRED.' },
  },
}];
