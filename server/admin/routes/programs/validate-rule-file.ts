import { defineRoute } from '../../route.js';
import { programParams, ruleFileBodySchema } from '../../schemas/common.js';
import { checkRuleFileFor } from './rule-file-check.js';

const problemSchema = { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } };

/**
 * `POST /programs/{programId}/validate`: the checks publishing runs (schema, menu names,
 * semantics, the program of the path), without storing anything. The dashboard's editor shows
 * its errors next to their JSON paths before anyone publishes.
 */
export const validateRuleFileRoute = defineRoute<{ programId: string }, Record<string, never>, unknown>({
  id: 'validateRuleFile',
  method: 'post',
  path: '/programs/{programId}/validate',
  summary: 'Validate a rule file as publishing would (every error with its JSON path); stores nothing',
  tag: 'programs',
  access: 'program',
  params: programParams,
  body: ruleFileBodySchema,
  checkBody: (value) => value,
  changesNothing: true,
  responses: {
    200: {
      description: 'The file would publish: its id and version, and warnings (e.g. item GUIDs no location\'s menu knows).',
      schema: { type: 'object', required: ['id', 'version', 'warnings'], properties: { id: { type: 'string' }, version: { type: 'string' }, warnings: { type: 'array', items: problemSchema } } },
    },
    422: { description: 'INVALID_RULE_FILE (every error with its JSON path) or PROGRAM_MISMATCH, as publishing answers.' },
  },
  handler: async ({ params, body: json, deps }) => {
    const { program, warnings } = await checkRuleFileFor(deps.models, json, params.programId);
    return { status: 200, body: { id: program.id, version: program.version, warnings } };
  },
});
