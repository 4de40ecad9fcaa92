/** Schemas of the member routes (request pieces and answers). */
import { isoTimeSchema, programParamsWith } from './common.js';

/** A loyalty identifier as it appears in a path (opaque; what Toast and the member app use). */
export const identifierSchema = { type: 'string', minLength: 1, maxLength: 128, description: "The member's loyalty identifier." };

export const memberParams = programParamsWith({ identifier: identifierSchema });

const nullableString = { type: ['string', 'null'] };

export const memberViewSchema = {
  type: 'object',
  required: ['identifier', 'status', 'tier', 'pointsBalance', 'lifetimePoints', 'createdAt'],
  properties: {
    identifier: { type: 'string' },
    status: { enum: ['STARTER', 'REGISTERED', 'SUSPENDED'] },
    tier: nullableString,
    firstName: nullableString,
    lastName: nullableString,
    email: nullableString,
    phone: { type: ['string', 'null'], description: '10 digits.' },
    cardCount: { type: 'integer', description: 'Linked card numbers (the numbers themselves are not shown).' },
    pointsBalance: { type: 'integer' },
    lifetimePoints: { type: 'integer', description: 'Points counting towards tiers.' },
    visits: { type: 'integer' },
    createdAt: isoTimeSchema,
    lastActivityAt: { type: ['string', 'null'], format: 'date-time' },
    erasedAt: { type: ['string', 'null'], format: 'date-time', description: 'Set when the guest was erased: the record is a tombstone.' },
  },
};

export const memberAnswerSchema = { type: 'object', required: ['member'], properties: { member: memberViewSchema } };

export const ledgerLineSchema = {
  type: 'object',
  required: ['seq', 'kind', 'delta', 'balanceAfter', 'createdAt', 'provenance'],
  properties: {
    seq: { type: 'integer' },
    kind: { type: 'string', examples: ['ACCRUE', 'REDEEM', 'ADJUST'] },
    delta: { type: 'integer' },
    balanceAfter: { type: 'integer' },
    requestedDelta: { type: ['integer', 'null'], description: 'What was asked when the balance floor clamped the entry.' },
    createdAt: isoTimeSchema,
    provenance: {
      type: 'object',
      properties: {
        ruleSetVersion: nullableString,
        ruleIds: { type: 'array', items: { type: 'string' } },
        transactionGuid: { ...nullableString, description: 'Toast-Transaction-GUID.' },
        checkGuid: nullableString,
        restaurantGuid: nullableString,
        restaurantName: nullableString,
        items: {
          type: 'array',
          description: 'Menu items the entry is about: what the check bought (ACCRUE, REVERSE_ACCRUE, CLAIM) or what the reward discounted (REDEEM, REVERSE_REDEEM), named by the restaurant\'s imported menu, else the POS line, else the GUID.',
          items: { type: 'object', required: ['guid', 'name', 'quantity'], properties: { guid: { type: 'string' }, name: { type: 'string' }, quantity: { type: 'number' } } },
        },
        cause: { ...nullableString, description: 'Why an entry no Toast request asked for directly was made, e.g. DISCOUNT_GONE_AT_ACCRUE.' },
        reason: { ...nullableString, description: 'ADJUST: the reason given.' },
        by: { ...nullableString, description: 'ADJUST: fingerprint of the admin key.' },
      },
    },
  },
};

export const erasedMemberDoc = { description: 'MEMBER_ERASED: the member was erased; its record is a tombstone.' };

export const unknownMemberDoc = { description: 'UNKNOWN_MEMBER: no member with this identifier in the program.' };
