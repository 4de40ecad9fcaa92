/**
 * Daily rollups: the stored figures the daily report reads (requests never scan the ledger).
 *
 * A day is recomputed whole from its source documents (day-figures.ts) and its rows replaced,
 * so a refresh is idempotent and a crashed or repeated run leaves correct rows behind. Because
 * every source event is recorded on the day it happens, only the current and the previous local
 * day can still change: the worker refreshes those two every few minutes (incremental), and
 * `npm run reports -- rebuild` recomputes any range (after a restore, or for history written
 * before rollups existed). A row is only replaced by a computation that started no earlier than
 * the one that wrote it, so a slow rebuild never overwrites a fresher refresh.
 */
import { DateTime } from 'luxon';
import type { Models } from '../store/models/index.js';
import { activeProgram } from '../loyalty/programs/program-cache.js';
import { computeDayFigures } from './day-figures.js';
import { dayBounds, dayOf, daysBetween, programTimezone } from './report-days.js';
import { isDuplicateKey } from '../store/duplicate-key.js';

const rowId = (programId: string, day: string, location: string | null): string => `${programId}|${day}|${location ?? '-'}`;

/** Recomputes one local day of a program and replaces its rows. Answers the number of rows. */
export async function refreshDay(models: Models, programId: string, day: string, tz: string, now: Date): Promise<number> {
  const { start, end } = dayBounds(day, tz);
  const figures = await computeDayFigures(models, programId, start, end);
  const ids: string[] = [];
  for (const f of figures) {
    const _id = rowId(programId, day, f.location);
    ids.push(_id);
    try {
      await models.DailyRollup.replaceOne({ _id, computedAt: { $lte: now } }, { _id, programId, day, ...f, computedAt: now }, { upsert: true });
    } catch (err) {
      // The row exists and a later computation wrote it: keep that one.
      if (!isDuplicateKey(err)) throw err;
    }
  }
  await models.DailyRollup.deleteMany({ programId, day, _id: { $nin: ids }, computedAt: { $lte: now } });
  return figures.length;
}

/** The program's timezone from its active rule set, or null for an unknown program. */
export async function reportTimezone(models: Models, programId: string): Promise<string | null> {
  const active = await activeProgram(models, programId);
  return active ? programTimezone(active.program) : null;
}

/** The worker's step: today and yesterday (local) of every program. */
export async function refreshRecentDays(models: Models, now: Date): Promise<{ programs: number; rows: number }> {
  const programs = await models.Program.find({}, { _id: 1 }).lean();
  let rows = 0;
  for (const p of programs) {
    const tz = await reportTimezone(models, String(p._id));
    if (!tz) continue;
    const today = dayOf(now, tz);
    const yesterday = DateTime.fromISO(today, { zone: 'utc' }).minus({ days: 1 }).toISODate() as string;
    for (const day of [yesterday, today]) rows += await refreshDay(models, String(p._id), day, tz, now);
  }
  return { programs: programs.length, rows };
}

export interface RebuildRange {
  /** First day; default: the day of the program's first member or ledger entry. */
  from?: string;
  /** Last day; default: today. */
  to?: string;
}

export type RebuildOutcome =
  | { status: 'REBUILT'; from: string; to: string; days: number; rows: number }
  | { status: 'UNKNOWN_PROGRAM' }
  | { status: 'NOTHING_YET' };

/** Recomputes every day of a range (the `reports rebuild` command). */
export async function rebuildRollups(models: Models, programId: string, range: RebuildRange, now: Date): Promise<RebuildOutcome> {
  const tz = await reportTimezone(models, programId);
  if (!tz) return { status: 'UNKNOWN_PROGRAM' };
  const from = range.from ?? (await firstActivityDay(models, programId, tz));
  if (!from) return { status: 'NOTHING_YET' };
  const to = range.to ?? dayOf(now, tz);
  const days = daysBetween(from, to);
  let rows = 0;
  for (const day of days) rows += await refreshDay(models, programId, day, tz, now);
  return { status: 'REBUILT', from, to, days: days.length, rows };
}

async function firstActivityDay(models: Models, programId: string, tz: string): Promise<string | null> {
  const [member, entry] = await Promise.all([
    models.Member.findOne({ programId }, { createdAt: 1 }).sort({ createdAt: 1 }).lean(),
    models.LedgerEntry.findOne({ programId }, { createdAt: 1 }).sort({ createdAt: 1 }).lean(),
  ]);
  const first = [member?.createdAt, entry?.createdAt].filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0];
  return first ? dayOf(first, tz) : null;
}
