/**
 * Members: find a member by phone, email or loyalty identifier, then their profile, ledger with
 * provenance, a manual adjustment with a reason, suspend/reinstate, contact corrections and
 * erasure (after a confirmation).
 */
import { useState } from 'preact/hooks';
import { enc } from '../api';
import { useSession } from '../context';
import { points } from '../ui/format';
import { useAction } from '../ui/load';
import { Empty, ErrorBox } from '../ui/status';
import { MemberPanel } from './members/member-panel';
import type { Member } from './members/types';

type By = 'phone' | 'email' | 'identifier';

export function MembersView() {
  const { api, program } = useSession();
  const [by, setBy] = useState<By>('phone');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const search = useAction(async () => {
    setSelected(null);
    const { members } = await api.call<{ members: Member[] }>('GET', `/programs/${enc(program.id)}/members?${by}=${enc(query.trim())}`);
    if (members.length === 1) setSelected(members[0]!.identifier);
    return members;
  });
  return (
    <>
      <form class="card inline-form" role="search" aria-label="Find a member" onSubmit={(e) => { e.preventDefault(); void search.act(); }}>
        <label>Find by <select value={by} onChange={(e) => setBy(e.currentTarget.value as By)}>
          <option value="phone">Phone</option><option value="email">Email</option><option value="identifier">Loyalty identifier</option>
        </select></label>
        <label>Search for <input type="text" autocomplete="off" required value={query} onInput={(e) => setQuery(e.currentTarget.value)} /></label>
        <button type="submit" class="primary" disabled={search.busy}>{search.busy ? 'Searching…' : 'Find'}</button>
      </form>
      <ErrorBox error={search.error} title="Search refused" />
      {search.result && search.result.length === 0 ? <Empty>No member matches that {by}.</Empty> : null}
      {search.result && search.result.length > 1 ? (
        <ul class="card results" aria-label="Members found">
          {search.result.map((m) => (
            <li key={m.identifier}><button type="button" class="link" onClick={() => setSelected(m.identifier)}>
              {m.identifier} · {m.status} · {points(m.pointsBalance)} points</button></li>
          ))}
        </ul>
      ) : null}
      {selected ? <MemberPanel key={selected} identifier={selected} onErased={(tombstone) => setSelected(tombstone)} /> : null}
    </>
  );
}
