import { useState } from 'preact/hooks';
import { enc } from '../../api';
import { useSession } from '../../context';
import { useAction } from '../../ui/load';
import { Empty, ErrorBox } from '../../ui/status';
import type { ProgramDetail } from './types';

interface Diff {
  fromVersion: string;
  toVersion: string;
  changes: { op: '+' | '-' | '~'; kind: string; id?: string; [k: string]: unknown }[];
  oldFixturesOnNew: { name: string; ok: boolean; failures: string[] }[];
}

const opWord = { '+': 'added', '-': 'removed', '~': 'changed' } as const;

/** What changed between two versions, and how the older one's fixtures fare on the newer. */
export function DiffVersions({ detail }: { detail: ProgramDetail }) {
  const { api, program } = useSession();
  const labels = detail.versions.map((v) => v.version);
  const [from, setFrom] = useState(labels[1] ?? labels[0] ?? '');
  const [to, setTo] = useState(labels[0] ?? '');
  const diff = useAction(async () => api.call<Diff>('GET', `/programs/${enc(program.id)}/versions/${enc(from)}/diff/${enc(to)}`));
  if (labels.length < 2) return <Empty>Only one version is published: nothing to compare yet.</Empty>;
  return (
    <>
      <form class="inline-form" aria-label="Compare two versions" onSubmit={(e) => { e.preventDefault(); void diff.act(); }}>
        <label>From <select value={from} onChange={(e) => setFrom(e.currentTarget.value)}>{labels.map((l) => <option key={l}>{l}</option>)}</select></label>
        <label>To <select value={to} onChange={(e) => setTo(e.currentTarget.value)}>{labels.map((l) => <option key={l}>{l}</option>)}</select></label>
        <button type="submit" disabled={diff.busy}>Compare</button>
      </form>
      <ErrorBox error={diff.error} title="Could not compare" />
      {diff.result ? (
        <div class="diff" aria-live="polite">
          <h3>{diff.result.fromVersion} → {diff.result.toVersion}</h3>
          {diff.result.changes.length === 0 ? <Empty>No differences.</Empty> : (
            <ul class="changes">
              {diff.result.changes.map((c, i) => (
                <li key={i} class={`op-${opWord[c.op]}`}><span class="op">{opWord[c.op]}</span> {c.kind}{c.id ? <> <code>{c.id}</code></> : null}
                  {describe(c)}</li>
              ))}
            </ul>
          )}
          <h4>{diff.result.fromVersion}'s fixtures on {diff.result.toVersion}</h4>
          {diff.result.oldFixturesOnNew.length === 0 ? <Empty>No fixtures.</Empty> : (
            <ul>{diff.result.oldFixturesOnNew.map((f) => (
              <li key={f.name}>{f.ok ? '✓' : '✗'} {f.name}{f.failures.length ? <ul>{f.failures.map((m) => <li key={m}>{m}</li>)}</ul> : null}</li>
            ))}</ul>
          )}
        </div>
      ) : null}
    </>
  );
}

/** Any further fields of a change (field-level details when the API gives them). */
function describe(c: Diff['changes'][number]) {
  const rest = Object.entries(c).filter(([k]) => !['op', 'kind', 'id'].includes(k));
  if (rest.length === 0) return null;
  return <span class="detail">: {rest.map(([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ')}</span>;
}
