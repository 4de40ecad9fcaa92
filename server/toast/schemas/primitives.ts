/**
 * Building blocks of the Toast JSON Schemas. Policy (see CONTRACT-CHOICES.md):
 * lenient where Toast's own payloads are (nulls, unknown members, numeric strings for amounts,
 * open enums), strict on money and identity (bounded, well-formed amounts and identifiers).
 */

/** A JSON Schema fragment (kept loose: ajv checks the schemas themselves in strict mode). */
export type Schema = Record<string, unknown>;

/** Largest absolute dollar amount we accept anywhere: $10,000,000. */
export const MAX_DOLLARS = 1e7;

/** Length bounds. */
export const LIMITS = {
  loyaltyIdentifier: 128,
  guid: 64,
  shortText: 255,
  longText: 1000,
  email: 254,
  name: 100,
  selections: 500,
  modifiers: 100,
  modifierDepth: 4,
  redemptions: 100,
  itemApplication: 100,
  smallArray: 100,
} as const;

import { MAX_EPOCH_MS } from '../normalize/dates.js';

/** Keys that must never reach code that might merge objects with `Object.assign`. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/** `schema` that also accepts `null`. */
export function nullable(schema: Schema): Schema {
  return { anyOf: [{ type: 'null' }, schema] };
}

/**
 * An object schema: unknown members allowed (Toast sends schema-less members), prototype
 * keys refused, every declared member optional unless listed in `required`.
 */
export function object(properties: Record<string, Schema>, required: string[] = []): Schema {
  const schema: Schema = {
    type: 'object',
    properties,
    propertyNames: { not: { enum: FORBIDDEN_KEYS } },
    maxProperties: 200,
  };
  if (required.length > 0) schema.required = required;
  return schema;
}

/** A bounded array of `items`. */
export function array(items: Schema, maxItems: number = LIMITS.smallArray): Schema {
  return { type: 'array', items, maxItems };
}

/** A bounded free-text string. */
export function text(maxLength: number = LIMITS.shortText): Schema {
  return { type: 'string', maxLength };
}

/**
 * A Toast GUID or similar reference: 1–64 characters of `[A-Za-z0-9._:-]` (UUIDs, Toast
 * numeric external IDs, prefixed IDs such as `TOAST:123`).
 */
export const guid: Schema = { type: 'string', minLength: 1, maxLength: LIMITS.guid, pattern: '^[A-Za-z0-9._:-]+$' };

/** A loyalty identifier we store (TRANSFER's target): printable ASCII, no outer spaces. */
export const loyaltyIdentifier: Schema = {
  type: 'string',
  minLength: 1,
  maxLength: LIMITS.loyaltyIdentifier,
  pattern: '^[!-~](?:[ -~]*[!-~])?$',
};

/**
 * An account as keyed or scanned at the register: our identifier, a card number or a phone, as
 * it arrives — a QR payload with spaces or non-ASCII characters, a phone typed with dashes. Any
 * text without control characters (tab, CR and LF allowed: scanners append them) is well formed;
 * resolution normalises it (members.ts) and an unknown one is ERROR_ACCOUNT_INVALID.
 */
export const keyedIdentifier: Schema = {
  type: 'string',
  minLength: 1,
  maxLength: LIMITS.loyaltyIdentifier,
  pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]+$',
};

/** Exactly ten digits, no punctuation (contract §3.1). */
export const phone: Schema = { type: 'string', pattern: '^[0-9]{10}$' };

/** An email address, bounded. */
export const email: Schema = { type: 'string', maxLength: LIMITS.email, format: 'email' };

/**
 * A Toast timestamp in a request, in every form Toast sends (003's example has
 * `"openedDate":1549306677657`): ISO 8601 with `Z`, `+00:00` or `+0000`, an epoch-millisecond
 * number, or the same digits as a string. Read once by normalize/dates.ts.
 */
export const dateTime: Schema = {
  anyOf: [
    { type: 'string', maxLength: 40, format: 'toast-date-time' },
    { type: 'integer', minimum: 0, maximum: MAX_EPOCH_MS },
    { type: 'string', pattern: '^[0-9]{1,14}$' },
  ],
};

/** A response timestamp: ISO 8601 text (we write `toISOString()`). */
export const responseDateTime: Schema = { type: 'string', maxLength: 40, format: 'toast-date-time' };

/** Toast business date `yyyyMMdd`, as a number or a numeric string. */
export const businessDate: Schema = {
  anyOf: [
    { type: 'integer', minimum: 19700101, maximum: 29991231 },
    { type: 'string', pattern: '^(19[7-9][0-9]|2[0-9]{3})[01][0-9][0-3][0-9]$' },
  ],
};

/**
 * A Toast enum value, validated as an UPPER_SNAKE token rather than a closed list: Toast adds
 * values (e.g. card entry modes) under the same API version and an unknown one must not fail a
 * payment-time request. Consumers compare against the literals they know.
 */
export const enumToken: Schema = { type: 'string', maxLength: 64, pattern: '^[A-Z][A-Z0-9_]*$' };

/** Signed decimal text: up to 7 integer digits and 8 decimals (or exactly ±10000000). */
const SIGNED_DECIMAL = '^-?(?:[0-9]{1,7}(?:\\.[0-9]{1,8})?|10000000(?:\\.0{1,8})?)$';
const UNSIGNED_DECIMAL = '^(?:[0-9]{1,7}(?:\\.[0-9]{1,8})?|10000000(?:\\.0{1,8})?)$';

/**
 * A dollar amount in a request: a finite JSON number within ±$10M (any binary double, e.g. tax
 * 5.49612811; money.ts rounds to cents) or a numeric string with at most 8 decimals, as in
 * Toast's `"amount":"10"`.
 */
export function amount(opts: { nonNegative?: boolean } = {}): Schema {
  const min = opts.nonNegative ? 0 : -MAX_DOLLARS;
  return {
    anyOf: [
      { type: 'number', minimum: min, maximum: MAX_DOLLARS },
      { type: 'string', maxLength: 20, pattern: opts.nonNegative ? UNSIGNED_DECIMAL : SIGNED_DECIMAL },
    ],
  };
}

/** A quantity (items sold by weight are decimal): number or numeric string, 0–100,000. */
export const quantity: Schema = {
  anyOf: [
    { type: 'number', minimum: 0, maximum: 100000 },
    { type: 'string', maxLength: 20, pattern: '^[0-9]{1,6}(?:\\.[0-9]{1,8})?$' },
  ],
};

/** A response dollar amount: a JSON number, two decimals at most, within ±$10M. */
export function responseAmount(opts: { nonNegative?: boolean } = {}): Schema {
  return { type: 'number', minimum: opts.nonNegative ? 0 : -MAX_DOLLARS, maximum: MAX_DOLLARS, 'x-cents': true };
}
