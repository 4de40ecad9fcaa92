import { ValidationFailed } from '../../../http/errors.js';
import { decodeCursor, ledgerPage } from '../../../loyalty/members/admin/ledger-page.js';
import { defineRoute } from '../../route.js';
import { ledgerLineSchema, memberParams, unknownMemberDoc } from '../../schemas/members.js';
import { memberOf, type MemberParams } from './member-of.js';

interface Query {
  cursor?: string;
  limit: number;
}

/** `GET /programs/{programId}/members/{identifier}/ledger?cursor=&limit=`: newest first, bounded pages. */
export const memberLedgerRoute = defineRoute<MemberParams, Query>({
  id: 'getMemberLedger',
  method: 'get',
  path: '/programs/{programId}/members/{identifier}/ledger',
  summary: "A member's ledger, newest first, with each entry's provenance",
  description: 'Pages of at most `limit` entries (1–100, default 50). Pass `nextCursor` as `cursor` for the next, older page.',
  tag: 'members',
  access: 'program',
  params: memberParams,
  query: {
    type: 'object',
    additionalProperties: false,
    properties: {
      cursor: { type: 'string', minLength: 1, maxLength: 64, description: 'Opaque; from the previous page.' },
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
    },
  },
  responses: {
    200: {
      description: 'One page.',
      schema: { type: 'object', required: ['entries', 'nextCursor'], properties: { entries: { type: 'array', items: ledgerLineSchema }, nextCursor: { type: ['string', 'null'] } } },
    },
    404: unknownMemberDoc,
  },
  handler: async ({ params, query, deps }) => {
    const before = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (query.cursor !== undefined && before === null) throw new ValidationFailed([{ in: 'query', path: '/cursor', message: 'is not a cursor this API gave out' }], 'query is invalid');
    const member = await memberOf(deps, params);
    return { status: 200, body: await ledgerPage(deps.models, member._id, before, query.limit) };
  },
});
