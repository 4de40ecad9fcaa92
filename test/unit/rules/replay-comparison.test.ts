/** Pure parts of replay and backtest: differences by key, exact percentiles, rates, ranges, the sample draft. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { loadProgramFile } from '../../../rules/index.js';
import { liabilityCents, parseRate } from '../../../rules/replay/affordability.js';
import { differences } from '../../../rules/replay/differences.js';
import { IntegerHistogram } from '../../../rules/replay/percentiles.js';
import { MAX_RANGE_DAYS, parseRange } from '../../../server/replay/backtest-range.js';

describe('replay comparison helpers', () => {
  it('compares offer lists by identifier, whatever their order', () => {
    const a = { offers: [{ identifier: 'x', amount: 1 }, { identifier: 'y', amount: 2 }], points: 3 };
    const b = { offers: [{ identifier: 'y', amount: 2 }, { identifier: 'z', amount: 5 }], points: 4 };
    expect(differences(a, b)).to.deep.equal([
      { path: '/offers/x', before: { identifier: 'x', amount: 1 }, after: undefined },
      { path: '/offers/z', before: undefined, after: { identifier: 'z', amount: 5 } },
      { path: '/points', before: 3, after: 4 },
    ]);
    expect(differences(a, structuredClone(a))).to.deep.equal([]);
  });

  it('exact nearest-rank percentiles from a histogram', () => {
    const h = new IntegerHistogram();
    for (let i = 1; i <= 100; i++) h.add(i);
    expect(h.summary()).to.deep.equal({ p50: 50, p90: 90, p99: 99, max: 100, members: 100 });
    expect(new IntegerHistogram().summary()).to.deep.equal({ p50: 0, p90: 0, p99: 0, max: 0, members: 0 });
  });

  it('a rate in dollars per point, liability in whole cents', () => {
    expect(parseRate('0.01')).to.equal(10_000);
    for (const bad of ['0', '-1', 'abc', '1e3', '0.0000001']) expect(parseRate(bad), bad).to.equal(null);
    expect(liabilityCents(12_345, 10_000)).to.equal(12_345);
    expect(liabilityCents(3, 5_000)).to.equal(2); // 1.5 cents, half away from zero
  });

  it('ranges are calendar days in the program timezone, at most the limit', () => {
    const r = parseRange('2026-10-01', '2026-10-31', 'America/New_York');
    expect(r).to.deep.include({ ok: true });
    if (r.ok) {
      expect(r.range.days).to.equal(31);
      expect(r.range.start.toISOString()).to.equal('2026-10-01T04:00:00.000Z');
      expect(r.range.end.toISOString()).to.equal('2026-11-01T04:00:00.000Z');
    }
    expect(parseRange('2026-10-31', '2026-10-01', 'UTC')).to.deep.equal({ ok: false, message: '--to (2026-10-01) is before --from (2026-10-31)' });
    expect(parseRange('2026-13-01', '2026-10-01', 'UTC')).to.deep.include({ ok: false });
    const long = parseRange('2026-01-01', '2026-12-31', 'UTC');
    expect(long).to.deep.equal({ ok: false, message: `range 2026-01-01..2026-12-31 is 365 days: a backtest reads at most ${MAX_RANGE_DAYS} days; split it into smaller ranges` });
  });

  it('the README draft is the demo program plus double points on Tuesdays', async () => {
    const loaded = await loadProgramFile('rules/drafts/demo-double-tuesdays.json');
    expect(loaded.ok).to.equal(true);
    const demo = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Record<string, unknown>;
    const draft = JSON.parse(readFileSync('rules/drafts/demo-double-tuesdays.json', 'utf8')) as Record<string, unknown>;
    // Loose on purpose: the demo program may evolve; the draft must still add exactly this promotion.
    expect(differences(demo, draft)).to.deep.include(
      { path: '/promotions/double-tuesdays', before: undefined, after: { id: 'double-tuesdays', name: 'Double points on Tuesdays', kind: 'MULTIPLIER', multiplier: 2, schedule: { days: ['TUE'] } } },
    );
  });
});
