/**
 * A tiny Toast POS simulator for playing a loyalty visit against a running Perkwire by hand:
 *
 *   npm run pos -- signup --phone 6175550123          (or --email you@example.com)
 *   npm run pos -- search --phone 6175550123          (or --email / --first / --last)
 *   npm run pos -- inquire <loyaltyIdentifier> [--new]
 *   npm run pos -- redeem <loyaltyIdentifier> <offerIdentifier>
 *   npm run pos -- accrue [<loyaltyIdentifier>]       (pays and closes the check)
 *   npm run pos -- reverse [redeem|accrue|<transactionGuid>]
 *
 * Settings: POS_URL (default http://localhost:8080), TOAST_KEY (dev-toast-key),
 * RESTAURANT_GUID (the demo restaurant). The visit's check is kept in .run/pos-visit.json (POS_STATE).
 */
import { randomUUID } from 'node:crypto';
import { loadVisit, newVisit, saveVisit } from './pos/check.js';
import { applyOffer, checkInfo, toastBody, toastHeaders, type PosType } from './pos/requests.js';

const BASE = process.env.POS_URL ?? 'http://localhost:8080';
const KEY = process.env.TOAST_KEY ?? 'dev-toast-key';
const RESTAURANT = process.env.RESTAURANT_GUID ?? '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';

type Json = Record<string, unknown>;
interface Reply { status: number; body: Json }

async function send(type: PosType, member: string, info: unknown, guid = randomUUID()): Promise<Reply & { guid: string }> {
  console.log(`→ LOYALTY_${type}  Toast-Transaction-GUID ${guid}`);
  const res = await fetch(`${BASE}/toast/loyalty`, {
    method: 'POST',
    headers: toastHeaders(type, guid, KEY, RESTAURANT),
    body: JSON.stringify(toastBody(type, member, info)),
  });
  const text = await res.text();
  const body = (text ? JSON.parse(text) : {}) as Json;
  console.log(`← HTTP ${res.status}\n${JSON.stringify(body, null, 2)}\n`);
  return { status: res.status, body, guid };
}

function option(args: string[], name: string): string | null {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] ?? null : null;
}

async function inquire(args: string[]): Promise<void> {
  const id = required(args[0], 'loyaltyIdentifier');
  const visit = args.includes('--new') || loadVisit().loyaltyIdentifier !== id ? { ...newVisit(), loyaltyIdentifier: id } : loadVisit();
  const r = await send('INQUIRE', 'checkTransactionInformation', checkInfo(visit, id));
  visit.transactions.INQUIRE = r.guid;
  saveVisit(visit);
}

async function redeem(args: string[]): Promise<void> {
  const id = required(args[0], 'loyaltyIdentifier');
  const offerId = required(args[1], 'offer identifier');
  const visit = loadVisit().loyaltyIdentifier === id ? loadVisit() : { ...newVisit(), loyaltyIdentifier: id };
  const quote = await send('INQUIRE', 'checkTransactionInformation', checkInfo(visit, id));
  const offers = ((quote.body.checkResponse as Json | undefined)?.offers ?? []) as Json[];
  const offer = offers.find((o) => o.identifier === offerId && o.applicable === true);
  if (!offer) throw new Error(`offer ${offerId} is not applicable to this check (see the INQUIRE answer above)`);
  const r = await send('REDEEM', 'checkTransactionInformation', checkInfo(visit, id, [applyOffer(visit, offer)]));
  visit.transactions.REDEEM = r.guid;
  saveVisit(visit);
}

async function accrue(args: string[]): Promise<void> {
  const visit = loadVisit();
  const id = args[0] ?? visit.loyaltyIdentifier ?? null;
  const r = await send('ACCRUE', 'checkTransactionInformation', checkInfo(visit, id, [], true));
  visit.transactions.ACCRUE = r.guid;
  saveVisit(visit);
}

async function reverse(args: string[]): Promise<void> {
  const visit = loadVisit();
  const which = args[0] ?? 'redeem';
  const transactionId = visit.transactions[which.toUpperCase()] ?? which;
  await send('REVERSE', 'reverseTransactionInformation', { loyaltyIdentifier: visit.loyaltyIdentifier ?? null, transactionId });
}

async function signup(args: string[]): Promise<void> {
  await send('SIGNUP', 'signupTransactionInformation', { phone: option(args, 'phone'), email: option(args, 'email') });
}

async function search(args: string[]): Promise<void> {
  const searchCriteria = { firstName: option(args, 'first'), lastName: option(args, 'last'), email: option(args, 'email'), phone: option(args, 'phone') };
  await send('SEARCH', 'searchTransactionInformation', { searchCriteria });
}

function required(value: string | undefined, what: string): string {
  if (!value) throw new Error(`missing ${what}`);
  return value;
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { signup, search, inquire, redeem, accrue, reverse };

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`usage: npm run pos -- <${Object.keys(COMMANDS).join('|')}> …   (see scripts/pos.ts)`);
    process.exit(2);
  }
  await command(args);
}

main().catch((err: unknown) => {
  console.error(`pos: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
