import { HttpError } from '../../../http/errors.js';
import { publishVersion } from '../../../loyalty/programs/rule-set-versions.js';
import { defineRoute } from '../../route.js';
import { programParams, ruleFileBodySchema } from '../../schemas/common.js';
import { versionInfoSchema } from '../../schemas/programs.js';
import { checkRuleFileFor } from './rule-file-check.js';

const warningSchema = { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } };
const publishedSchema = {
  type: 'object',
  required: ['version', 'warnings'],
  properties: { version: versionInfoSchema, warnings: { type: 'array', items: warningSchema, description: 'E.g. item GUIDs no location\'s menu knows.' } },
};

/** `POST /programs/{programId}/versions`: store a rule file as a new (inactive) version. */
export const publishVersionRoute = defineRoute<{ programId: string }, Record<string, never>, unknown>({
  id: 'publishVersion',
  method: 'post',
  path: '/programs/{programId}/versions',
  summary: 'Publish a rule file as a new version (activate it separately)',
  description: 'The body is a rule file (rules/schema/program.schema.json). Its `id` must be the program of the path and its `version` a label not used by other content. Publishing the same content again answers 200 with the stored version. A new program id creates the program when its first version is activated.',
  tag: 'programs',
  access: 'program',
  params: programParams,
  body: ruleFileBodySchema,
  // The rule-file validator (schema, menu names, semantics) runs in the handler: it reads the
  // locations' stored menus, and answers 422 with every error and its JSON path.
  checkBody: (value) => value,
  audit: 'program.version.publish',
  responses: {
    201: { description: 'Stored.', schema: publishedSchema },
    200: { description: 'This content was already stored under this label.', schema: publishedSchema },
    409: { description: 'VERSION_EXISTS: the label names other content (bump `version`); LOCATION_TAKEN: a location belongs to another program.' },
    422: { description: 'INVALID_RULE_FILE (every error with its JSON path) or PROGRAM_MISMATCH (the file is of another program).' },
  },
  handler: async ({ params, body: json, scope, deps }) => {
    const { program: body, warnings } = await checkRuleFileFor(deps.models, json, params.programId);
    const outcome = await publishVersion(deps.models, body, scope.keyId, deps.clock.now());
    if (outcome.status === 'LABEL_TAKEN') {
      throw new HttpError(409, 'VERSION_EXISTS', `version ${body.version} of ${body.id} is already published with other content; bump \`version\``, [{ in: 'body', path: '/version', message: 'is already used' }]);
    }
    if (outcome.status === 'LOCATION_TAKEN') {
      throw new HttpError(409, 'LOCATION_TAKEN', `a location of this file belongs to program ${outcome.otherProgramId}`, [{ in: 'body', path: `/locations/${outcome.index}/guid`, message: 'belongs to another program' }]);
    }
    const created = outcome.status === 'CREATED';
    return {
      status: created ? 201 : 200,
      body: { version: outcome.version, warnings },
      audit: { target: `${body.id}/${body.version}`, details: { contentHash: outcome.version.contentHash, created } },
    };
  },
});
