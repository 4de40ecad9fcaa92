/**
 * Schema pieces shared by admin routes. Ids follow the rule-file schema (a program id is what
 * `rules/schema/program.schema.json` allows), so a path that cannot name a program is a 400.
 */
import ruleFileSchema from '../../../rules/schema/program.schema.json' with { type: 'json' };
import type { JsonSchema } from '../route.js';

export const programIdSchema = { ...ruleFileSchema.definitions.id, description: 'Program id (the rule file\'s `id`).' };

export const versionLabelSchema = { ...ruleFileSchema.properties.version, description: 'Rule-set version label (the rule file\'s `version`).' };

/** Path parameters of every program-scoped route. */
export const programParams: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['programId'],
  properties: { programId: programIdSchema },
};

/** Adds path parameters to `programParams`. */
export function programParamsWith(extra: Record<string, JsonSchema>): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['programId', ...Object.keys(extra)],
    properties: { programId: programIdSchema, ...extra },
  };
}

export const isoTimeSchema = { type: 'string', format: 'date-time', maxLength: 40 };

/** The rule-file schema itself, as the request body of a publish. */
export const ruleFileBodySchema: JsonSchema = ruleFileSchema;
