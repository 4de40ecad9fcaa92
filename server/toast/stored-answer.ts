/**
 * Stored answers without guest contact data. Toast's duplicates must get the bytes the first
 * copy got, but the `toastTransactions` collection must not become a second copy of guests'
 * phones, emails and names. So an account's contact fields are stored as a marker and filled in
 * again from the member record when an answer is replayed: for an unchanged member the replay is
 * byte-identical; for an erased member the fields are simply left out.
 */
import type { Models } from '../store/models/index.js';
import type { StoredResponse } from '../loyalty/idempotency/idempotency.js';
import type { MemberRecord } from '../loyalty/members/members.js';
import { accountInfo } from './present.js';

/** AccountInfo members that are guest data; the `identifier` beside them is opaque. */
const CONTACT_FIELDS: ReadonlySet<string> = new Set(['firstName', 'lastName', 'phone', 'email']);
/** The contact fields as they appear in serialized JSON (a cheap test before the marking pass). */
const CONTACT_KEYS_AS_JSON = [...CONTACT_FIELDS].map((k) => `"${k}":`);
const MARKER_KEY = '$contact';
const MARKER = Object.freeze({ [MARKER_KEY]: true });

function isAccount(holder: unknown): holder is { identifier: string } {
  return typeof (holder as { identifier?: unknown } | null)?.identifier === 'string';
}

/**
 * `node` with every account's contact fields replaced by the marker, copied only along the paths
 * that change (the answer itself when nothing does). A plain walk: JSON.stringify with a
 * replacer function leaves V8's fast path and cost more than the rest of an INQUIRE's answer.
 */
function withMarkers(node: unknown): unknown {
  if (Array.isArray(node)) {
    let out: unknown[] | null = null;
    node.forEach((v: unknown, i) => {
      const next = withMarkers(v);
      if (next !== v) (out ??= node.slice())[i] = next;
    });
    return out ?? node;
  }
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const account = isAccount(obj);
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    const next = account && CONTACT_FIELDS.has(key) && typeof v === 'string' ? MARKER : withMarkers(v);
    if (next !== v) (out ??= { ...obj })[key] = next;
  }
  return out ?? node;
}

/** The answer as sent and as stored (contact fields of every account replaced by a marker). */
export function answerBodies(answer: object): { sent: string; stored: string } {
  const sent = JSON.stringify(answer);
  // Most answers (REDEEM, ACCRUE) carry no contact field: nothing to mark.
  if (!CONTACT_KEYS_AS_JSON.some((k) => sent.includes(k))) return { sent, stored: sent };
  const marked = withMarkers(answer);
  return { sent, stored: marked === answer ? sent : JSON.stringify(marked) };
}

function isMarker(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[MARKER_KEY] === true;
}

/** Every account object in a parsed answer that carries markers. */
type MarkedAccount = Record<string, unknown> & { identifier: string };

function markedAccounts(node: unknown, out: MarkedAccount[] = []): MarkedAccount[] {
  if (Array.isArray(node)) {
    for (const v of node) markedAccounts(v, out);
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (isAccount(obj) && Object.values(obj).some(isMarker)) out.push(obj);
    for (const v of Object.values(obj)) if (!isMarker(v)) markedAccounts(v, out);
  }
  return out;
}

/**
 * A stored answer as it is sent again: each marked account's contact fields re-rendered from its
 * member record now (left out when the member is gone, erased or has no such field).
 */
export async function replayable(models: Models, programId: string, stored: StoredResponse): Promise<StoredResponse> {
  if (!stored.body.includes(`"${MARKER_KEY}"`)) return stored;
  const answer = JSON.parse(stored.body) as unknown;
  for (const account of markedAccounts(answer)) {
    const member = await models.Member.findOne({ programId, loyaltyIdentifier: account.identifier }).lean<MemberRecord>();
    const fresh: Record<string, unknown> = member ? { ...accountInfo(member) } : {};
    for (const [key, value] of Object.entries(account)) {
      if (!isMarker(value)) continue;
      if (typeof fresh[key] === 'string') account[key] = fresh[key];
      else delete account[key];
    }
  }
  return { status: stored.status, body: JSON.stringify(answer) };
}
