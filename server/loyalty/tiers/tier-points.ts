/**
 * The points a program's tiers are based on. LIFETIME: the ledger's `lifetimeAfter` at the head
 * (points earned — ACCRUE, CLAIM, BONUS — minus accrual reversals; redemptions and expiries do
 * not lower it, so a voided check demotes but spending does not). ROLLING: the same kinds of
 * entries summed over the last `rollingDays` calendar days (program timezone), never below zero.
 */
import type { Types } from 'mongoose';
import type { MemberState, Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { addDays, programTimezone } from '../policy/expiry.js';
import { lifetimeKinds, readBalance } from '../ledger/ledger.js';

/** Points earned (net of accrual reversals) after `now` minus `rollingDays` days. */
export async function rollingPoints(models: Models, program: Program, memberId: Types.ObjectId | string, now: Date): Promise<number> {
  const days = program.tiers?.rollingDays ?? 365;
  const since = addDays(now, -days, programTimezone(program));
  const rows = await models.LedgerEntry.find(
    { memberId, createdAt: { $gt: since }, kind: { $in: [...lifetimeKinds] } }, { delta: 1 },
  ).lean();
  return Math.max(0, rows.reduce((s, r) => s + r.delta, 0));
}

/** The tier basis at the ledger head: the points and the `seq` they were read at. */
export async function tierBasis(models: Models, program: Program, memberId: Types.ObjectId | string, now: Date): Promise<{ points: number; seq: number }> {
  const head = await readBalance(models, memberId);
  if (program.tiers?.basis !== 'ROLLING') return { points: head.lifetime, seq: head.seq };
  return { points: await rollingPoints(models, program, memberId, now), seq: head.seq };
}

/** `state` with `rollingPoints` filled in when the program's tiers are ROLLING (the engine needs it). */
export async function withRollingPoints(models: Models, program: Program, memberId: Types.ObjectId | string, state: MemberState, now: Date): Promise<MemberState> {
  if (program.tiers?.basis !== 'ROLLING') return state;
  return { ...state, rollingPoints: await rollingPoints(models, program, memberId, now) };
}
