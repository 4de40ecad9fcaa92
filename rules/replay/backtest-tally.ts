/**
 * The backtest report, accumulated one check and one redemption at a time: totals and per-day
 * figures for what happened ("current") and what the draft would have done, the distribution of
 * points per member and the checks with the largest change. Pure and streaming: memory grows
 * with days, members and distinct point totals, never with the number of checks.
 */
import { liabilityCents, type PointValue } from './affordability.js';
import { IntegerHistogram } from './percentiles.js';

/** One side of one check. */
export interface ScenarioCheck {
  points: number;
  /** Banked rewards this check made affordable, with the discount each would give on it. */
  unlocked: { rewardId: string; cents: number }[];
  tierBefore: string | null;
  tierAfter: string | null;
}

export interface CheckResult {
  /** Local business day of the check (YYYY-MM-DD). */
  day: string;
  at: string;
  checkGuid: string;
  restaurantGuid: string;
  memberId: string | null;
  current: ScenarioCheck;
  draft: ScenarioCheck;
}

/** A committed redemption of the range; `lostReason` set when the draft would not have allowed it. */
export interface RedemptionResult {
  day: string;
  rewardId: string;
  quantity: number;
  points: number;
  amountCents: number;
  lostReason: string | null;
}

interface Sums {
  checks: number;
  pointsIssued: number;
  rewardsAffordable: number;
  discountsIfRedeemedCents: number;
  tierMoves: number;
  redemptions: number;
  redemptionDiscountCents: number;
}

const emptySums = (): Sums => ({ checks: 0, pointsIssued: 0, rewardsAffordable: 0, discountsIfRedeemedCents: 0, tierMoves: 0, redemptions: 0, redemptionDiscountCents: 0 });

interface Day { current: Sums; draft: Sums; lost: number }

export interface ScenarioTotals {
  checks: number;
  pointsIssued: number;
  /** Dollars the points issued are worth at the rate; null without a rate. */
  liabilityDollars: number | null;
  rewardsAffordable: number;
  discountsIfRedeemedDollars: number;
  tierMoves: number;
  redemptions: number;
  redemptionDiscountDollars: number;
}

export interface BacktestReport {
  totals: { current: ScenarioTotals; draft: ScenarioTotals; change: { points: number; percent: number | null } };
  days: { date: string; current: ScenarioTotals; draft: ScenarioTotals; lostRedemptions: number }[];
  rewardsAffordable: { current: Record<string, number>; draft: Record<string, number> };
  lostRedemptions: { count: number; points: number; discountDollars: number; byReason: Record<string, number>; byReward: Record<string, number> };
  pointsPerMember: { current: Record<string, number>; draft: Record<string, number> };
  tierMoves: { membersOnAnotherTier: number; byTier: Record<string, number> };
  largestChanges: { checkGuid: string; restaurantGuid: string; at: string; memberId: string | null; current: number; draft: number; change: number }[];
}

export interface TallyOptions {
  /** Value of a point for the liability, per side (null: no rate known). */
  currentRate: PointValue | null;
  draftRate: PointValue | null;
  /** How many checks `largestChanges` lists. @defaultValue 10 */
  top?: number;
}

const dollars = (cents: number): number => Math.round(cents) / 100;

interface MemberTotals { current: number; draft: number; tierCurrent: string | null; tierDraft: string | null }

export class BacktestTally {
  private readonly totals = { current: emptySums(), draft: emptySums() };
  private readonly days = new Map<string, Day>();
  private readonly members = new Map<string, MemberTotals>();
  private readonly affordable = { current: new Map<string, number>(), draft: new Map<string, number>() };
  private readonly lost = { count: 0, points: 0, cents: 0, byReason: new Map<string, number>(), byReward: new Map<string, number>() };
  private largest: BacktestReport['largestChanges'] = [];

  constructor(private readonly options: TallyOptions) {}

  private day(date: string): Day {
    let d = this.days.get(date);
    if (!d) this.days.set(date, (d = { current: emptySums(), draft: emptySums(), lost: 0 }));
    return d;
  }

  addCheck(c: CheckResult): void {
    const day = this.day(c.day);
    for (const side of ['current', 'draft'] as const) {
      const s = c[side];
      for (const sums of [this.totals[side], day[side]]) {
        sums.checks++;
        sums.pointsIssued += s.points;
        sums.rewardsAffordable += s.unlocked.length;
        sums.discountsIfRedeemedCents += s.unlocked.reduce((t, u) => t + u.cents, 0);
        if (s.tierBefore !== s.tierAfter) sums.tierMoves++;
      }
      for (const u of s.unlocked) this.affordable[side].set(u.rewardId, (this.affordable[side].get(u.rewardId) ?? 0) + 1);
    }
    if (c.memberId !== null) {
      const m = this.members.get(c.memberId) ?? { current: 0, draft: 0, tierCurrent: null, tierDraft: null };
      m.current += c.current.points;
      m.draft += c.draft.points;
      m.tierCurrent = c.current.tierAfter;
      m.tierDraft = c.draft.tierAfter;
      this.members.set(c.memberId, m);
    }
    this.noteChange(c);
  }

  private noteChange(c: CheckResult): void {
    const change = c.draft.points - c.current.points;
    if (change === 0) return;
    const top = this.options.top ?? 10;
    this.largest.push({ checkGuid: c.checkGuid, restaurantGuid: c.restaurantGuid, at: c.at, memberId: c.memberId, current: c.current.points, draft: c.draft.points, change });
    if (this.largest.length > top * 4) this.largest = this.sortedLargest().slice(0, top);
  }

  private sortedLargest(): BacktestReport['largestChanges'] {
    return [...this.largest].sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  addRedemption(r: RedemptionResult): void {
    const day = this.day(r.day);
    for (const sums of [this.totals.current, day.current]) { sums.redemptions += r.quantity; sums.redemptionDiscountCents += r.amountCents; }
    if (r.lostReason === null) {
      for (const sums of [this.totals.draft, day.draft]) { sums.redemptions += r.quantity; sums.redemptionDiscountCents += r.amountCents; }
      return;
    }
    day.lost += r.quantity;
    this.lost.count += r.quantity;
    this.lost.points += r.points;
    this.lost.cents += r.amountCents;
    this.lost.byReason.set(r.lostReason, (this.lost.byReason.get(r.lostReason) ?? 0) + r.quantity);
    this.lost.byReward.set(r.rewardId, (this.lost.byReward.get(r.rewardId) ?? 0) + r.quantity);
  }

  private scenario(s: Sums, rate: PointValue | null): ScenarioTotals {
    return {
      checks: s.checks, pointsIssued: s.pointsIssued,
      liabilityDollars: rate === null ? null : dollars(liabilityCents(s.pointsIssued, rate)),
      rewardsAffordable: s.rewardsAffordable, discountsIfRedeemedDollars: dollars(s.discountsIfRedeemedCents),
      tierMoves: s.tierMoves, redemptions: s.redemptions, redemptionDiscountDollars: dollars(s.redemptionDiscountCents),
    };
  }

  report(): BacktestReport {
    const { currentRate, draftRate } = this.options;
    const hist = { current: new IntegerHistogram(), draft: new IntegerHistogram() };
    const byTier = new Map<string, number>();
    for (const m of this.members.values()) {
      hist.current.add(m.current);
      hist.draft.add(m.draft);
      if (m.tierCurrent !== m.tierDraft) {
        const key = `${m.tierCurrent ?? 'none'}→${m.tierDraft ?? 'none'}`;
        byTier.set(key, (byTier.get(key) ?? 0) + 1);
      }
    }
    const cur = this.totals.current.pointsIssued;
    const change = this.totals.draft.pointsIssued - cur;
    return {
      totals: {
        current: this.scenario(this.totals.current, currentRate),
        draft: this.scenario(this.totals.draft, draftRate),
        change: { points: change, percent: cur === 0 ? null : Math.round((change / cur) * 1000) / 10 },
      },
      days: [...this.days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, d]) => ({
        date, current: this.scenario(d.current, currentRate), draft: this.scenario(d.draft, draftRate), lostRedemptions: d.lost,
      })),
      rewardsAffordable: { current: Object.fromEntries(this.affordable.current), draft: Object.fromEntries(this.affordable.draft) },
      lostRedemptions: {
        count: this.lost.count, points: this.lost.points, discountDollars: dollars(this.lost.cents),
        byReason: Object.fromEntries(this.lost.byReason), byReward: Object.fromEntries(this.lost.byReward),
      },
      pointsPerMember: { current: hist.current.summary(), draft: hist.draft.summary() },
      tierMoves: { membersOnAnotherTier: [...byTier.values()].reduce((s, n) => s + n, 0), byTier: Object.fromEntries(byTier) },
      largestChanges: this.sortedLargest().slice(0, this.options.top ?? 10),
    };
  }
}
