import { ValidationFailed } from '../../../http/errors.js';
import { lookupMembers, type LookupCriterion } from '../../../loyalty/members/admin/member-view.js';
import { defineRoute } from '../../route.js';
import { programParams } from '../../schemas/common.js';
import { identifierSchema, memberViewSchema } from '../../schemas/members.js';

interface Query {
  phone?: string;
  email?: string;
  identifier?: string;
}

const criteria = ['phone', 'email', 'identifier'] as const;

/**
 * `GET /programs/{programId}/members?phone=|email=|identifier=`: the member one of them names.
 * Phones and emails are found through their keyed lookup keys, never by a scan.
 */
export const findMembersRoute = defineRoute<{ programId: string }, Query>({
  id: 'findMembers',
  method: 'get',
  path: '/programs/{programId}/members',
  summary: 'Find a member by phone, email or identifier (exactly one of them)',
  description: 'Answers a list of zero or one member. `identifier` also reads linked card numbers. Suspended members are included.',
  tag: 'members',
  access: 'program',
  params: programParams,
  query: {
    type: 'object',
    additionalProperties: false,
    properties: {
      phone: { type: 'string', minLength: 1, maxLength: 32, description: '10 digits; punctuation and a leading US 1 are ignored.' },
      email: { type: 'string', minLength: 3, maxLength: 254 },
      identifier: identifierSchema,
    },
  },
  responses: {
    200: { description: 'Matching members (at most one).', schema: { type: 'object', required: ['members'], properties: { members: { type: 'array', items: memberViewSchema } } } },
  },
  handler: async ({ params, query, deps }) => {
    const given = criteria.filter((c) => query[c] !== undefined);
    if (given.length !== 1) {
      throw new ValidationFailed([{ in: 'query', path: '/', message: 'give exactly one of phone, email or identifier' }], 'query is invalid');
    }
    const field = given[0]!;
    const outcome = await lookupMembers(deps.models, params.programId, { [field]: query[field] } as LookupCriterion);
    if (outcome.status === 'INVALID_PHONE') throw new ValidationFailed([{ in: 'query', path: '/phone', message: 'must be a 10-digit phone number' }], 'query is invalid');
    return { status: 200, body: { members: outcome.members } };
  },
});
