/**
 * The one ajv instance for Toast bodies. Options follow LIBRARY-NOTES (ajv 8): compile once at
 * module load, `allErrors` off on untrusted input, no type coercion (it would turn `null` into 0),
 * `strictNumbers` so NaN/Infinity handed in by code (never by JSON) are not numbers.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ISO_DATE_TIME } from '../normalize/dates.js';

// ajv-formats is CommonJS: Node's default import is its `module.exports`, whose `default` is the plugin.
const addFormats = addFormatsModule.default;


function build(): Ajv {
  const ajv = new Ajv({ allErrors: false, coerceTypes: false, strict: true, strictNumbers: true, useDefaults: false });
  addFormats(ajv, ['email']);
  // Toast timestamps: ISO 8601 with `Z`, `+hh:mm` or (as in Toast's own examples) `+hhmm`.
  ajv.addFormat('toast-date-time', ISO_DATE_TIME);
  // Response amounts are dollars with at most two decimals. `multipleOf: 0.01` misfires on binary
  // doubles (4.35 % 0.01 ≠ 0), so the check is done in cents with a tolerance far below a cent.
  ajv.addKeyword({
    keyword: 'x-cents',
    type: 'number',
    schemaType: 'boolean',
    validate: (on: boolean, data: number) => !on || Math.abs(data * 100 - Math.round(data * 100)) < 1e-6,
    errors: false,
  });
  addMemberCountKeyword(ajv, 'x-exactly-one-of', (count) => count === 1, 'exactly one of');
  addMemberCountKeyword(ajv, 'x-at-least-one-of', (count) => count >= 1, 'at least one of');
  return ajv;
}

/**
 * `{"x-exactly-one-of": ["phone", "email"]}`: how many of the listed members are non-empty
 * strings. A keyword rather than a oneOf/anyOf of `required`s so the error says what is wrong
 * ("must have exactly one of phone, email") instead of pointing into a branch.
 */
function addMemberCountKeyword(ajv: Ajv, keyword: string, ok: (count: number) => boolean, words: string): void {
  type CountCheck = ((members: string[], data: Record<string, unknown>) => boolean) & { errors?: Partial<ErrorObject>[] };
  const validate: CountCheck = (members, data) => {
    const count = members.filter((m) => typeof data[m] === 'string' && data[m] !== '').length;
    if (ok(count)) return true;
    validate.errors = [{ keyword, params: { members }, message: `must have ${words} ${members.join(', ')}` }];
    return false;
  };
  ajv.addKeyword({ keyword, type: 'object', schemaType: 'array', errors: true, validate });
}

/** Shared instance; add schemas only at module load. */
export const ajv = build();
