/**
 * Backtest: a draft rule set (or another version) over the stored checks of a date range,
 * compared with what happened. Read-only; the checks are streamed from `accruals` with a
 * cursor in check-time order (index programId + checkTime), so memory does not grow with the
 * number of checks — only with the members seen (three numbers each), days and the report.
 *
 * Member state at each check is the snapshot recorded with its accrual at ACCEPT (status, tier,
 * balance, lifetime and rolling points): exact for what happened. The draft's member is that
 * snapshot moved by the draft's earlier differences in the range (balance, lifetime and rolling
 * points). Approximations, documented in the README: the draft's different balance does not
 * change expiries, reversal clamps or which redemptions the guest chose; a snapshot taken before
 * the member's previous check was posted misses those points on both sides alike.
 */
import type { MemberState, NormalizedCheck, Program } from '../../rules/index.js';
import { effectiveTierId } from '../../rules/engine/tiers.js';
import { bankedRewards, discountOnCheck, newlyAffordable, shopRate, type PointValue } from '../../rules/replay/affordability.js';
import { BacktestTally, type BacktestReport, type ScenarioCheck } from '../../rules/replay/backtest-tally.js';
import { computePoints } from '../loyalty/accrual/accrual.js';
import type { Models } from '../store/models/index.js';
import { dayOf, type BacktestRange } from './backtest-range.js';
import { redemptionsOfRange } from './backtest-redemptions.js';
import type { RuleSet } from './rule-sets.js';

export interface BacktestInput {
  programId: string;
  current: RuleSet;
  draft: RuleSet;
  range: BacktestRange;
  /** Restaurant GUIDs to include; all of the program's when absent. */
  locations?: string[];
  /** Value of a point for the liability (overrides the programs' shop-with-points rates). */
  rate?: PointValue;
  /** Called every `progressEvery` checks (memory probes, progress output). */
  onProgress?: (checks: number) => void;
  progressEvery?: number;
}

export interface BacktestMeta {
  programId: string;
  from: string;
  to: string;
  locations: string[] | 'all';
  current: string;
  draft: string;
  rate: { current: string; draft: string };
  empty: boolean;
  notes: string[];
}

export type BacktestOutput = BacktestReport & { meta: BacktestMeta };

interface AccrualRow {
  _id: unknown;
  restaurantGuid: string;
  checkGuid: string;
  memberId: { toHexString(): string } | null;
  memberSnapshot: MemberState | null;
  check: NormalizedCheck;
  checkTime: Date;
  points: number | null;
  expectedPoints: number;
}

/** A program reduced to what earning reads: the condition engine then evaluates no reward rules. */
const earningOnly = (program: Program): Program => ({ ...program, rewards: [] });

interface Side {
  program: Program;
  earning: Program;
  rewards: ReturnType<typeof bankedRewards>;
}

function side(program: Program): Side {
  return { program, earning: earningOnly(program), rewards: bankedRewards(program) };
}

/** One side of a check: points, newly affordable rewards (priced on this check) and the tier move. */
function scenario(s: Side, check: NormalizedCheck, member: MemberState | null, points: number): ScenarioCheck {
  if (!member) return { points, unlocked: [], tierBefore: null, tierAfter: null };
  const after: MemberState = {
    ...member, pointsBalance: member.pointsBalance + points, lifetimePoints: member.lifetimePoints + points,
    ...(member.rollingPoints !== undefined ? { rollingPoints: member.rollingPoints + points } : {}),
  };
  return {
    points,
    unlocked: newlyAffordable(s.rewards, member.pointsBalance, after.pointsBalance).map((r) => ({ rewardId: r.id, cents: discountOnCheck(r, check) })),
    tierBefore: effectiveTierId(s.program, member),
    tierAfter: effectiveTierId(s.program, after),
  };
}

/** The draft's view of the member: the snapshot moved by the draft's earlier differences. */
function draftMember(snapshot: MemberState | null, diff: number): MemberState | null {
  if (!snapshot || diff === 0) return snapshot;
  return {
    ...snapshot, pointsBalance: snapshot.pointsBalance + diff, lifetimePoints: snapshot.lifetimePoints + diff,
    ...(snapshot.rollingPoints !== undefined ? { rollingPoints: Math.max(0, snapshot.rollingPoints + diff) } : {}),
  };
}

function rateLabel(value: PointValue | null, source: string): string {
  return value === null ? 'none (liability not computed: pass --rate <dollars per point>)' : `$${value / 1_000_000} per point (${source})`;
}

export async function runBacktest(models: Models, input: BacktestInput): Promise<BacktestOutput> {
  const cur = side(input.current.program);
  const draft = side(input.draft.program);
  const currentRate = input.rate ?? shopRate(cur.program);
  const draftRate = input.rate ?? shopRate(draft.program) ?? currentRate;
  const tally = new BacktestTally({ currentRate, draftRate });
  const zones = await locationZones(models, input.programId, cur.program);
  const filter: Record<string, unknown> = {
    programId: input.programId, checkTime: { $gte: input.range.start, $lt: input.range.end },
    // What happened: points issued (posted, claimed) or about to be (pending). Reversed and unclaimed checks issued none.
    state: { $in: ['PENDING', 'POSTED', 'CLAIMED'] },
  };
  if (input.locations) filter.restaurantGuid = { $in: input.locations };
  const cursor = models.Accrual.collection.find<AccrualRow>(filter, {
    projection: { restaurantGuid: 1, checkGuid: 1, memberId: 1, memberSnapshot: 1, check: 1, checkTime: 1, points: 1, expectedPoints: 1 },
    sort: { checkTime: 1, _id: 1 }, batchSize: 1000,
  });
  // Per member: the draft's running difference in points (balance and tier basis move together).
  const diffs = new Map<string, number>();
  let n = 0;
  try {
    for await (const acc of cursor) {
      const memberId = acc.memberId ? acc.memberId.toHexString() : null;
      const diff = memberId ? diffs.get(memberId) ?? 0 : 0;
      const current = acc.points ?? acc.expectedPoints;
      const dm = draftMember(acc.memberSnapshot, diff);
      const drafted = (await computePoints(draft.earning, acc.restaurantGuid, acc.check, dm, acc.checkTime)).points;
      if (memberId && drafted !== current) diffs.set(memberId, diff + drafted - current);
      tally.addCheck({
        day: dayOf(acc.checkTime, zones.get(acc.restaurantGuid) ?? zones.get('') ?? 'UTC'), at: acc.checkTime.toISOString(),
        checkGuid: acc.checkGuid, restaurantGuid: acc.restaurantGuid, memberId,
        current: scenario(cur, acc.check, acc.memberSnapshot, current),
        draft: scenario(draft, acc.check, dm, drafted),
      });
      n++;
      if (input.onProgress && n % (input.progressEvery ?? 1000) === 0) input.onProgress(n);
    }
  } finally {
    await cursor.close();
  }
  for await (const r of redemptionsOfRange(models, { ...input, draft: draft.program, zones })) tally.addRedemption(r);
  const report = tally.report();
  return {
    ...report,
    meta: {
      programId: input.programId, from: input.range.from, to: input.range.to, locations: input.locations ?? 'all',
      current: `what happened (rewards and rate of the active ${input.current.label})`, draft: input.draft.label,
      rate: {
        current: rateLabel(currentRate, input.rate !== undefined ? '--rate' : 'shop-with-points rate'),
        draft: rateLabel(draftRate, input.rate !== undefined ? '--rate' : 'shop-with-points rate'),
      },
      empty: report.totals.current.checks === 0 && report.totals.current.redemptions === 0,
      notes: [
        'member state at each check: the snapshot recorded at ACCEPT; the draft moves it by its own earlier differences',
        'redemptions are the ones committed in the range; a draft does not change which rewards guests chose',
      ],
    },
  };
}

/** Timezone of each restaurant of the program ('' = the program's default). */
async function locationZones(models: Models, programId: string, program: Program): Promise<Map<string, string>> {
  const zones = new Map<string, string>([['', program.locations[0]?.timezone ?? 'UTC']]);
  for (const l of program.locations) zones.set(l.guid, l.timezone);
  for (const l of await models.Location.find({ programId }, { timezone: 1 }).lean()) zones.set(l._id, l.timezone);
  return zones;
}
