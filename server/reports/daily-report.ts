/**
 * The daily report: stored rollups (daily-rollup.ts) of a day range, optionally one location,
 * with reward and restaurant names and the range's totals. Reads only `dailyRollups`.
 */
import type { Models } from '../store/models/index.js';
import { activeProgram } from '../loyalty/programs/program-cache.js';
import type { DayFigures } from './day-figures.js';
import { programTimezone } from './report-days.js';

export interface RewardUse {
  rewardId: string;
  /** The reward's name in the active rule set (the id when the reward was since removed). */
  name: string;
  uses: number;
  discountCents: number;
}

/** A day's figures as the daily report shows them (item sales have their own report: item-report.ts). */
export type ReportFigures = Omit<DayFigures, 'location' | 'rewardUses' | 'items'> & { rewardUses: RewardUse[] };

export interface ReportRow extends ReportFigures {
  day: string;
  location: string | null;
  locationName: string | null;
}

export interface DailyReport {
  programId: string;
  timezone: string;
  from: string;
  to: string;
  location: string | null;
  days: ReportRow[];
  totals: ReportFigures;
}

export type ReportOutcome = { status: 'OK'; report: DailyReport } | { status: 'UNKNOWN_PROGRAM' } | { status: 'UNKNOWN_LOCATION' };

const counters = ['loyaltyChecks', 'salesCents', 'discountCents', 'pointsEarned', 'pointsRedeemed', 'pointsExpired', 'pointsAdjusted', 'newMembers'] as const;

function addInto(total: ReportFigures, row: ReportFigures): void {
  for (const c of counters) total[c] += row[c];
  for (const u of row.rewardUses) {
    const t = total.rewardUses.find((x) => x.rewardId === u.rewardId);
    if (t) {
      t.uses += u.uses;
      t.discountCents += u.discountCents;
    } else total.rewardUses.push({ ...u });
  }
}

export interface ReportQuery {
  from: string;
  to: string;
  location?: string;
}

export async function dailyReport(models: Models, programId: string, query: ReportQuery): Promise<ReportOutcome> {
  const active = await activeProgram(models, programId);
  if (!active) return { status: 'UNKNOWN_PROGRAM' };
  if (query.location !== undefined && !(await models.Location.exists({ _id: query.location, programId }))) return { status: 'UNKNOWN_LOCATION' };
  const filter = { programId, day: { $gte: query.from, $lte: query.to }, ...(query.location !== undefined ? { location: query.location } : {}) };
  const rollups = await models.DailyRollup.find(filter).lean();
  const guids = [...new Set(rollups.map((r) => r.location).filter((l): l is string => !!l))];
  const locations = guids.length ? await models.Location.find({ _id: { $in: guids } }, { name: 1 }).lean() : [];
  const locationNames = new Map(locations.map((l) => [String(l._id), l.name]));
  const rewardNames = new Map(active.program.rewards.map((r) => [r.id, r.name]));
  const totals: ReportFigures = { loyaltyChecks: 0, salesCents: 0, discountCents: 0, pointsEarned: 0, pointsRedeemed: 0, pointsExpired: 0, pointsAdjusted: 0, newMembers: 0, rewardUses: [] };
  const days = rollups.map((r): ReportRow => {
    const row: ReportRow = {
      day: r.day, location: r.location ?? null, locationName: r.location ? locationNames.get(r.location) ?? null : null,
      loyaltyChecks: r.loyaltyChecks, salesCents: r.salesCents, discountCents: r.discountCents, pointsEarned: r.pointsEarned,
      pointsRedeemed: r.pointsRedeemed, pointsExpired: r.pointsExpired, pointsAdjusted: r.pointsAdjusted, newMembers: r.newMembers,
      rewardUses: r.rewardUses.map((u) => ({ rewardId: u.rewardId, name: rewardNames.get(u.rewardId) ?? u.rewardId, uses: u.uses, discountCents: u.discountCents })),
    };
    addInto(totals, row);
    return row;
  });
  // Days ascending; within a day, restaurants first and the program-wide row (null) last.
  days.sort((a, b) => a.day.localeCompare(b.day) || (a.location === null ? 1 : 0) - (b.location === null ? 1 : 0) || (a.location ?? '').localeCompare(b.location ?? ''));
  totals.rewardUses.sort((a, b) => a.rewardId.localeCompare(b.rewardId));
  return { status: 'OK', report: { programId, timezone: programTimezone(active.program), from: query.from, to: query.to, location: query.location ?? null, days, totals } };
}
