import { HttpError } from '../../../http/errors.js';
import { findVersionBody } from '../../../loyalty/programs/rule-set-versions.js';
import { defineRoute } from '../../route.js';
import { programParamsWith, ruleFileBodySchema, versionLabelSchema } from '../../schemas/common.js';

/** `GET /programs/{programId}/versions/{version}`: the stored rule file. */
export const getVersionRoute = defineRoute<{ programId: string; version: string }>({
  id: 'getVersion',
  method: 'get',
  path: '/programs/{programId}/versions/{version}',
  summary: 'The rule file stored as this version',
  tag: 'programs',
  access: 'program',
  params: programParamsWith({ version: versionLabelSchema }),
  responses: {
    200: { description: 'The rule file, as published.', schema: ruleFileBodySchema },
    404: { description: 'UNKNOWN_VERSION.' },
  },
  handler: async ({ params, deps }) => {
    const body = await findVersionBody(deps.models, params.programId, params.version);
    if (!body) throw new HttpError(404, 'UNKNOWN_VERSION', `program ${params.programId} has no version ${params.version}`);
    return { status: 200, body };
  },
});
