/**
 * A cafe member with a long ledger, written straight into the store the way the ledger would
 * have written it over the past two years (a chain of ACCRUE +10 / REDEEM −10 pairs, oldest
 * first, then a starting BONUS), but as a member from before the projections: no lots, no usage
 * counters. Its first request builds them once; from then on a request costs what it costs for
 * a member with ten entries (issue 11 §1). Used by `npm run bench:history` and its test.
 *
 * `earnOnly`: a frequent guest who never redeemed — only ACCRUE entries, over the last 300
 * days (inside the cafe's 365-day PER_LOT expiry), so every credit is still an unexpired lot.
 * Each earns an equal share of `balance` (at least 10), so the lots hold nearly all of it and
 * the benchmark's REDEEMs (oldest lots first) leave almost all of them in place.
 */
import { randomUUID } from 'node:crypto';
import type mongoose from 'mongoose';
import { Types } from 'mongoose';

const dayMs = 24 * 3600 * 1000;

export interface HistoryMember {
  id: Types.ObjectId;
  loyaltyIdentifier: string;
  entries: number;
}

/**
 * Inserts a REGISTERED cafe member with `entries` ledger entries (≥ 1) ending in a BONUS of
 * `balance` points, and its redemption records for the REDEEM entries. Raw driver writes:
 * this is old data, not a request.
 */
export async function memberWithHistory(conn: mongoose.Connection, opts: { entries: number; balance: number; now: Date; programId?: string; earnOnly?: boolean }): Promise<HistoryMember> {
  const programId = opts.programId ?? 'cafe';
  const id = new Types.ObjectId();
  const loyaltyIdentifier = randomUUID();
  const pairs = Math.floor((opts.entries - 1) / 2);
  const span = (opts.earnOnly ? 300 : 700) * dayMs;
  const entries: Record<string, unknown>[] = [];
  const redemptions: Record<string, unknown>[] = [];
  let balance = 0;
  let lifetime = 0;
  const push = (kind: string, delta: number, at: Date, sourceKey: string): void => {
    balance += delta;
    if (kind !== 'REDEEM') lifetime += delta;
    entries.push({
      programId, memberId: id, seq: entries.length + 1, delta, balanceAfter: balance, lifetimeAfter: lifetime, kind, sourceKey,
      requestedDelta: null, refs: {}, provenance: {}, cause: null, createdAt: at,
    });
  };
  const earned = opts.earnOnly ? Math.max(10, Math.floor(opts.balance / opts.entries)) : 10;
  for (let i = 0; i < pairs; i++) {
    // From two years (earn-only: 300 days) ago to two days ago: no redemption of today counts against a limit.
    const at = new Date(opts.now.getTime() - span - 2 * dayMs + (i * span) / Math.max(1, pairs));
    push('ACCRUE', earned, at, `accrual:${randomUUID()}`);
    if (opts.earnOnly) {
      push('ACCRUE', earned, new Date(at.getTime() + 60_000), `accrual:${randomUUID()}`);
      continue;
    }
    const sourceKey = `redeem:discount:${randomUUID()}`;
    push('REDEEM', -10, new Date(at.getTime() + 60_000), sourceKey);
    redemptions.push({
      _id: `${String(id)}:${sourceKey}`, programId, memberId: String(id), rewardId: 'pastry-gold', quantity: 1, amountCents: 100,
      transactionGuid: randomUUID(), redeemedAt: new Date(at.getTime() + 60_000), reversedAt: null, limitSlots: [], sourceKey, points: 10,
    });
  }
  while (entries.length < opts.entries - 1) push('ADJUST', 0, new Date(opts.now.getTime() - dayMs), `old:${randomUUID()}`);
  push('BONUS', opts.balance - balance, new Date(opts.now.getTime() - dayMs), `bonus:${randomUUID()}`);
  const db = conn.db!;
  await db.collection('members').insertOne({
    _id: id, programId, loyaltyIdentifier, phone: null, email: null, firstName: null, lastName: null, firstNameLower: null, lastNameLower: null,
    status: 'REGISTERED', tier: null, cardNumbers: [], visits: 0, lifetimePoints: lifetime, pointsBalance: balance, ledgerSeq: entries.length,
    lastActivityAt: opts.now, tierSeq: 0, lastTierChange: null, statusBeforeSuspension: null, createdAt: new Date(opts.now.getTime() - span), erasedAt: null,
  });
  for (let i = 0; i < entries.length; i += 1000) await db.collection('ledger').insertMany(entries.slice(i, i + 1000));
  for (let i = 0; i < redemptions.length; i += 1000) await db.collection('rewardRedemptions').insertMany(redemptions.slice(i, i + 1000));
  return { id, loyaltyIdentifier, entries: entries.length };
}
