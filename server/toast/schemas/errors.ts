/**
 * Turns ajv errors into one short line with the JSON path and no data from the body (bodies
 * carry names, phones and emails; error text may end up in logs and in `message`).
 */
import type { ErrorObject } from 'ajv';

const COMBINATORS = new Set(['anyOf', 'oneOf', 'if']);

/** The error worth reporting: skip the "must be null" branch of nullable members and combinator summaries. */
function pick(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const telling = errors.filter((e) => !COMBINATORS.has(e.keyword) && !(e.keyword === 'type' && e.params.type === 'null'));
  return telling[telling.length - 1] ?? errors[errors.length - 1];
}

/** `"/a/b/0/c: must be string"`-style text, bounded to 200 characters. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  const error = errors ? pick(errors) : undefined;
  if (!error) return '/: invalid';
  const path = error.instancePath === '' ? '/' : error.instancePath;
  let message: string;
  switch (error.keyword) {
    case 'pattern':
    case 'format':
      message = 'has an invalid format';
      break;
    case 'propertyNames':
      message = 'has a forbidden member name';
      break;
    case 'required':
      message = `must have member ${String(error.params.missingProperty).slice(0, 64)}`;
      break;
    default:
      message = error.message ?? 'is invalid';
  }
  return `${path}: ${message}`.slice(0, 200);
}
