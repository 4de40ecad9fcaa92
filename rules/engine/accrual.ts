/**
 * Points a paid check earns: base points on eligible spend (pre-tax, after discounts, without
 * tips, deferred/gift-card lines or excluded items), promotion multipliers, the tier multiplier,
 * bonuses, then the per-check cap, then the BONUS_POINTS rewards applied to the check (after the
 * cap: the guest redeemed them). Integer arithmetic throughout; the breakdown sums to `points`.
 */
import { ruleName } from './conditions.js';
import { prepare, type Evaluation } from './evaluation.js';
import { locationAllows } from './gates.js';
import { candidateFor, matches } from './matching.js';
import { hundredths } from './money.js';
import { scheduleAllows } from './schedule.js';
import { effectiveTier } from './tiers.js';
import { asQuantity, milliUnits, ONE_UNIT, signedNetCents } from './units.js';
import type { AccrualLine, AccrualResult, BonusPointsReward, EvaluationContext, Program, Promotion, Rounding } from './types.js';

/**
 * The BONUS_POINTS rewards applied to the check: its (not voided) loyalty discounts whose
 * referenceId names one, each applied discount counted once.
 */
function appliedBonuses(program: Program, ev: Evaluation): BonusPointsReward[] {
  const check = ev.context.check;
  const discounts = [...check.checkLoyaltyDiscounts, ...check.lines.filter((l) => !l.voided).flatMap((l) => l.loyaltyDiscounts)];
  const seen = new Set<string>();
  const out: BonusPointsReward[] = [];
  for (const d of discounts) {
    const reward = program.rewards.find((r): r is BonusPointsReward => r.type === 'BONUS_POINTS' && r.id === d.referenceId);
    const key = d.appliedDiscountGuid ?? `${d.referenceId}#${out.length}`;
    if (!reward || seen.has(key)) continue;
    seen.add(key);
    out.push(reward);
  }
  return out;
}

/** Points of the applied BONUS_POINTS rewards: fixed, or `earned × (multiplier − 1)` on this check's points. */
function bonusLines(program: Program, ev: Evaluation, earned: number, rounding: Rounding): AccrualLine[] {
  return appliedBonuses(program, ev).map((r) => {
    if (r.points !== undefined) return { ruleId: r.id, kind: 'BONUS', points: r.points, detail: 'reward' };
    const m = r.multiplier ?? 1;
    return { ruleId: r.id, kind: 'BONUS', points: scale(earned, hundredths(m) - 100, 100, rounding), detail: `reward x${m}` };
  });
}

/** `value × num / den` with the program's rounding, integers only (value ≥ 0). */
function scale(value: number, num: number, den: number, rounding: Rounding): number {
  const product = value * num;
  if (rounding === 'CEIL') return Math.ceil(product / den);
  if (rounding === 'NEAREST') return Math.floor((product * 2 + den) / (2 * den));
  return Math.floor(product / den);
}

function eligibleSpendCents(program: Program, ev: Evaluation): number {
  const exclude = program.earning.exclude;
  let total = 0;
  for (const line of ev.context.check.lines) {
    if (line.voided || line.deferred) continue;
    if (exclude && matches(line, { ...exclude, matchModifiers: false })) continue;
    total += signedNetCents(line);
  }
  // Toast's `check.amount` is after check-level discounts: never earn on more than was due.
  const due = ev.context.check.amountCents;
  return Math.max(0, due === null ? total : Math.min(total, due));
}

function promotionApplies(p: Promotion, ev: Evaluation): boolean {
  if (!locationAllows(p.locations, ev) || !scheduleAllows(p.schedule, ev.clock)) return false;
  const member = ev.context.member;
  if (p.members?.statuses && !(member && p.members.statuses.includes(member.status))) return false;
  if (p.members?.tiers && !(ev.tierId && p.members.tiers.includes(ev.tierId))) return false;
  const cond = ev.conditions.get(ruleName('promotion', p.id));
  return !cond || cond.passed;
}

/** Milli-units bought of the promotion's items (refund and quantity-0 lines are not purchases). */
function itemMilliUnits(p: Extract<Promotion, { kind: 'ITEM_BONUS' }>, ev: Evaluation): number {
  let units = 0;
  for (const line of ev.context.check.lines) if (candidateFor(line, p.items)) units += milliUnits(line);
  return units;
}

/** Per-unit bonus on a (possibly fractional) quantity, rounded with the program's rounding. */
function itemBonus(p: Extract<Promotion, { kind: 'ITEM_BONUS' }>, ev: Evaluation, rounding: Rounding): AccrualLine | null {
  const milli = itemMilliUnits(p, ev);
  const points = scale(milli, p.pointsPerUnit, ONE_UNIT, rounding);
  return points > 0 ? { ruleId: p.id, kind: 'BONUS', points, detail: `${asQuantity(milli)} units` } : null;
}

/** Why a check earns nothing at all, if it does not. */
function noEarnReason(program: Program, ev: Evaluation): string | null {
  const member = ev.context.member;
  if (!ev.clock.location) return 'NOT_AT_LOCATION';
  if (ev.context.check.voided) return 'CHECK_VOIDED';
  if (member?.status === 'SUSPENDED') return 'MEMBER_SUSPENDED';
  if (member?.status === 'STARTER' && !program.policies.membership.starterMayEarn) return 'STARTER_MAY_NOT_EARN';
  return null;
}

function multiply(running: number, lines: AccrualLine[], rounding: Rounding, kind: AccrualLine['kind'], ruleId: string, multiplier: number): number {
  const next = scale(running, hundredths(multiplier), 100, rounding);
  lines.push({ ruleId, kind, points: next - running, detail: `x${multiplier}` });
  return next;
}

/** Points to accrue for the check, with a per-rule breakdown and the rule-set version. */
export async function accrual(program: Program, context: EvaluationContext): Promise<AccrualResult> {
  return accrualOf(await prepare(program, context));
}

/** {@link accrual} from an evaluation already prepared. */
export function accrualOf(ev: Evaluation): AccrualResult {
  const { program, context } = ev;
  const rounding = program.earning.rounding ?? 'FLOOR';
  const eligible = eligibleSpendCents(program, ev);
  const none = noEarnReason(program, ev);
  if (none) {
    return { points: 0, eligibleSpendCents: eligible, breakdown: [{ ruleId: 'earning', kind: 'BASE', points: 0, detail: none }], ruleSetVersion: program.version };
  }
  const base = scale(eligible, program.earning.points, program.earning.perCents, rounding);
  const breakdown: AccrualLine[] = [{ ruleId: 'earning', kind: 'BASE', points: base }];
  let running = base;
  const active = program.promotions.filter((p) => promotionApplies(p, ev));
  for (const p of active) if (p.kind === 'MULTIPLIER') running = multiply(running, breakdown, rounding, 'MULTIPLIER', p.id, p.multiplier);
  const tier = effectiveTier(program, context.member);
  if (tier?.multiplier !== undefined && tier.multiplier !== 1) running = multiply(running, breakdown, rounding, 'TIER_MULTIPLIER', `tier:${tier.id}`, tier.multiplier);
  for (const p of active) {
    if (p.kind === 'BONUS') { running += p.points; breakdown.push({ ruleId: p.id, kind: 'BONUS', points: p.points }); }
    const bonus = p.kind === 'ITEM_BONUS' ? itemBonus(p, ev, rounding) : null;
    if (bonus) { running += bonus.points; breakdown.push(bonus); }
  }
  const cap = program.earning.maxPointsPerCheck;
  if (cap !== undefined && running > cap) {
    breakdown.push({ ruleId: 'earning', kind: 'CAP', points: cap - running, detail: `max ${cap}` });
    running = cap;
  }
  const bonuses = bonusLines(program, ev, Math.max(0, running), rounding);
  for (const line of bonuses) { breakdown.push(line); running += line.points; }
  return { points: running, eligibleSpendCents: eligible, breakdown, ruleSetVersion: program.version };
}
