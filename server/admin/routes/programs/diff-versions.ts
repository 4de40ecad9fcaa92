import { diffPrograms } from '../../../../rules/diff.js';
import { HttpError } from '../../../http/errors.js';
import { findVersionBody } from '../../../loyalty/programs/rule-set-versions.js';
import { defineRoute } from '../../route.js';
import { programParamsWith, versionLabelSchema } from '../../schemas/common.js';

const diffSchema = {
  type: 'object',
  required: ['fromVersion', 'toVersion', 'changes', 'oldFixturesOnNew'],
  properties: {
    fromVersion: { type: 'string' },
    toVersion: { type: 'string' },
    changes: {
      type: 'array',
      items: { type: 'object', required: ['op', 'kind'], properties: { op: { type: 'string', enum: ['+', '-', '~'] }, kind: { type: 'string' }, id: { type: 'string' } } },
    },
    oldFixturesOnNew: {
      type: 'array',
      description: "The old version's fixtures evaluated with the new one.",
      items: { type: 'object', required: ['name', 'ok', 'failures'], properties: { name: { type: 'string' }, ok: { type: 'boolean' }, failures: { type: 'array', items: { type: 'string' } } } },
    },
  },
};

/** `GET /programs/{programId}/versions/{a}/diff/{b}`: what `npm run rules -- diff a b` shows, as JSON. */
export const diffVersionsRoute = defineRoute<{ programId: string; a: string; b: string }>({
  id: 'diffVersions',
  method: 'get',
  path: '/programs/{programId}/versions/{a}/diff/{b}',
  summary: 'What changed from version a to version b, and how a\'s fixtures fare on b',
  tag: 'programs',
  access: 'program',
  params: programParamsWith({ a: versionLabelSchema, b: versionLabelSchema }),
  responses: {
    200: { description: 'The differences.', schema: diffSchema },
    404: { description: 'UNKNOWN_VERSION (either one).' },
  },
  handler: async ({ params, deps }) => {
    const [before, after] = await Promise.all([params.a, params.b].map((v) => findVersionBody(deps.models, params.programId, v)));
    for (const [label, body] of [[params.a, before], [params.b, after]] as const) {
      if (!body) throw new HttpError(404, 'UNKNOWN_VERSION', `program ${params.programId} has no version ${label}`);
    }
    return { status: 200, body: await diffPrograms(before!, after!) };
  },
});
