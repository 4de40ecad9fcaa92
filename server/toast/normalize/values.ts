/**
 * Readers for Toast JSON as received. The normalisers accept validated bodies and, for the rules
 * CLI and fixtures, unvalidated JSON: every reader answers a typed value or null, never throws.
 */

/** A JSON object member bag. */
export type Json = Record<string, unknown>;

/** The value as an object, or an empty one (null, arrays and scalars read as "nothing"). */
export function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/** The value's elements as objects, or none. */
export function arr(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

/** A non-empty string, or null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `reference.guid` of a ToastReference, or null. */
export function refGuid(value: unknown): string | null {
  return str(obj(value).guid);
}
