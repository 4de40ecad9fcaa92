import { Conflict, ValidationFailed } from '../../../http/errors.js';
import { updateContact, type ContactChange } from '../../../loyalty/members/admin/contact.js';
import { memberView } from '../../../loyalty/members/admin/member-view.js';
import { defineRoute } from '../../route.js';
import { memberAnswerSchema, memberParams, unknownMemberDoc } from '../../schemas/members.js';
import { memberOf, type MemberParams } from './member-of.js';

const name = { type: ['string', 'null'], minLength: 1, maxLength: 100 };

/**
 * `PATCH /programs/{programId}/members/{identifier}`: set or correct names, email and phone.
 * A phone or email stays unique in the program (409 when another member holds it).
 */
export const updateMemberRoute = defineRoute<MemberParams, Record<string, never>, ContactChange>({
  id: 'updateMember',
  method: 'patch',
  path: '/programs/{programId}/members/{identifier}',
  summary: "Set or correct a member's firstName, lastName, email or phone (null clears)",
  tag: 'members',
  access: 'program',
  params: memberParams,
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      firstName: name,
      lastName: name,
      email: { type: ['string', 'null'], format: 'email', maxLength: 254 },
      phone: { type: ['string', 'null'], minLength: 1, maxLength: 32, description: '10 digits; punctuation and a leading US 1 are ignored.' },
    },
  },
  audit: 'member.update',
  responses: {
    200: { description: 'Updated.', schema: memberAnswerSchema },
    404: unknownMemberDoc,
    409: { description: 'PHONE_TAKEN / EMAIL_TAKEN: another member of the program holds it; CONCURRENT_CHANGE: the member changed meanwhile, retry; MEMBER_ERASED.' },
  },
  handler: async ({ params, body, deps }) => {
    const member = await memberOf(deps, params);
    const outcome = await updateContact(deps.models, member, body, deps.clock.now());
    switch (outcome.status) {
      case 'INVALID_PHONE': throw new ValidationFailed([{ in: 'body', path: '/phone', message: 'must be a 10-digit phone number' }], 'body is invalid');
      case 'TAKEN': throw new Conflict(`${outcome.field.toUpperCase()}_TAKEN`, `another member of this program has this ${outcome.field}`);
      case 'ERASED': throw new Conflict('MEMBER_ERASED', 'the member was erased; its guest data cannot be set again');
      case 'CONCURRENT_CHANGE': throw new Conflict('CONCURRENT_CHANGE', 'the member changed while updating; read it again and retry');
      case 'UPDATED':
        // Audit names the fields, never their values (guest data).
        return { status: 200, body: { member: memberView(outcome.member) }, audit: { target: `${params.programId}/${params.identifier}`, details: { fields: Object.keys(body) } } };
    }
  },
});
