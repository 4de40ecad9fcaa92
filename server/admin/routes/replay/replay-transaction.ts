import { HttpError, NotFound, ValidationFailed } from '../../../http/errors.js';
import { replayTransaction } from '../../../replay/replay.js';
import { draftFromJson, ruleSetByVersion, type RuleSetResult } from '../../../replay/rule-sets.js';
import { defineRoute, type JsonSchema } from '../../route.js';
import { programParams, versionLabelSchema } from '../../schemas/common.js';

interface ReplayBody { transactionGuid: string; restaurantGuid?: string; version?: string; draft?: unknown }

const bodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['transactionGuid'],
  properties: {
    transactionGuid: { type: 'string', minLength: 1, maxLength: 64, description: 'The Toast-Transaction-GUID of a stored INQUIRE, REDEEM or ACCRUE.' },
    restaurantGuid: { type: 'string', maxLength: 64, description: 'Needed only when the GUID names requests at two restaurants.' },
    version: { ...versionLabelSchema, description: 'Also evaluate under this published version and list the differences.' },
    draft: { type: 'object', description: 'Also evaluate under this draft rule file (validated; errors with JSON paths) and list the differences. Not with `version`.' },
  },
};

const reportSchema: JsonSchema = {
  type: 'object',
  required: ['transactionGuid', 'type', 'programId', 'ruleSet', 'reproduced', 'mismatches', 'outcome'],
  description: 'What `npm run rules -- replay --json` prints. `reproduced` false (with `mismatches`) is a bug signal.',
  properties: {
    transactionGuid: { type: 'string' }, type: { type: 'string' }, programId: { type: 'string' }, restaurantGuid: { type: 'string' },
    at: { type: 'string' }, ruleSet: { type: 'string' }, reproduced: { type: 'boolean' },
    mismatches: { type: 'array', items: { type: 'object' } }, outcome: { type: 'object' },
    against: { type: 'object' },
  },
};

/** `POST /programs/{programId}/replay`: one stored transaction re-run; reads only. */
export const replayRoute = defineRoute<{ programId: string }, Record<string, never>, ReplayBody>({
  id: 'replayTransaction',
  method: 'post',
  path: '/programs/{programId}/replay',
  summary: 'Replay a stored INQUIRE, REDEEM or ACCRUE under its own rule set (and optionally a version or draft); changes nothing',
  tag: 'replay',
  access: 'program',
  params: programParams,
  body: bodySchema,
  changesNothing: true,
  responses: {
    200: { description: 'The replay report (also when it does not reproduce: see `reproduced`).', schema: reportSchema },
    404: { description: 'UNKNOWN_TRANSACTION (none of this program), UNKNOWN_VERSION.' },
    422: { description: 'INVALID_DRAFT (problems with JSON paths) or NOT_REPLAYABLE (a type or a record that cannot be replayed).' },
  },
  handler: async ({ params, body, deps }) => {
    const { programId } = params;
    if (body.version !== undefined && body.draft !== undefined) throw new ValidationFailed([{ in: 'body', path: '/draft', message: 'give either version or draft, not both' }]);
    let against: ((id: string) => Promise<RuleSetResult>) | undefined;
    if (body.version !== undefined) {
      const r = await ruleSetByVersion(deps.models, programId, body.version);
      if (!r.ok) throw new HttpError(404, 'UNKNOWN_VERSION', r.message);
      against = async () => r;
    } else if (body.draft !== undefined) {
      const r = draftFromJson(body.draft, programId, 'request body');
      if (!r.ok) throw new HttpError(422, 'INVALID_DRAFT', r.message, (r.errors ?? []).map((e) => ({ in: 'body', path: `/draft${e.path}`, message: e.message })));
      against = async () => r;
    }
    const result = await replayTransaction(deps.models, body.transactionGuid, { ...(body.restaurantGuid ? { restaurantGuid: body.restaurantGuid } : {}), ...(against ? { against } : {}) });
    if (!result.ok) {
      if (/^unknown transaction/.test(result.message)) throw new NotFound(result.message);
      throw new HttpError(422, 'NOT_REPLAYABLE', result.message);
    }
    // A key scoped to this program learns nothing about another program's transactions.
    if (result.report.programId !== programId) throw new NotFound(`unknown transaction ${body.transactionGuid} in program ${programId}`);
    return { status: 200, body: result.report };
  },
});
