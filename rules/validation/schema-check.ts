/**
 * JSON Schema validation of rule files: compiled once at module load (LIBRARY-NOTES), all errors
 * reported, each with a JSON Pointer to the offending value.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import schema from '../schema/program.schema.json' with { type: 'json' };
import type { ValidationError } from '../engine/types.js';

// ajv-formats is CommonJS: Node's default import is its `module.exports`, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

// verbose: errors carry their schema and data, so messages can name the allowed properties and values.
const ajv = new Ajv({ allErrors: true, verbose: true, discriminator: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

interface SchemaNode {
  properties?: Record<string, unknown>;
  discriminator?: { propertyName: string };
  oneOf?: { properties?: Record<string, { const?: unknown }> }[];
}

/** The values a discriminated union's tag may take (`FREE_ITEM`, …; `BONUS`, …). */
function tagValues(schema: SchemaNode | undefined): string[] {
  const tag = schema?.discriminator?.propertyName;
  return tag ? (schema?.oneOf ?? []).map((b) => String(b.properties?.[tag]?.const)) : [];
}

/** A hint for a word used where the schema has another (`type` where promotions say `kind`). */
function misnamedTag(data: unknown, tag: string): string {
  const other = tag === 'kind' ? 'type' : tag === 'type' ? 'kind' : undefined;
  return other && typeof data === 'object' && data !== null && other in data ? ` (found "${other}": this list names it "${tag}")` : '';
}

/** One ajv error in words; null for an error another one already explains. */
function toError(e: ErrorObject): ValidationError | null {
  const p = e.params as Record<string, unknown>;
  const parent = e.parentSchema as SchemaNode | undefined;
  if (e.keyword === 'required') {
    const missing = String(p.missingProperty);
    const values = parent?.discriminator?.propertyName === missing ? tagValues(parent) : [];
    const hint = values.length ? `: one of ${values.join(', ')}${misnamedTag(e.data, missing)}` : '';
    return { path: `${e.instancePath}/${missing}`, message: `is required${hint}` };
  }
  if (e.keyword === 'additionalProperties') {
    const known = Object.keys(parent?.properties ?? {}).filter((k) => k !== '$schema');
    return { path: `${e.instancePath}/${String(p.additionalProperty)}`, message: `is not a known property${known.length ? ` (known here: ${known.join(', ')})` : ''}` };
  }
  if (e.keyword === 'enum') return { path: e.instancePath, message: `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}` };
  if (e.keyword === 'discriminator') {
    // A missing tag is already reported by `required`.
    if (p.tagValue === undefined) return null;
    return { path: `${e.instancePath}/${String(p.tag)}`, message: `unknown ${String(p.tag)} "${String(p.tagValue)}"; one of ${tagValues(parent).join(', ')}` };
  }
  if (e.keyword === 'type') return { path: e.instancePath, message: `must be ${typeWords(String(p.type))}${e.data === undefined ? '' : ` (got ${truncate(JSON.stringify(e.data))})`}` };
  return { path: e.instancePath, message: e.message ?? 'is invalid' };
}

const truncate = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const TYPE_WORDS: Record<string, string> = { object: 'an object {…}', array: 'a list […]', integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', null: 'null' };
const typeWords = (types: string): string => types.split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');

export function schemaErrors(json: unknown): ValidationError[] {
  if (validate(json)) return [];
  const seen = new Set<string>();
  const out: ValidationError[] = [];
  for (const e of validate.errors ?? []) {
    const err = toError(e);
    if (!err) continue;
    const key = `${err.path}\u0000${err.message}`;
    if (!seen.has(key)) { seen.add(key); out.push(err); }
  }
  return out;
}
