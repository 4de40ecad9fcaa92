import { HttpError } from '../../../http/errors.js';
import { eraseMember } from '../../../loyalty/members/erase.js';
import { defineRoute } from '../../route.js';
import { memberParams, unknownMemberDoc } from '../../schemas/members.js';
import { memberOf, type MemberParams } from './member-of.js';

/**
 * `DELETE /programs/{programId}/members/{identifier}`: erases the guest's personal data (the
 * safety service, server/loyalty/members/erase.ts, as `npm run members -- erase`). The ledger keeps its
 * amounts; the record stays as a SUSPENDED tombstone `erased-<memberId>`, which a repeated
 * DELETE may name to finish an interrupted erase.
 */
export const eraseMemberRoute = defineRoute<MemberParams>({
  id: 'eraseMember',
  method: 'delete',
  path: '/programs/{programId}/members/{identifier}',
  summary: "Erase a member's personal data (privacy request); balances and the ledger stay whole",
  tag: 'members',
  access: 'program',
  params: memberParams,
  audit: 'member.erase',
  responses: {
    200: {
      description: 'Erased (also when it already was).',
      schema: {
        type: 'object', required: ['erased'],
        properties: { erased: { type: 'object', required: ['memberId', 'identifier', 'removed'], properties: { memberId: { type: 'string' }, identifier: { type: 'string', description: 'The tombstone identifier.' }, removed: { type: 'object' } } } },
      },
    },
    404: unknownMemberDoc,
  },
  handler: async ({ params, deps }) => {
    // The path names a loyalty identifier exactly (never a phone: guest data stays out of URLs).
    const member = await memberOf(deps, params);
    const outcome = await eraseMember(deps.models, params.programId, member.loyaltyIdentifier, deps.clock.now());
    if (outcome.status === 'NOT_FOUND') throw new HttpError(404, 'UNKNOWN_MEMBER', `program ${params.programId} has no member with this identifier`);
    const erased = await deps.models.Member.findById(member._id, { loyaltyIdentifier: 1 }).lean();
    return {
      status: 200,
      body: { erased: { memberId: outcome.memberId, identifier: erased?.loyaltyIdentifier ?? null, removed: outcome.removed } },
      // The tombstone id, never the identifier the guest was known by.
      audit: { target: `${params.programId}/member:${outcome.memberId}`, details: outcome.removed },
    };
  },
});
