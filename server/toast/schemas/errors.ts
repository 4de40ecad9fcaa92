/**
 * Turns ajv errors into one short line with the JSON path and no data from the body (bodies
 * carry names, phones and emails; error text may end up in logs and in `message`).
 */
import type { ErrorObject } from 'ajv';

const COMBINATORS = new Set(['anyOf', 'oneOf']);

function pathOf(error: ErrorObject): string {
  return error.instancePath === '' ? '/' : error.instancePath;
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'pattern':
    case 'format':
      return 'has an invalid format';
    case 'propertyNames':
      return 'has a forbidden member name';
    case 'required':
      return `must have member ${String(error.params.missingProperty).slice(0, 64)}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * With `allErrors` off, ajv still reports every failed branch of an anyOf (`nullable(amount)`
 * gives "must be null", "must be number", "must be string", then the anyOf). The most useful
 * line is about the deepest failing location: a oneOf there ("exactly one of"), else its
 * last error that is not about the type (the value had the right type for that branch), else
 * the list of accepted types.
 */
function describe(errors: readonly ErrorObject[]): string {
  const depth = (e: ErrorObject): number => e.instancePath.split('/').length;
  const deepest = errors.reduce((best, e) => (depth(e) >= depth(best) ? e : best));
  const here = errors.filter((e) => e.instancePath === deepest.instancePath);
  const path = pathOf(deepest);
  const oneOf = here.find((e) => e.keyword === 'oneOf');
  if (oneOf) return `${path}: ${messageOf(oneOf)}`;
  const specific = here.filter((e) => e.keyword !== 'type' && !COMBINATORS.has(e.keyword));
  const telling = specific[specific.length - 1];
  if (telling) return `${path}: ${messageOf(telling)}`;
  const types = [...new Set(here.filter((e) => e.keyword === 'type').map((e) => String(e.params.type)))];
  return `${path}: ${types.length > 0 ? `must be ${types.join(' or ')}` : messageOf(deepest)}`;
}

/** `"/a/b/0/c: must be string"`-style text, bounded to 200 characters. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return '/: invalid';
  return describe(errors).slice(0, 200);
}
