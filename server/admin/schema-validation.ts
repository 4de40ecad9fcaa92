/**
 * Validation of admin requests with the routes' own JSON schemas: compiled once when the router
 * is built, every problem reported with the part it is in (`path`, `query`, `body`) and a JSON
 * Pointer. Path and query values arrive as strings, so they are coerced to the schema's types
 * (`"20"` → 20); bodies are never coerced (LIBRARY-NOTES: coercion turns `null` into 0).
 * `allErrors` is on: the caller holds an admin key and every string and array is bounded.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ValidationFailed, type FieldProblem } from '../http/errors.js';
import type { JsonSchema } from './route.js';

// ajv-formats is CommonJS: Node's default import is its `module.exports`, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

function build(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes, strict: true, strictNumbers: true, useDefaults: true });
  addFormats(ajv);
  return ajv;
}

const forStrings = build(true);
const forBodies = build(false);

export type RequestPart = 'path' | 'query' | 'body';

/** A compiled check of one request part; throws ValidationFailed listing every problem. */
export type PartCheck = (value: unknown) => unknown;

function problemOf(part: RequestPart, e: ErrorObject): FieldProblem {
  const params = e.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] };
  if (e.keyword === 'required') return { in: part, path: `${e.instancePath}/${params.missingProperty}`, message: 'is required' };
  if (e.keyword === 'additionalProperties') return { in: part, path: `${e.instancePath}/${params.additionalProperty}`, message: 'is not a known field' };
  if (e.keyword === 'enum') return { in: part, path: e.instancePath || '/', message: `must be one of ${(params.allowedValues ?? []).map(String).join(', ')}` };
  return { in: part, path: e.instancePath || '/', message: e.message ?? 'is invalid' };
}

/** Compiles `schema` for `part`; the returned check answers the (coerced, defaulted) value. */
export function compilePart(part: RequestPart, schema: JsonSchema): PartCheck {
  const validate: ValidateFunction = (part === 'body' ? forBodies : forStrings).compile(schema);
  return (value: unknown) => {
    if (validate(value)) return value;
    throw new ValidationFailed((validate.errors ?? []).map((e) => problemOf(part, e)), `${part === 'path' ? 'path parameters are' : part === 'query' ? 'query is' : 'body is'} invalid`);
  };
}
