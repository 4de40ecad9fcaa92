/**
 * fast-check arbitraries of malformed Toast request bodies, for property tests of the request
 * validators and of the webhook. Each generated body starts from a valid one (toast-requests.ts)
 * and receives one mutation that the contract says must be refused, so every value generated
 * is invalid for its type: wrong types, missing or null required members, oversized strings and
 * arrays, nesting past the modifier bound, bad amounts (NaN-like and exponent strings, out of
 * range), malformed phones/emails/identifiers, prototype-pollution member names, a mismatched
 * `toastTransactionType`, and non-object bodies.
 */
import fc from 'fast-check';
import {
  accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, payment, redeemRequest, redemption, reverseRequest,
  searchRequest, selection, signupRequest, transferRequest,
} from './toast-requests.js';
import { TRANSACTION_TYPES, type TransactionType } from '../../server/toast/transaction-types.js';

type Json = Record<string, unknown>;
type Path = readonly (string | number)[];
/** Replaces the value at a path (undefined = delete the member); applied to a fresh clone. */
interface Mutation { path: Path; value: fc.Arbitrary<unknown> }

const junkObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxKeys: 3 });
const notAString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), junkObject, fc.array(fc.integer(), { maxLength: 3 }));
const notAnObject = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.array(junkObject, { maxLength: 3 }));
const hugeString = (min: number) => fc.integer({ min, max: min + 5000 }).map((n) => 'x'.repeat(n));
const absent = fc.constant(undefined);

/** Never a valid amount: NaN-like and exponent text, separators, out-of-range numbers, wrong types. */
export const badAmount: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e5', '1E2', '', ' ', ' 10', '10 ', '10,00', '0x10', '$5', '.5', '5.',
    '+5', '1.123456789', '12345678', '--1', 'null', 'undefined', '١٠'),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, 1e7 + 0.01, -1e7 - 0.01),
  fc.double({ min: 1e7 + 1, max: 1e300, noNaN: true }),
  fc.string({ maxLength: 12 }).map((s) => `${s}x`),
  fc.boolean(), junkObject, fc.array(fc.integer(), { maxLength: 3 }),
);
/** Never a valid non-negative amount. */
const badNonNegativeAmount = fc.oneof(badAmount, fc.double({ min: -1e7, max: -0.001, noNaN: true }), fc.constantFrom(-1, '-1', '-0.01'));

/** Never a valid GUID-ish identifier. */
export const badGuid: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', 'a b', 'a/b', '<guid>', '7c1d…', 'x\n', "'; drop", '{}'), hugeString(65), notAString,
);
/**
 * Never a valid keyed or scanned identifier (null is handled per type): spaces, non-ASCII and
 * scanner line breaks are well formed (resolution normalises them), control characters are not.
 */
export const badKeyedIdentifier: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', '\u0000', 'esc\u001b', 'del\u007f', 'bell\u0007 '), hugeString(129), notAString,
);
/** Never a valid stored loyalty identifier (TRANSFER's target; null is handled per type). */
export const badLoyaltyIdentifier: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', ' lead', 'trail ', 'tab\there', 'nl\n', 'é', '\u0000', '😀'), hugeString(129), notAString,
);
/** Never a valid 10-digit phone. */
export const badPhone: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', '123456789', '12345678901', '617-555-0123', '(617)5550123', '+16175550123', 'abcdefghij', '617555012 '),
  fc.integer({ min: 1000000000, max: 9999999999 }), notAString,
);
/** Never a valid email. */
export const badEmail: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', 'no-at-sign', '@example.com', 'a@', 'a b@example.com', 'a@@b.com'), hugeString(255).map((s) => `${s}@example.com`), notAString,
);
/** Never a Toast instant (epoch-millisecond numbers and digit strings are valid ones). */
const badDate = fc.oneof(
  fc.constantFrom('yesterday', '2019-13-01T00:00:00Z', '2019-04-08', '2019-04-08T25:00:00Z', '', '-1', '1549306677657.5', '1e12', '123456789012345'),
  fc.integer({ max: -1 }), fc.double({ min: 0.1, max: 1e12, noInteger: true }), fc.constantFrom(32_503_680_000_001, 1e15, Number.MAX_SAFE_INTEGER), fc.boolean(), junkObject,
);
const badQuantity = fc.oneof(fc.constantFrom(-1, 100001, '-1', 'two', '1e2', ''), junkObject, fc.boolean());
const badRedemptionQuantity = fc.oneof(fc.constantFrom(-1, 1.5, 1001, '1.5', 'x', '-1'), junkObject);
const badToken = fc.oneof(fc.constantFrom('open', 'Open', '1OPEN', 'OPEN-NOW', ''), hugeString(65).map((s) => s.toUpperCase()), notAString);
const forbiddenKey = fc.constantFrom('__proto__', 'constructor', 'prototype');

/** A modifier chain nested `levels` deep below one selection (the schema allows four). */
function deepSelection(levels: number): unknown {
  let node: Json = selection() as unknown as Json;
  for (let i = 0; i < levels; i += 1) node = selection({ modifiers: [node as never] }) as unknown as Json;
  return node;
}

function checkMutations(root: string, needsAccount: boolean): Mutation[] {
  const c = [root, 'check'];
  const s0 = [...c, 'selections', 0];
  return [
    { path: c, value: fc.oneof(absent, fc.constant(null), notAnObject) },
    { path: [...c, 'guid'], value: fc.oneof(absent, fc.constant(null), badGuid) },
    { path: [...c, 'selections'], value: fc.oneof(absent, fc.constant(null), notAnObject.filter((v) => !Array.isArray(v)), fc.constant(Array(501).fill(selection()))) },
    { path: [...c, 'selections', 0], value: notAnObject },
    { path: [...s0, 'guid'], value: fc.oneof(absent, fc.constant(null), badGuid) },
    { path: [...s0, 'item'], value: fc.oneof(absent, fc.constant(null), notAnObject) },
    { path: [...s0, 'quantity'], value: badQuantity },
    { path: [...s0, 'displayName'], value: fc.oneof(hugeString(256), notAString) },
    { path: [...s0, 'modifiers'], value: fc.oneof(notAnObject.filter((v) => !Array.isArray(v)), fc.integer({ min: 5, max: 60 }).map((n) => [deepSelection(n)])) },
    ...['amount', 'taxAmount', 'totalAmount'].map((k) => ({ path: [...c, k], value: badAmount })),
    ...['price', 'preDiscountPrice', 'tax'].map((k) => ({ path: [...s0, k], value: badAmount })),
    { path: [...c, 'payments'], value: fc.constant([payment(1)]).chain((p) => badAmount.map((a) => [{ ...p[0], amount: a }])) },
    { path: [...c, 'appliedDiscounts'], value: badAmount.map((a) => [loyaltyDiscount('1', 1, { discountAmount: a as number })]) },
    { path: [...c, 'openedDate'], value: badDate },
    { path: [...c, 'paymentStatus'], value: badToken },
    { path: [...c, 'tabName'], value: hugeString(256) },
    { path: [root, 'loyaltyIdentifier'], value: needsAccount ? fc.oneof(absent, fc.constant(null), badKeyedIdentifier) : badKeyedIdentifier },
    { path: [root, 'orderGuid'], value: badGuid },
    ...redemptionMutations([root, 'redemptions']),
  ];
}

function redemptionMutations(at: Path): Mutation[] {
  return [
    { path: at, value: fc.oneof(notAnObject.filter((v) => !Array.isArray(v)), fc.constant(Array(101).fill(redemption('1')))) },
    { path: [...at, 0], value: notAnObject },
    { path: [...at, 0, 'amount'], value: badNonNegativeAmount.map((a) => a) },
    { path: [...at, 0, 'quantity'], value: badRedemptionQuantity },
    { path: [...at, 0, 'identifier'], value: fc.oneof(hugeString(129), notAString) },
    { path: [...at, 0, 'appliedDiscountGuid'], value: badGuid },
    { path: [...at, 0, 'name'], value: hugeString(201) },
  ];
}

const sc = ['searchTransactionInformation', 'searchCriteria'];
const MUTATIONS: Record<TransactionType, Mutation[]> = {
  LOYALTY_SEARCH: [
    { path: sc, value: fc.oneof(absent, fc.constant(null), notAnObject, fc.constant({ firstName: null, lastName: null, email: null, phone: null }), fc.constant({})) },
    { path: [...sc, 'phone'], value: badPhone },
    { path: [...sc, 'email'], value: badEmail },
    { path: [...sc, 'firstName'], value: fc.oneof(hugeString(101), notAString) },
  ],
  LOYALTY_INQUIRE: checkMutations('checkTransactionInformation', true),
  LOYALTY_REDEEM: checkMutations('checkTransactionInformation', true),
  LOYALTY_ACCRUE: checkMutations('checkTransactionInformation', false),
  LOYALTY_REVERSE: [
    { path: ['reverseTransactionInformation', 'transactionId'], value: fc.oneof(absent, fc.constant(null), badGuid.filter((g) => !(typeof g === 'string' && /^[A-Za-z0-9._:-]{65,128}$/.test(g)))) },
    { path: ['reverseTransactionInformation', 'loyaltyIdentifier'], value: badKeyedIdentifier },
    ...redemptionMutations(['reverseTransactionInformation', 'redemptions']),
  ],
  LOYALTY_SIGNUP: [
    { path: ['signupTransactionInformation', 'email'], value: fc.constantFrom('a@example.com') }, // with the phone: both given
    { path: ['signupTransactionInformation', 'phone'], value: fc.oneof(absent, fc.constant(null), badPhone) },
  ],
  LOYALTY_TRANSFER: [
    { path: ['transferTransactionInformation', 'fromLoyaltyIdentifier'], value: fc.oneof(absent, fc.constant(null), badKeyedIdentifier) },
    { path: ['transferTransactionInformation', 'toLoyaltyIdentifier'], value: fc.oneof(absent, fc.constant(null), badLoyaltyIdentifier) },
  ],
};

/** A fresh valid body of `type` (the starting point of every mutation). */
export function validBodyFor(type: TransactionType): Json {
  const sel = selection({ modifiers: [selection({ price: 1 })] });
  const builders: Record<TransactionType, () => unknown> = {
    LOYALTY_SEARCH: () => searchRequest({ firstName: 'Ada', phone: '6175550123' }),
    LOYALTY_INQUIRE: () => inquireRequest('member-1', { check: check({ selections: [sel] }), redemptions: [redemption('1')] }),
    LOYALTY_REDEEM: () => redeemRequest('member-1', { check: check({ selections: [sel] }), redemptions: [redemption('1', { amount: 5 })] }),
    LOYALTY_ACCRUE: () => accrueRequest('member-1', { check: paidCheck({ selections: [sel] }), redemptions: [redemption('1')] }),
    LOYALTY_REVERSE: () => reverseRequest('ab11d469-5ed5-4daa-b9d6-addefdb1c1f7', 'member-1', [redemption('1', { appliedDiscountGuid: 'd1' })]),
    LOYALTY_SIGNUP: () => signupRequest({ phone: '6175550123' }),
    LOYALTY_TRANSFER: () => transferRequest('card-1', 'card-2'),
  };
  return JSON.parse(JSON.stringify(builders[type]())) as Json;
}

/** Sets (or deletes, for undefined) the member at `path`, creating nothing: the path exists in valid bodies. */
function setAt(body: Json, path: Path, value: unknown): Json {
  let node = body as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return body;
}

/** Declared objects of `type` where a forbidden member name can be planted. */
function objectPaths(type: TransactionType): Path[] {
  const member = { LOYALTY_SEARCH: ['searchTransactionInformation', 'searchCriteria'], LOYALTY_REVERSE: ['reverseTransactionInformation'],
    LOYALTY_SIGNUP: ['signupTransactionInformation'], LOYALTY_TRANSFER: ['transferTransactionInformation'] } as Record<string, Path>;
  const c: Path = ['checkTransactionInformation', 'check'];
  return [[], ...(member[type] ? [member[type]] : [c, [...c, 'selections', 0], [...c, 'selections', 0, 'item']])];
}

function plantForbiddenKey(type: TransactionType): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...objectPaths(type)), forbiddenKey, fc.oneof(junkObject, fc.integer())).map(([path, key, value]) => {
    const body = validBodyFor(type);
    return setAt(body, [...path, key], value);
  });
}

function envelopeMutations(type: TransactionType): fc.Arbitrary<unknown>[] {
  const member = Object.keys(validBodyFor(type)).find((k) => validBodyFor(type)[k] !== null && k !== 'toastTransactionType') as string;
  return [
    notAnObject.map((v) => v as unknown),
    fc.constant(null),
    fc.oneof(absent, fc.constant(null), notAnObject).map((v) => setAt(validBodyFor(type), [member], v)),
    fc.constantFrom(...TRANSACTION_TYPES.filter((t) => t !== type)).map((t) => setAt(validBodyFor(type), ['toastTransactionType'], t)),
    plantForbiddenKey(type),
  ];
}

/** Malformed bodies for `type`: every value generated must be refused by `validateToastRequest(type, …)`. */
export function malformedBody(type: TransactionType): fc.Arbitrary<unknown> {
  // Field mutations are weighted up: they exercise the schemas; envelope ones are few and blunt.
  const fieldMutations = MUTATIONS[type].map(({ path, value }) => ({ arbitrary: value.map((v) => setAt(validBodyFor(type), path, v)), weight: 4 }));
  const envelope = envelopeMutations(type).map((arbitrary) => ({ arbitrary, weight: 1 }));
  return fc.oneof(...fieldMutations, ...envelope);
}

/** A transaction type and a body malformed for it. */
export const malformedRequest: fc.Arbitrary<{ type: TransactionType; body: unknown }> = fc
  .constantFrom(...TRANSACTION_TYPES)
  .chain((type) => malformedBody(type).map((body) => ({ type, body })));

/** One Toast instant in a tolerated form: epoch-ms number, digit string, ISO with Z, +00:00 or +0000. */
const tolerantInstant: fc.Arbitrary<number | string> = fc
  .tuple(fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom('ms', 'digits', 'Z', '+00:00', '+0000'))
  .map(([date, form]) => {
    const iso = date.toISOString();
    switch (form) {
      case 'ms': return date.getTime();
      case 'digits': return String(date.getTime());
      case 'Z': return iso;
      default: return iso.replace('Z', form);
    }
  });

/** Replaces every date member (`…Date`, not `…BusinessDate`) that holds a value, at any depth. */
function redate(node: unknown, next: () => number | string): void {
  if (Array.isArray(node)) { node.forEach((n) => redate(n, next)); return; }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Json;
  for (const [key, value] of Object.entries(obj)) {
    if (/Date$/.test(key) && !/BusinessDate$/.test(key) && typeof value === 'string') obj[key] = next();
    else redate(value, next);
  }
}

/** Dollar amounts of a check as numeric strings (Toast's `"amount":"10"`). */
function stringAmounts(node: unknown): void {
  if (Array.isArray(node)) { node.forEach(stringAmounts); return; }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Json;
  for (const [key, value] of Object.entries(obj)) {
    if (/^(price|preDiscountPrice|amount|totalAmount|tipAmount)$/.test(key) && typeof value === 'number') obj[key] = value.toFixed(2);
    else stringAmounts(value);
  }
}

/** The check-carrying types a tolerant body is generated for. */
export const TOLERANT_TYPES = ['LOYALTY_INQUIRE', 'LOYALTY_REDEEM', 'LOYALTY_ACCRUE'] as const;

/**
 * Valid INQUIRE / REDEEM / ACCRUE bodies (account `member-1`) written the ways Toast's own
 * documents write them: every date as an epoch-ms number, a digit string or ISO text with `Z`,
 * `+00:00` or `+0000`, and sometimes every amount as a numeric string. All must be accepted.
 */
export const tolerantRequest: fc.Arbitrary<{ type: (typeof TOLERANT_TYPES)[number]; body: Json }> = fc
  .tuple(fc.constantFrom(...TOLERANT_TYPES), fc.array(tolerantInstant, { minLength: 12, maxLength: 12 }), fc.boolean())
  .map(([type, instants, asStrings]) => {
    const body = validBodyFor(type);
    let i = 0;
    redate(body, () => instants[i++ % instants.length] as number | string);
    if (asStrings) stringAmounts(body);
    return { type, body };
  });
