import { useState } from 'preact/hooks';
import { enc } from '../../api';
import { useSession } from '../../context';
import { localInputValue, shortHash, when } from '../../ui/format';
import { useAction } from '../../ui/load';
import { Empty, ErrorBox } from '../../ui/status';
import type { ProgramDetail } from './types';

/** Published versions, newest first; any other version can be activated now (an older one is a rollback). */
export function VersionsTable({ detail, onChanged }: { detail: ProgramDetail; onChanged: () => void }) {
  const { api, program } = useSession();
  const activate = useAction(async (version: string) => {
    await api.call('POST', `/programs/${enc(program.id)}/versions/${enc(version)}/activate`, {});
    return version;
  });
  const active = detail.program.activeVersion;
  const activeAt = detail.versions.find((v) => v.version === active)?.publishedAt ?? '';
  if (detail.versions.length === 0) return <Empty>No version is published yet.</Empty>;
  return (
    <>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">Version</th><th scope="col">Published</th><th scope="col">By</th><th scope="col">Content hash</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {detail.versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version} {v.version === active ? <span class="badge">active</span> : null}
                  {detail.scheduled?.version === v.version ? <span class="badge scheduled">scheduled</span> : null}</td>
                <td>{when(v.publishedAt)}</td>
                <td><code>{v.publishedBy}</code></td>
                <td><code>{shortHash(v.contentHash)}</code></td>
                <td>{v.version === active ? '—' : (
                  <button type="button" disabled={activate.busy} onClick={async () => { if (await activate.act(v.version)) onChanged(); }}>
                    {v.publishedAt < activeAt ? `Roll back to ${v.version}` : `Activate ${v.version}`}
                  </button>
                )}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {activate.result ? <p class="ok" role="status">Version {activate.result} is active.</p> : null}
      <ErrorBox error={activate.error} title="Activation refused" />
    </>
  );
}

/** The pending scheduled activation (with cancel), or a form to schedule one. */
export function ScheduleActivation({ detail, onChanged }: { detail: ProgramDetail; onChanged: () => void }) {
  const { api, program } = useSession();
  const others = detail.versions.filter((v) => v.version !== detail.program.activeVersion);
  const [picked, setVersion] = useState(others[0]?.version ?? '');
  // After an activation the list of other versions changes: fall back to its first entry.
  const version = others.some((v) => v.version === picked) ? picked : others[0]?.version ?? '';
  const [at, setAt] = useState(localInputValue(new Date(Date.now() + 3_600_000)));
  const schedule = useAction(async () => {
    await api.call('POST', `/programs/${enc(program.id)}/versions/${enc(version)}/activate`, { at: new Date(at).toISOString() });
    return true;
  });
  const cancel = useAction(async () => { await api.call('DELETE', `/programs/${enc(program.id)}/scheduled-activation`); return true; });
  if (detail.scheduled) {
    return (
      <div class="scheduled-box">
        <p>Version <strong>{detail.scheduled.version}</strong> is scheduled to become active at {when(detail.scheduled.at)}.</p>
        <button type="button" disabled={cancel.busy} onClick={async () => { if (await cancel.act()) onChanged(); }}>Cancel the scheduled activation</button>
        <ErrorBox error={cancel.error} title="Could not cancel" />
      </div>
    );
  }
  if (others.length === 0) return <p class="hint">Publish another version to activate or schedule it.</p>;
  return (
    <form class="inline-form" aria-label="Schedule an activation" onSubmit={async (e) => { e.preventDefault(); if (await schedule.act()) onChanged(); }}>
      <label>Version <select value={version} onChange={(e) => setVersion(e.currentTarget.value)}>
        {others.map((v) => <option key={v.version} value={v.version}>{v.version}</option>)}
      </select></label>
      <label>Activate at <input type="datetime-local" required value={at} onInput={(e) => setAt(e.currentTarget.value)} /></label>
      <button type="submit" disabled={schedule.busy || !version}>Schedule activation</button>
      <ErrorBox error={schedule.error} title="Scheduling refused" />
    </form>
  );
}

export function ActivationHistory({ detail }: { detail: ProgramDetail }) {
  if (detail.activations.length === 0) return <Empty>No activation recorded yet.</Empty>;
  return (
    <div class="table-wrap">
      <table>
        <thead><tr><th scope="col">When</th><th scope="col">Version</th><th scope="col">How</th><th scope="col">By</th></tr></thead>
        <tbody>
          {detail.activations.map((a) => (
            <tr key={`${a.at}-${a.version}`}><td>{when(a.at)}</td><td>{a.version}</td><td>{a.how}</td><td><code>{a.by}</code></td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
