import { HttpError } from '../../../http/errors.js';
import { activateVersion } from '../../../loyalty/programs/activation.js';
import { compilePart } from '../../schema-validation.js';
import { defineRoute, type JsonSchema } from '../../route.js';
import { isoTimeSchema, programParamsWith, versionLabelSchema } from '../../schemas/common.js';
import { versionInfoSchema } from '../../schemas/programs.js';

/** Scheduled activations further ahead than this are refused (a typo in the year, most likely). */
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

const bodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { at: { ...isoTimeSchema, description: 'When to activate (ISO 8601 with offset). Absent or past: now.' } },
};
const checkBody = compilePart('body', bodySchema);

/**
 * `POST /programs/{programId}/versions/{version}/activate`: now (rollback = an older version),
 * or at `{"at"}`, applied by the workers' publish watcher within a second of that time.
 */
export const activateVersionRoute = defineRoute<{ programId: string; version: string }, Record<string, never>, { at?: string }>({
  id: 'activateVersion',
  method: 'post',
  path: '/programs/{programId}/versions/{version}/activate',
  summary: 'Activate a version now, or schedule it with {"at": ISO time}; rollback = activate an older version',
  description: 'Every API and worker process uses the new version within 5 s, without restart. Ledger entries record the version they were computed with. A new schedule replaces a pending one.',
  tag: 'programs',
  access: 'program',
  params: programParamsWith({ version: versionLabelSchema }),
  body: bodySchema,
  // The body is optional: no body means "now".
  checkBody: (value) => checkBody(value ?? {}) as { at?: string },
  audit: 'program.version.activate',
  responses: {
    200: {
      description: 'Active now.',
      schema: { type: 'object', required: ['activated', 'previousVersion'], properties: { activated: versionInfoSchema, previousVersion: { type: ['string', 'null'] } } },
    },
    202: {
      description: 'Scheduled.',
      schema: { type: 'object', required: ['scheduled'], properties: { scheduled: { type: 'object', properties: { version: versionInfoSchema, at: isoTimeSchema } } } },
    },
    404: { description: 'UNKNOWN_VERSION; UNKNOWN_PROGRAM (a schedule needs a program with an active version).' },
    409: { description: 'LOCATION_TAKEN: a location of this version now belongs to another program.' },
    422: { description: 'TOO_FAR_AHEAD: `at` is more than a year away.' },
  },
  handler: async ({ params, body, scope, deps }) => {
    const now = deps.clock.now();
    const at = body.at === undefined ? undefined : new Date(body.at);
    if (at && at.getTime() - now.getTime() > MAX_AHEAD_MS) {
      throw new HttpError(422, 'TOO_FAR_AHEAD', 'a scheduled activation must be within a year', [{ in: 'body', path: '/at', message: 'is more than a year ahead' }]);
    }
    const outcome = await activateVersion(deps.models, params.programId, params.version, { by: scope.keyId, now, at });
    const target = `${params.programId}/${params.version}`;
    switch (outcome.status) {
      case 'UNKNOWN_VERSION': throw new HttpError(404, 'UNKNOWN_VERSION', `program ${params.programId} has no version ${params.version}`);
      case 'UNKNOWN_PROGRAM': throw new HttpError(404, 'UNKNOWN_PROGRAM', 'activate a first version now before scheduling one');
      case 'LOCATION_TAKEN': throw new HttpError(409, 'LOCATION_TAKEN', `a location of this version belongs to program ${outcome.otherProgramId}`);
      case 'SCHEDULED':
        return { status: 202, body: { scheduled: { version: outcome.version, at: outcome.at } }, audit: { target, details: { at: outcome.at.toISOString() } } };
      case 'ACTIVATED':
        return { status: 200, body: { activated: outcome.version, previousVersion: outcome.previousVersion }, audit: { target, details: { previousVersion: outcome.previousVersion } } };
    }
  },
});
