/**
 * Seeds the benchmark's members through the webhook itself (LOYALTY_SIGNUP), then pays a big
 * check for a share of them (LOYALTY_ACCRUE) so that REDEEMs during the load can succeed, and a
 * normal check for the others so that REVERSEs have ACCRUEs to name from the first second.
 * Waits until the accrual worker has posted every accrual before the load starts.
 */
import { randomUUID } from 'node:crypto';
import type mongoose from 'mongoose';
import { newVisit, type Line, type Visit } from '../../scripts/pos/check.js';
import { checkInfo, toastBody, toastHeaders, type PosType } from '../../scripts/pos/requests.js';

export interface BenchMember {
  id: string;
  phone: string;
  /** Paid a big check during seeding: can afford several rewards. */
  rich: boolean;
}

/** A REDEEM or ACCRUE that a REVERSE may name. */
export interface Reversible { guid: string; id: string }

export interface Seeded { members: BenchMember[]; reversible: Reversible[] }

interface Reply { status: number; body: Record<string, unknown> }

async function post(baseUrl: string, type: PosType, member: string, info: unknown, guid = randomUUID()): Promise<Reply> {
  const res = await fetch(`${baseUrl}/toast/loyalty`, {
    method: 'POST', headers: toastHeaders(type, guid), body: JSON.stringify(toastBody(type, member, info)),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** Runs `fn` over `items` with at most `width` in flight. */
async function pool<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

/** 40 Classic Burgers: $359.60, about 380 points, enough for seven Free Fries. */
function bigVisit(): Visit {
  const lines: Line[] = Array.from({ length: 40 }, () => ({ guid: randomUUID(), kind: 'burger' }));
  return { ...newVisit(), lines };
}

/** Phone of the i-th bench member: a valid 10-digit number, distinct per member. */
export const benchPhone = (i: number): string => `617${String(2_000_000 + i).padStart(7, '0')}`;

async function signUp(baseUrl: string, count: number, width: number): Promise<BenchMember[]> {
  const phones = Array.from({ length: count }, (_, i) => benchPhone(i));
  return pool(phones, width, async (phone) => {
    const r = await post(baseUrl, 'SIGNUP', 'signupTransactionInformation', { phone, email: null });
    const id = (r.body.signupResponse as { loyaltyIdentifier?: string } | undefined)?.loyaltyIdentifier;
    if (r.status !== 200 || !id) throw new Error(`SIGNUP ${phone}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return { id, phone, rich: false };
  });
}

async function accrueAll(baseUrl: string, members: BenchMember[], width: number): Promise<Reversible[]> {
  return pool(members, width, async (m) => {
    const guid = randomUUID();
    const visit = m.rich ? bigVisit() : newVisit();
    const r = await post(baseUrl, 'ACCRUE', 'checkTransactionInformation', checkInfo(visit, m.id, [], true), guid);
    if (r.status !== 200) throw new Error(`ACCRUE for ${m.id}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return { guid, id: m.id };
  });
}

/** Resolves when no accrual is PENDING (the worker has posted them all). */
export async function waitPosted(conn: mongoose.Connection, timeoutMs: number): Promise<number> {
  const accruals = conn.collection('accruals');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await accruals.countDocuments({ state: 'PENDING' });
    if (pending === 0 || Date.now() >= deadline) return pending;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function seed(baseUrl: string, conn: mongoose.Connection, opts: { members: number; richShare: number; width: number; log: (l: string) => void }): Promise<Seeded> {
  const t0 = Date.now();
  const members = await signUp(baseUrl, opts.members, opts.width);
  const richCount = Math.round(members.length * opts.richShare);
  members.forEach((m, i) => { m.rich = i < richCount; });
  opts.log(`seed: ${members.length} members signed up in ${Date.now() - t0} ms`);
  const t1 = Date.now();
  const accrued = await accrueAll(baseUrl, members, opts.width);
  const pending = await waitPosted(conn, 120_000);
  if (pending > 0) throw new Error(`seed: ${pending} accruals still pending after 120 s`);
  opts.log(`seed: ${richCount} big and ${members.length - richCount} normal checks accrued and posted in ${Date.now() - t1} ms`);
  // Only the normal checks are offered to REVERSE: reversing a big one would starve REDEEMs.
  return { members, reversible: accrued.filter((_, i) => !members[i]?.rich) };
}
