/**
 * `npm run rules -- backtest --program <id> (--draft file.json | --version v) --from YYYY-MM-DD
 * --to YYYY-MM-DD [--location guid,…] [--rate dollars-per-point] [--json | --csv]`.
 * Read-only. Exit codes: 0 report printed (also for a range without checks); 1 unknown program
 * or version, invalid draft, refused range; 2 usage or store error.
 */
import { parseFlags } from '../../../rules/cli/args.js';
import { parseRate } from '../../../rules/replay/affordability.js';
import type { ScenarioTotals } from '../../../rules/replay/backtest-tally.js';
import { parseRange } from '../backtest-range.js';
import { runBacktest, type BacktestOutput } from '../backtest.js';
import { activeRuleSet, draftRuleSet, ruleSetByVersion } from '../rule-sets.js';
import { withStore } from '../../store/with-store.js';

export const BACKTEST_USAGE = 'backtest --program <id> (--draft file.json | --version v) --from YYYY-MM-DD --to YYYY-MM-DD [--location guid,…] [--rate dollars-per-point] [--json|--csv]';

const money = (d: number | null): string => (d === null ? 'n/a' : `$${d.toFixed(2)}`);

function printHuman(r: BacktestOutput): void {
  const m = r.meta;
  console.log(`backtest ${m.programId} ${m.from}..${m.to} (locations: ${m.locations === 'all' ? 'all' : m.locations.join(', ')})`);
  console.log(`  current: ${m.current}`);
  console.log(`  draft:   ${m.draft}`);
  if (m.empty) { console.log('no stored checks or redemptions in this range: nothing to compare'); return; }
  const row = (label: string, f: (s: ScenarioTotals) => string) => console.log(`  ${label.padEnd(30)} ${f(r.totals.current).padStart(14)} ${f(r.totals.draft).padStart(14)}`);
  console.log(`  ${''.padEnd(30)} ${'current'.padStart(14)} ${'draft'.padStart(14)}`);
  row('checks', (s) => String(s.checks));
  row('points issued', (s) => String(s.pointsIssued));
  row('liability', (s) => money(s.liabilityDollars));
  row('rewards became affordable', (s) => String(s.rewardsAffordable));
  row('discounts if redeemed', (s) => money(s.discountsIfRedeemedDollars));
  row('tier moves', (s) => String(s.tierMoves));
  row('redemptions kept', (s) => String(s.redemptions));
  console.log(`  points change: ${r.totals.change.points >= 0 ? '+' : ''}${r.totals.change.points}${r.totals.change.percent === null ? '' : ` (${r.totals.change.percent}%)`}`);
  const p = r.pointsPerMember;
  console.log(`  points per member p50/p90/p99/max: current ${p.current.p50}/${p.current.p90}/${p.current.p99}/${p.current.max}, draft ${p.draft.p50}/${p.draft.p90}/${p.draft.p99}/${p.draft.max} (${p.current.members} members)`);
  if (r.lostRedemptions.count > 0) console.log(`  redemptions lost under the draft: ${r.lostRedemptions.count} (${JSON.stringify(r.lostRedemptions.byReward)}; ${JSON.stringify(r.lostRedemptions.byReason)})`);
  if (r.tierMoves.membersOnAnotherTier > 0) console.log(`  members ending on another tier: ${r.tierMoves.membersOnAnotherTier} ${JSON.stringify(r.tierMoves.byTier)}`);
  console.log(`  rate: ${m.rate.current === m.rate.draft ? m.rate.current : `current ${m.rate.current}; draft ${m.rate.draft}`}`);
  console.log('  day         checks  current    draft   change');
  for (const d of r.days) {
    const change = d.draft.pointsIssued - d.current.pointsIssued;
    console.log(`  ${d.date}  ${String(d.current.checks).padStart(6)}  ${String(d.current.pointsIssued).padStart(7)}  ${String(d.draft.pointsIssued).padStart(7)}  ${(change >= 0 ? '+' : '') + change}`);
  }
  if (r.largestChanges.length) {
    console.log('  largest changes (check, current → draft):');
    for (const c of r.largestChanges.slice(0, 5)) console.log(`    ${c.checkGuid} ${c.at}: ${c.current} → ${c.draft} (${c.change >= 0 ? '+' : ''}${c.change})`);
  }
}

const CSV_COLUMNS = ['checks', 'pointsIssued', 'liabilityDollars', 'rewardsAffordable', 'discountsIfRedeemedDollars', 'tierMoves', 'redemptions'] as const;

function printCsv(r: BacktestOutput): void {
  const header = ['date', ...CSV_COLUMNS.map((c) => `current_${c}`), ...CSV_COLUMNS.map((c) => `draft_${c}`), 'lost_redemptions'];
  const cells = (s: ScenarioTotals) => CSV_COLUMNS.map((c) => String(s[c] ?? ''));
  console.log(header.join(','));
  for (const d of r.days) console.log([d.date, ...cells(d.current), ...cells(d.draft), String(d.lostRedemptions)].join(','));
  console.log(['total', ...cells(r.totals.current), ...cells(r.totals.draft), String(r.lostRedemptions.count)].join(','));
}

export async function backtestCommand(args: string[]): Promise<number> {
  const { flags } = parseFlags(args, ['json', 'csv']);
  const str = (k: string): string | undefined => (typeof flags[k] === 'string' ? flags[k] : undefined);
  const programId = str('program');
  const draftFile = str('draft');
  const version = str('version');
  const from = str('from');
  const to = str('to');
  if (!programId || !from || !to || (draftFile === undefined) === (version === undefined) || (flags.json && flags.csv)) {
    console.error(`usage: npm run rules -- ${BACKTEST_USAGE}`);
    return 2;
  }
  let rate: number | undefined;
  if (str('rate') !== undefined) {
    const parsed = parseRate(str('rate')!);
    if (parsed === null) { console.error(`--rate must be dollars per point, e.g. 0.01 (got "${str('rate')}")`); return 2; }
    rate = parsed;
  }
  const locations = str('location')?.split(',').map((s) => s.trim()).filter(Boolean);
  const fail = (message: string, errors: { path: string; message: string }[] = []): number => {
    if (flags.json) console.log(JSON.stringify({ error: { message, errors } }, null, 2));
    else { console.error(message); for (const e of errors) console.error(`  ${e.path || '/'} ${e.message}`); }
    return 1;
  };
  return withStore(async (models) => {
    const current = await activeRuleSet(models, programId);
    if (!current.ok) return fail(current.message);
    const draft = draftFile ? await draftRuleSet(draftFile, programId) : await ruleSetByVersion(models, programId, version!);
    if (!draft.ok) return fail(draft.message, draft.errors);
    const range = parseRange(from, to, current.ruleSet.program.locations[0]?.timezone ?? 'UTC');
    if (!range.ok) return fail(range.message);
    if (locations) {
      const known = new Set((await models.Location.find({ programId }, { _id: 1 }).lean()).map((l) => l._id));
      const unknown = locations.filter((l) => !known.has(l));
      if (unknown.length) return fail(`--location: not a restaurant of program ${programId}: ${unknown.join(', ')}`);
    }
    const report = await runBacktest(models, {
      programId, current: current.ruleSet, draft: draft.ruleSet, range: range.range,
      ...(locations ? { locations } : {}), ...(rate !== undefined ? { rate } : {}),
    });
    if (flags.json) console.log(JSON.stringify(report, null, 2));
    else if (flags.csv) printCsv(report);
    else printHuman(report);
    return 0;
  });
}
