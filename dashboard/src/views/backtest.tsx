/**
 * Backtest (issue 15): a draft rule file or a published version over the stored checks of a
 * date range — daily points issued, what happened vs the draft, as a chart — before anything
 * goes live. Reads only (POST /backtest changes nothing).
 */
import { useState } from 'preact/hooks';
import { ApiError, enc } from '../api';
import { ChartFigure } from '../charts/chart';
import { useSession } from '../context';
import { dollars, isoDay, points, signed } from '../ui/format';
import { useAction, useLoad } from '../ui/load';
import { Empty, ErrorBox } from '../ui/status';
import type { ProgramDetail } from './programs/types';

interface Scenario { checks: number; pointsIssued: number; liabilityDollars: number | null; rewardsAffordable: number; tierMoves: number; redemptions: number }
interface Backtest {
  totals: { current: Scenario; draft: Scenario; change: { points: number; percent: number | null } };
  days: { date: string; current: Scenario; draft: Scenario; lostRedemptions: number }[];
  lostRedemptions: { count: number; points: number; discountDollars: number };
  largestChanges: { checkGuid: string; at: string; current: number; draft: number; change: number }[];
}

const daysBack = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

export function BacktestView() {
  const { api, program } = useSession();
  const base = `/programs/${enc(program.id)}`;
  const [detail] = useLoad(() => api.call<ProgramDetail>('GET', base), [base]);
  const [from, setFrom] = useState(daysBack(29));
  const [to, setTo] = useState(daysBack(0));
  const [mode, setMode] = useState<'draft' | 'version'>('draft');
  const [draft, setDraft] = useState('');
  const [version, setVersion] = useState('');
  const run = useAction(async () => {
    let against: Record<string, unknown>;
    if (mode === 'draft') {
      try {
        against = { draft: JSON.parse(draft) };
      } catch (e) {
        throw new ApiError(0, 'NOT_JSON', `the draft is not JSON: ${(e as Error).message}`, [{ path: '/draft', message: 'fix the JSON syntax first' }]);
      }
    } else {
      against = { version };
    }
    return api.call<Backtest>('POST', `${base}/backtest`, { from, to, ...against });
  });
  const versions = detail.state === 'done' ? detail.data.versions.map((v) => v.version) : [];
  return (
    <>
      <form class="card" aria-label="Backtest" onSubmit={(e) => { e.preventDefault(); void run.act(); }}>
        <div class="inline-form">
          <label>From <input type="date" required value={from} max={to} onInput={(e) => setFrom(e.currentTarget.value)} /></label>
          <label>To <input type="date" required value={to} min={from} onInput={(e) => setTo(e.currentTarget.value)} /></label>
          <label>Compare with <select value={mode} onChange={(e) => setMode(e.currentTarget.value as 'draft' | 'version')}>
            <option value="draft">a draft rule file</option><option value="version">a published version</option>
          </select></label>
          {mode === 'version' ? (
            <label>Version <select required value={version} onChange={(e) => setVersion(e.currentTarget.value)}>
              <option value="">Pick a version</option>
              {versions.map((v) => <option key={v} value={v}>{v}</option>)}
            </select></label>
          ) : null}
        </div>
        {mode === 'draft' ? (
          <>
            <label>Draft file <input type="file" accept="application/json,.json" onChange={async (e) => { const f = e.currentTarget.files?.[0]; if (f) setDraft(await f.text()); }} /></label>
            <label for="backtest-draft">Draft rule file (JSON)</label>
            <textarea id="backtest-draft" rows={8} spellcheck={false} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          </>
        ) : null}
        <div class="actions"><button type="submit" class="primary" disabled={run.busy}>{run.busy ? 'Running…' : 'Run backtest'}</button></div>
      </form>
      <ErrorBox error={run.error} title="Backtest refused" />
      {run.result ? <BacktestResult result={run.result} /> : null}
    </>
  );
}

function BacktestResult({ result }: { result: Backtest }) {
  const { current, draft, change } = result.totals;
  if (current.checks === 0) return <Empty>No stored checks in this range: nothing to compare.</Empty>;
  return (
    <>
      <section class="card totals" aria-label="Backtest totals">
        <div><span>Checks</span><strong>{points(current.checks)}</strong></div>
        <div><span>Points issued (current)</span><strong data-testid="bt-current">{points(current.pointsIssued)}</strong></div>
        <div><span>Points issued (draft)</span><strong data-testid="bt-draft">{points(draft.pointsIssued)}</strong></div>
        <div><span>Change</span><strong>{signed(change.points)}{change.percent === null ? '' : ` (${change.percent}%)`}</strong></div>
        {draft.liabilityDollars !== null ? <div><span>Draft liability</span><strong>{dollars(Math.round(draft.liabilityDollars * 100))}</strong></div> : null}
        <div><span>Lost redemptions</span><strong>{points(result.lostRedemptions.count)}</strong></div>
      </section>
      <div class="charts">
        <ChartFigure id="backtest-chart" title="Daily points issued: current vs draft" kind="line" labels={result.days.map((d) => d.date)} format={points}
          series={[
            { label: 'Current', values: result.days.map((d) => d.current.pointsIssued), color: '#2563eb' },
            { label: 'Draft', values: result.days.map((d) => d.draft.pointsIssued), color: '#f97316' },
          ]} />
      </div>
      {result.largestChanges.length ? (
        <section class="card"><h2>Checks with the largest change</h2>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">Check</th><th scope="col">When</th><th scope="col">Current</th><th scope="col">Draft</th><th scope="col">Change</th></tr></thead>
            <tbody>{result.largestChanges.map((c) => <tr key={c.checkGuid}><td><code>{c.checkGuid}</code></td><td>{c.at}</td><td class="num">{c.current}</td><td class="num">{c.draft}</td><td class="num">{signed(c.change)}</td></tr>)}</tbody>
          </table></div>
        </section>
      ) : null}
    </>
  );
}
