/**
 * JSON Schema validation of rule files: compiled once at module load (LIBRARY-NOTES), all errors
 * reported, each with a JSON Pointer to the offending value.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import schema from '../schema/program.schema.json' with { type: 'json' };
import type { ValidationError } from '../engine/types.js';

// ajv-formats is CommonJS; under ESM its callable may sit on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const ajv = new Ajv({ allErrors: true, discriminator: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function toError(e: ErrorObject): ValidationError {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return { path: `${e.instancePath}/${String(p.missingProperty)}`, message: 'is required' };
  if (e.keyword === 'additionalProperties') {
    return { path: `${e.instancePath}/${String(p.additionalProperty)}`, message: 'is not a known property' };
  }
  if (e.keyword === 'enum') return { path: e.instancePath, message: `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}` };
  if (e.keyword === 'discriminator') return { path: `${e.instancePath}/${String(p.tag)}`, message: `unknown ${String(p.tag)} "${String(p.tagValue)}"` };
  return { path: e.instancePath, message: e.message ?? 'is invalid' };
}

export function schemaErrors(json: unknown): ValidationError[] {
  if (validate(json)) return [];
  const seen = new Set<string>();
  const out: ValidationError[] = [];
  for (const e of validate.errors ?? []) {
    const err = toError(e);
    const key = `${err.path}\u0000${err.message}`;
    if (!seen.has(key)) { seen.add(key); out.push(err); }
  }
  return out;
}
