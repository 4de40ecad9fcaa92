/**
 * Simulate: a sample check of the demo menu or a pasted Toast check, a member state and a time,
 * through the program's engine (POST /simulate, the same code as `npm run rules -- simulate`):
 * offers with amounts, why other rewards are not offered, the points the check would earn.
 */
import { useState } from 'preact/hooks';
import { ApiError, enc } from '../api';
import { useSession } from '../context';
import { dollars, localInputValue, points } from '../ui/format';
import { useAction, useLoad } from '../ui/load';
import { Empty, ErrorBox } from '../ui/status';
import type { ProgramDetail } from './programs/types';
import { explainReason } from './simulate/reasons';
import { sampleChecks } from './simulate/samples';

interface Offer { identifier: string; name: string; applicable: boolean; amountCents: number; pointsCost: number; reasons: string[]; description?: string }
interface Simulation {
  offers: Offer[];
  redemptionLimit: number | null;
  notOffered: { rewardId: string; reasons: string[] }[];
  accrual: { points: number; eligibleSpendCents: number; breakdown: { ruleId: string; kind: string; points: number; detail?: string }[]; ruleSetVersion: string };
  /** Check lines by name: the location's menu catalogue where it knows the item, else the POS's display name. */
  names?: { selections: Record<string, string> };
}
interface RuleFile { rewards?: { id: string; name: string }[]; locations?: { guid: string; name: string }[] }

export function SimulateView() {
  const { api, program } = useSession();
  const base = `/programs/${enc(program.id)}`;
  const [detail] = useLoad(() => api.call<ProgramDetail>('GET', base), [program.id]);
  const [source, setSource] = useState<string>(sampleChecks[0]!.id);
  const [pasted, setPasted] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [status, setStatus] = useState('REGISTERED');
  const [tier, setTier] = useState('');
  const [balance, setBalance] = useState('0');
  const [lifetime, setLifetime] = useState('0');
  const [at, setAt] = useState(localInputValue(new Date()));
  const [version, setVersion] = useState('');
  const [ruleFile, setRuleFile] = useState<RuleFile | null>(null);

  const run = useAction(async () => {
    let check: unknown;
    if (source === 'paste') {
      try {
        check = JSON.parse(pasted);
      } catch (e) {
        throw new ApiError(0, 'NOT_JSON', `the pasted check is not JSON: ${(e as Error).message}`, [{ path: '/check', message: 'paste a Toast Check object' }]);
      }
    } else {
      check = sampleChecks.find((s) => s.id === source)!.make();
    }
    const member = anonymous ? null : {
      status, tier: tier.trim() || null, pointsBalance: toInt(balance, 'Points balance'), lifetimePoints: toInt(lifetime, 'Lifetime points'),
    };
    const used = version || program.activeVersion;
    const [result, file] = await Promise.all([
      api.call<Simulation>('POST', `${base}/simulate`, { check, member, at: new Date(at).toISOString(), ...(version ? { version } : {}) }),
      api.call<RuleFile>('GET', `${base}/versions/${enc(used)}`),
    ]);
    setRuleFile(file);
    return result;
  });

  const rewardName = (id: string) => ruleFile?.rewards?.find((r) => r.id === id)?.name ?? id;
  const versions = detail.state === 'done' ? detail.data.versions.map((v) => v.version) : [];

  return (
    <div class="two-col">
      <form class="card" aria-label="Simulation input" onSubmit={(e) => { e.preventDefault(); void run.act(); }}>
        <h2>Check</h2>
        <label for="sim-check">Check</label>
        <select id="sim-check" value={source} onChange={(e) => setSource(e.currentTarget.value)}>
          {sampleChecks.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          <option value="paste">Paste a Toast check…</option>
        </select>
        {source === 'paste' ? (
          <>
            <label for="sim-pasted">Toast check (JSON)</label>
            <textarea id="sim-pasted" rows={10} spellcheck={false} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
          </>
        ) : null}
        <h2>Member</h2>
        <label class="check"><input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} /> No member (anonymous check)</label>
        <fieldset disabled={anonymous}>
          <legend class="sr-only">Member state</legend>
          <label for="sim-status">Status</label>
          <select id="sim-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option>REGISTERED</option><option>STARTER</option><option>SUSPENDED</option>
          </select>
          <label for="sim-balance">Points balance</label>
          <input id="sim-balance" type="number" step="1" inputMode="numeric" value={balance} onInput={(e) => setBalance(e.currentTarget.value)} />
          <label for="sim-lifetime">Lifetime points</label>
          <input id="sim-lifetime" type="number" step="1" min="0" inputMode="numeric" value={lifetime} onInput={(e) => setLifetime(e.currentTarget.value)} />
          <label for="sim-tier">Tier (empty: none)</label>
          <input id="sim-tier" type="text" value={tier} onInput={(e) => setTier(e.currentTarget.value)} />
        </fieldset>
        <h2>When and which rules</h2>
        <label for="sim-at">Time (your timezone)</label>
        <input id="sim-at" type="datetime-local" required value={at} onInput={(e) => setAt(e.currentTarget.value)} />
        <label for="sim-version">Rule version</label>
        <select id="sim-version" value={version} onChange={(e) => setVersion(e.currentTarget.value)}>
          <option value="">Active ({program.activeVersion})</option>
          {versions.filter((v) => v !== program.activeVersion).map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
        <div class="actions"><button type="submit" class="primary" disabled={run.busy}>{run.busy ? 'Simulating…' : 'Simulate'}</button></div>
      </form>
      <section class="card" aria-labelledby="sim-result-h" aria-live="polite">
        <h2 id="sim-result-h">Result</h2>
        <ErrorBox error={run.error} title="Simulation refused" />
        {!run.result && !run.error ? <Empty>{run.busy ? 'Simulating…' : 'Pick a check and a member, then Simulate.'}</Empty> : null}
        {run.result ? <Result sim={run.result} rewardName={rewardName} /> : null}
      </section>
    </div>
  );
}

function toInt(value: string, label: string): number {
  const n = Number(value || '0');
  if (!Number.isInteger(n)) throw new ApiError(0, 'NOT_AN_INTEGER', `${label} must be a whole number`, []);
  return n;
}

/**
 * Offered: what the cashier can apply. Why not offered: rewards the register shows as not yet
 * available (the program's visibility policy shows progress) and rewards it does not show, each
 * with the engine's reasons.
 */
function Result({ sim, rewardName }: { sim: Simulation; rewardName: (id: string) => string }) {
  const offered = sim.offers.filter((o) => o.applicable);
  const notOffered = [
    ...sim.offers.filter((o) => !o.applicable).map((o) => ({ id: o.identifier, name: o.name, reasons: o.reasons, shown: true })),
    ...sim.notOffered.map((n) => ({ id: n.rewardId, name: rewardName(n.rewardId), reasons: n.reasons, shown: false })),
  ];
  return (
    <>
      {sim.names && Object.keys(sim.names.selections).length ? (
        <p class="lines">On the check: {Object.values(sim.names.selections).join(', ')}.</p>
      ) : null}
      <p class="earns">This check earns <strong data-testid="sim-points">{points(sim.accrual.points)}</strong> points
        (eligible spend {dollars(sim.accrual.eligibleSpendCents)}, version {sim.accrual.ruleSetVersion}).</p>
      {sim.accrual.breakdown.length ? (
        <ul class="breakdown" aria-label="Points breakdown">
          {sim.accrual.breakdown.map((b, i) => <li key={i}><code>{b.ruleId}</code> {b.kind}: {points(b.points)}{b.detail ? ` (${b.detail})` : ''}</li>)}
        </ul>
      ) : null}
      <h3>Offered{sim.redemptionLimit !== null ? ` (at most ${sim.redemptionLimit} per check)` : ''}</h3>
      {offered.length === 0 ? <Empty>No reward can be redeemed on this check.</Empty> : (
        <div class="table-wrap">
          <table aria-label="Offered">
            <thead><tr><th scope="col">Reward</th><th scope="col">Amount off</th><th scope="col">Points</th></tr></thead>
            <tbody>
              {offered.map((o) => <tr key={o.identifier}><td>{o.name}</td><td class="num">{dollars(o.amountCents)}</td><td class="num">{points(o.pointsCost)}</td></tr>)}
            </tbody>
          </table>
        </div>
      )}
      <h3>Why not offered</h3>
      {notOffered.length === 0 ? <Empty>Every reward is offered.</Empty> : (
        <ul class="not-offered" aria-label="Why not offered">
          {notOffered.map((n) => (
            <li key={n.id}><strong>{n.name}</strong>{n.shown ? ' (shown at the register as not yet available)' : ''}:{' '}
              {n.reasons.map((r) => <span key={r} class="reason"><code>{r}</code> {explainReason(r)}</span>)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
