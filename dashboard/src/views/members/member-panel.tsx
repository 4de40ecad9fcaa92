import { useState } from 'preact/hooks';
import { enc } from '../../api';
import { useSession } from '../../context';
import { points, when } from '../../ui/format';
import { useAction, useLoad } from '../../ui/load';
import { ErrorBox, Show } from '../../ui/status';
import { AdjustPoints } from './adjust-points';
import { EditContact } from './edit-contact';
import { LedgerTable } from './ledger-table';
import type { Member } from './types';

export function MemberPanel({ identifier, onErased }: { identifier: string; onErased: (tombstone: string) => void }) {
  const { api, program } = useSession();
  const base = `/programs/${enc(program.id)}/members/${enc(identifier)}`;
  const [member, reload] = useLoad(() => api.call<{ member: Member }>('GET', base).then((r) => r.member), [base]);
  const [ledgerRound, setLedgerRound] = useState(0);
  const changed = () => { reload(); setLedgerRound((r) => r + 1); };
  const status = useAction(async (action: 'suspend' | 'reinstate') => { await api.call('POST', `${base}/${action}`); return true; });
  const [confirming, setConfirming] = useState(false);
  const erase = useAction(async () => api.call<{ erased: { identifier: string } }>('DELETE', base));

  return (
    <Show loaded={member} what="the member">
      {(m) => (
        <div class="member">
          <section class="card" aria-labelledby="profile-h">
            <h2 id="profile-h">Member {m.identifier}</h2>
            <dl class="profile">
              <dt>Balance</dt><dd data-testid="member-balance">{points(m.pointsBalance)} points</dd>
              <dt>Status</dt><dd>{m.status}{m.erasedAt ? ` (erased ${when(m.erasedAt)})` : ''}</dd>
              <dt>Tier</dt><dd>{m.tier ?? 'none'}</dd>
              <dt>Lifetime points</dt><dd>{points(m.lifetimePoints)}</dd>
              <dt>Visits</dt><dd>{m.visits ?? 0}</dd>
              <dt>Name</dt><dd>{[m.firstName, m.lastName].filter(Boolean).join(' ') || '—'}</dd>
              <dt>Email</dt><dd>{m.email ?? '—'}</dd>
              <dt>Phone</dt><dd>{m.phone ?? '—'}</dd>
              <dt>Member since</dt><dd>{when(m.createdAt)}</dd>
              <dt>Last activity</dt><dd>{when(m.lastActivityAt)}</dd>
            </dl>
            {m.erasedAt ? null : (
              <div class="actions">
                {m.status === 'SUSPENDED'
                  ? <button type="button" disabled={status.busy} onClick={async () => { if (await status.act('reinstate')) changed(); }}>Reinstate</button>
                  : <button type="button" disabled={status.busy} onClick={async () => { if (await status.act('suspend')) changed(); }}>Suspend</button>}
                {confirming ? (
                  <span class="confirm" role="group" aria-label="Confirm erasure">
                    Erase this guest's personal data? The ledger keeps its amounts; this cannot be undone.{' '}
                    <button type="button" class="danger" disabled={erase.busy}
                      onClick={async () => { const r = await erase.act(); setConfirming(false); if (r) onErased(r.erased.identifier); }}>Yes, erase</button>{' '}
                    <button type="button" onClick={() => setConfirming(false)}>Keep</button>
                  </span>
                ) : <button type="button" class="danger" onClick={() => setConfirming(true)}>Erase…</button>}
              </div>
            )}
            <ErrorBox error={status.error} title="Refused" />
            <ErrorBox error={erase.error} title="Erasure refused" />
          </section>
          {m.erasedAt ? null : (
            <div class="two-col">
              <AdjustPoints base={base} onAdjusted={changed} />
              <EditContact base={base} member={m} onSaved={changed} />
            </div>
          )}
          <section class="card" aria-labelledby="ledger-h">
            <h2 id="ledger-h">Ledger</h2>
            <LedgerTable key={ledgerRound} base={base} />
          </section>
        </div>
      )}
    </Show>
  );
}
