/**
 * Stored checks for backtests and their benchmark: accrual documents as the ACCRUE pipeline
 * writes them (normalised check, member snapshot at ACCEPT, points POSTED), inserted in bulk.
 * Deterministic (a seeded PRNG): each day gets about `count / days` checks at opening hours
 * (11 am – 10 pm in New York), of random templates and members (some members come far more often).
 * Points are computed by the real engine for each check (memoised per check template, local
 * weekday and minute: the demo's earning depends on nothing else), and each member's snapshot
 * carries the running balance and lifetime points of the checks seeded before it.
 */
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { DateTime } from 'luxon';
import type { NormalizedCheck, Program } from '../../rules/index.js';
import { computePoints } from '../../server/loyalty/accrual/accrual.js';
import { activeProgram } from '../../server/loyalty/programs/program-cache.js';
import type { Models } from '../../server/store/models/index.js';
import { normalizeToastCheck } from '../../server/toast/normalize/index.js';
import { DEMO_MENU } from './demo-menu.js';

export const DEMO_RESTAURANT = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';

/** A paid demo check of `lines` selections of whole-dollar prices (so any earning rate is exact). */
export function demoCheck(prices: number[]): NormalizedCheck {
  const total = prices.reduce((s, p) => s + p, 0);
  return normalizeToastCheck({
    guid: randomUUID(), entityType: 'Check', paymentStatus: 'CLOSED', amount: total, totalAmount: total, taxAmount: 0,
    selections: prices.map((price, i) => ({
      guid: randomUUID(), entityType: 'MenuItemSelection', displayName: i % 2 ? 'Fries' : 'Classic Burger', quantity: 1,
      preDiscountPrice: price, price, tax: 0, voided: false,
      item: { guid: i % 2 ? DEMO_MENU.fries : DEMO_MENU.burger, entityType: 'MenuItem' },
      itemGroup: { guid: i % 2 ? DEMO_MENU.sidesGroup : DEMO_MENU.burgersGroup, entityType: 'MenuGroup' },
      appliedDiscounts: [], modifiers: [],
    })),
    appliedDiscounts: [],
    payments: [{ guid: randomUUID(), type: 'CREDIT', amount: total, tipAmount: 0, paymentStatus: 'CAPTURED' }],
  });
}

/** Check templates under $30 (no big-check bonus: every demo point then scales with the earning rate). */
export const SMALL_CHECKS = [[8, 3], [9], [12, 4, 2], [15, 5], [6, 3, 3, 2, 1, 4]];
/** Adds checks of $30 and more (the demo's +25 bonus). */
export const MIXED_CHECKS = [...SMALL_CHECKS, [18, 9, 7], [25, 12, 8, 4]];

export interface SeedOptions {
  count: number;
  /** First day (UTC date); checks are spread over `days` days from it. */
  from: Date;
  days: number;
  members: number;
  templates?: number[][];
  programId?: string;
  restaurantGuid?: string;
  /** PRNG seed. @defaultValue 42 */
  seed?: number;
  /** Documents per insert. @defaultValue 1000 */
  batch?: number;
}

/** mulberry32: a small deterministic PRNG, so a seed is the same history every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Check instants, in order: `count` spread over `days` days, 11:00–22:00 New York time (15:00–02:00 UTC). */
function checkTimes(from: Date, days: number, count: number, random: () => number): number[] {
  const times: number[] = [];
  const dayStart = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), 15);
  for (let d = 0; d < days; d++) {
    const n = Math.floor(((d + 1) * count) / days) - Math.floor((d * count) / days);
    const today = Array.from({ length: n }, () => dayStart + d * 86_400_000 + Math.floor(random() * 11 * 3_600_000)).sort((a, b) => a - b);
    times.push(...today);
  }
  return times;
}

export interface SeededChecks {
  memberIds: Types.ObjectId[];
  points: number;
}

export async function seedStoredChecks(models: Models, opts: SeedOptions): Promise<SeededChecks> {
  const programId = opts.programId ?? 'demo';
  const restaurantGuid = opts.restaurantGuid ?? DEMO_RESTAURANT;
  const active = await activeProgram(models, programId);
  if (!active) throw new Error(`program ${programId} is not published`);
  const program: Program = active.program;
  const templates = (opts.templates ?? MIXED_CHECKS).map(demoCheck);
  const memberIds = Array.from({ length: opts.members }, () => new Types.ObjectId());
  const balances = new Map<number, { balance: number; visits: number }>();
  const memo = new Map<string, { points: number; breakdown: unknown; version: string }>();
  const zone = program.locations[0]?.timezone ?? 'UTC';
  const random = prng(opts.seed ?? 42);
  const times = checkTimes(opts.from, opts.days, opts.count, random);
  let batch: Record<string, unknown>[] = [];
  let total = 0;
  for (let i = 0; i < opts.count; i++) {
    const at = new Date(times[i]!);
    const t = Math.floor(random() * templates.length);
    // Regulars: squaring skews visits towards the first members.
    const m = Math.floor(random() ** 2 * opts.members);
    const local = DateTime.fromJSDate(at, { zone });
    const key = `${t}|${local.weekday}|${local.hour * 60 + local.minute}`;
    const state = balances.get(m) ?? { balance: 0, visits: 0 };
    const snapshot = { status: 'REGISTERED' as const, tier: null, pointsBalance: state.balance, lifetimePoints: state.balance, visits: state.visits, usage: {} };
    let computed = memo.get(key);
    if (!computed) {
      const r = await computePoints(program, restaurantGuid, templates[t]!, snapshot, at);
      memo.set(key, (computed = { points: r.points, breakdown: r.breakdown, version: r.ruleSetVersion }));
    }
    balances.set(m, { balance: state.balance + computed.points, visits: state.visits + 1 });
    total += computed.points;
    const checkGuid = randomUUID();
    const id = new Types.ObjectId();
    batch.push({
      _id: id, programId, restaurantGuid, checkGuid, orderGuid: null, activeCheckKey: `${restaurantGuid}|${checkGuid}`,
      transactionGuids: [randomUUID()], memberId: memberIds[m], state: 'POSTED', ruleSetHash: active.contentHash,
      memberSnapshot: snapshot, check: { ...templates[t]!, checkGuid }, checkTime: at, acceptedAt: at,
      expectedPoints: computed.points, points: computed.points, breakdown: computed.breakdown, ruleSetVersion: computed.version,
      postedAt: at, reversedAt: null, reverseTransactionGuid: null, claimedAt: null,
    });
    if (batch.length >= (opts.batch ?? 1000)) {
      await models.Accrual.collection.insertMany(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length) await models.Accrual.collection.insertMany(batch, { ordered: false });
  return { memberIds, points: total };
}
