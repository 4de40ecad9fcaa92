import { memberProfile } from '../../../loyalty/members/admin/member-view.js';
import { defineRoute } from '../../route.js';
import { memberAnswerSchema, memberParams, unknownMemberDoc } from '../../schemas/members.js';
import { memberOf, type MemberParams } from './member-of.js';

/** `GET /programs/{programId}/members/{identifier}`: profile, balance (from the ledger head), tier, status. */
export const getMemberRoute = defineRoute<MemberParams>({
  id: 'getMember',
  method: 'get',
  path: '/programs/{programId}/members/{identifier}',
  summary: "A member's profile, balance, tier and status",
  tag: 'members',
  access: 'program',
  params: memberParams,
  responses: { 200: { description: 'The member.', schema: memberAnswerSchema }, 404: unknownMemberDoc },
  handler: async ({ params, deps }) => {
    const member = await memberOf(deps, params);
    return { status: 200, body: { member: await memberProfile(deps.models, member) } };
  },
});
