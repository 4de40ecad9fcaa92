import { Conflict } from '../../../http/errors.js';
import { memberView } from '../../../loyalty/members/admin/member-view.js';
import { reinstateMember, suspendMember } from '../../../loyalty/members/admin/suspension.js';
import { releaseWithheldAccruals } from '../../../loyalty/accrual/withheld-accruals.js';
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

/**
 * `POST /programs/{programId}/members/{identifier}/reinstate`: back to the status held before the
 * suspension, then the checks withheld meanwhile (`suspendedEarning: WITHHOLD`) are posted. A
 * reinstate interrupted between the two is finished by repeating it: a member that is no longer
 * suspended but still has withheld checks gets them released (200), otherwise 409.
 */
export const reinstateMemberRoute = defineRoute<MemberParams>({
  id: 'reinstateMember',
  method: 'post',
  path: '/programs/{programId}/members/{identifier}/reinstate',
  summary: 'Reinstate a suspended member (back to STARTER or REGISTERED, as before); checks withheld meanwhile are posted',
  tag: 'members',
  access: 'program',
  params: memberParams,
  audit: 'member.reinstate',
  responses: {
    200: {
      description: 'Reinstated; `withheld` counts the checks released and posted now (the rest are posted by the workers).',
      schema: { ...memberAnswerSchema, properties: { ...memberAnswerSchema.properties, withheld: { type: 'object', properties: { released: { type: 'integer' }, posted: { type: 'integer' } } } } },
    },
    404: unknownMemberDoc,
    409: { description: 'NOT_SUSPENDED (and nothing withheld left to release); MEMBER_ERASED: an erased member stays suspended.' },
  },
  handler: async ({ params, deps }) => {
    const member = await memberOf(deps, params);
    const outcome = await reinstateMember(deps.models, member);
    if (outcome.status === 'ERASED') throw new Conflict('MEMBER_ERASED', 'an erased member cannot be reinstated');
    const withheld = await releaseWithheldAccruals(deps, { programId: params.programId, memberId: member._id, now: deps.clock.now() });
    if (outcome.status !== 'DONE' && withheld.released === 0) throw new Conflict('NOT_SUSPENDED', 'the member is not suspended');
    const current = outcome.status === 'DONE' ? outcome.member : await memberOf(deps, params);
    return {
      status: 200,
      body: { member: memberView(current), withheld },
      audit: { target: `${params.programId}/${params.identifier}`, details: { ...withheld, ...(outcome.status === 'DONE' ? {} : { finishedEarlierReinstate: true }) } },
    };
  },
});
