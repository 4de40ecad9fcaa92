/**
 * `npm run reports -- rebuild --program <id> [--from YYYY-MM-DD] [--to YYYY-MM-DD]`: recomputes
 * the daily report rollups of a day range (default: the program's first activity to today) from
 * the source collections (server/reports/daily-rollup.ts). Safe to repeat and to run while the
 * workers run. Exits 1 for an unknown program, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { rebuildRollups } from '../server/reports/daily-rollup.js';
import { runWithStore } from './with-store.js';

const usage = 'usage: npm run reports -- rebuild --program <id> [--from YYYY-MM-DD] [--to YYYY-MM-DD]';
const isDay = (v: string | undefined): boolean => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

function parse(): { program: string; from?: string; to?: string } | null {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { program: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    });
    if (positionals.length !== 1 || positionals[0] !== 'rebuild' || !values.program) return null;
    if (!isDay(values.from) || !isDay(values.to) || (values.from && values.to && values.to < values.from)) return null;
    return { program: values.program, from: values.from, to: values.to };
  } catch {
    return null;
  }
}

const args = parse();
if (!args) {
  console.error(usage);
  process.exit(2);
}

void runWithStore(async (models) => {
  const outcome = await rebuildRollups(models, args.program, { from: args.from, to: args.to }, new Date());
  switch (outcome.status) {
    case 'UNKNOWN_PROGRAM':
      console.error(`reports rebuild: no active program ${args.program}`);
      return 1;
    case 'NOTHING_YET':
      console.log(`reports rebuild: ${args.program} has no activity yet`);
      return 0;
    case 'REBUILT':
      console.log(`reports rebuild: ${args.program} ${outcome.from}..${outcome.to}: ${outcome.days} days, ${outcome.rows} rows`);
      return 0;
  }
});
