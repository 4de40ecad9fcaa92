import { Conflict } from '../../../http/errors.js';
import { memberView } from '../../../loyalty/member-admin/member-view.js';
import { reinstateMember, suspendMember } from '../../../loyalty/member-admin/suspension.js';
import { defineRoute } from '../../route.js';
import { memberAnswerSchema, memberParams, unknownMemberDoc } from '../../schemas/members.js';
import { memberOf, type MemberParams } from './member-of.js';

/** `POST /programs/{programId}/members/{identifier}/suspend`: the register refuses the account until reinstated. */
export const suspendMemberRoute = defineRoute<MemberParams>({
  id: 'suspendMember',
  method: 'post',
  path: '/programs/{programId}/members/{identifier}/suspend',
  summary: 'Suspend a member: the register answers ACCOUNT_INVALID until reinstated; points are kept',
  tag: 'members',
  access: 'program',
  params: memberParams,
  audit: 'member.suspend',
  responses: { 200: { description: 'Suspended.', schema: memberAnswerSchema }, 404: unknownMemberDoc, 409: { description: 'ALREADY_SUSPENDED.' } },
  handler: async ({ params, deps }) => {
    const outcome = await suspendMember(deps.models, await memberOf(deps, params));
    if (outcome.status !== 'DONE') throw new Conflict('ALREADY_SUSPENDED', 'the member is already suspended');
    return { status: 200, body: { member: memberView(outcome.member) }, audit: { target: `${params.programId}/${params.identifier}` } };
  },
});

/** `POST /programs/{programId}/members/{identifier}/reinstate`: back to the status held before the suspension. */
export const reinstateMemberRoute = defineRoute<MemberParams>({
  id: 'reinstateMember',
  method: 'post',
  path: '/programs/{programId}/members/{identifier}/reinstate',
  summary: 'Reinstate a suspended member (back to STARTER or REGISTERED, as before)',
  tag: 'members',
  access: 'program',
  params: memberParams,
  audit: 'member.reinstate',
  responses: { 200: { description: 'Reinstated.', schema: memberAnswerSchema }, 404: unknownMemberDoc, 409: { description: 'NOT_SUSPENDED; MEMBER_ERASED: an erased member stays suspended.' } },
  handler: async ({ params, deps }) => {
    const outcome = await reinstateMember(deps.models, await memberOf(deps, params));
    if (outcome.status === 'ERASED') throw new Conflict('MEMBER_ERASED', 'an erased member cannot be reinstated');
    if (outcome.status !== 'DONE') throw new Conflict('NOT_SUSPENDED', 'the member is not suspended');
    return { status: 200, body: { member: memberView(outcome.member) }, audit: { target: `${params.programId}/${params.identifier}` } };
  },
});
