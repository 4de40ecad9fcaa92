/**
 * The dashboard shell: sign-in gate, program picker, navigation (hash routes, so the server
 * serves one page) and the signed-in views.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { apiClient, programsOfKey, type ProgramSummary } from './api';
import { SessionContext, type Session } from './context';
import { session } from './session';
import { ErrorBox, Loading } from './ui/status';
import { views, viewOf } from './views/index';
import { SignIn } from './views/sign-in';

function useHashRoute(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash.replace(/^#\/?/, '').split('?')[0] ?? '';
}

export function App() {
  const [key, setKey] = useState<string | null>(session.key());
  const [programs, setPrograms] = useState<ProgramSummary[] | null>(null);
  const [programsError, setProgramsError] = useState<unknown>(null);
  const [programId, setProgramId] = useState<string | null>(session.program());
  const [notice, setNotice] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const route = useHashRoute();

  const signOut = (why: string | null) => {
    session.signOut();
    setKey(null);
    setPrograms(null);
    setProgramId(null);
    setNotice(why);
  };

  useEffect(() => {
    if (!key) return;
    let current = true;
    setProgramsError(null);
    programsOfKey(key).then((list) => { if (current) setPrograms(list); }, (e: unknown) => {
      if (!current) return;
      if ((e as { status?: number }).status === 401) signOut('The key was refused; sign in again.');
      else setProgramsError(e);
    });
    return () => { current = false; };
  }, [key, round]);

  const api = useMemo(() => (key ? apiClient(key, () => signOut('The key was refused; sign in again.')) : null), [key]);

  if (!key || !api) {
    return <SignIn notice={notice} onSignedIn={(k, list) => {
      session.signIn(k);
      setNotice(null);
      setPrograms(list);
      setKey(k);
      if (!location.hash) location.hash = '#/programs';
    }} />;
  }

  const picked = programs?.find((p) => p.id === programId) ?? programs?.[0] ?? null;
  const view = viewOf(route);
  const value: Session | null = picked ? { api, program: picked, refreshPrograms: () => setRound((r) => r + 1) } : null;

  return (
    <div class="shell">
      <header class="top">
        <a class="brand" href="#/programs">Perkwire</a>
        {programs && programs.length > 0 ? (
          <label class="picker">
            <span>Program</span>
            <select aria-label="Program" value={picked?.id} onChange={(e) => { session.pickProgram(e.currentTarget.value); setProgramId(e.currentTarget.value); }}>
              {programs.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.id})</option>)}
            </select>
          </label>
        ) : null}
        <nav aria-label="Main">
          <ul>
            {views.map((v) => (
              <li key={v.route}><a href={`#/${v.route}`} aria-current={v === view ? 'page' : undefined}>{v.title}</a></li>
            ))}
            <li><a href="/admin/docs" target="_blank" rel="noopener">API reference</a></li>
            <li><a href="/admin/queues" target="_blank" rel="noopener">Queues</a></li>
          </ul>
        </nav>
        <button type="button" class="sign-out" onClick={() => signOut('Signed out.')}>Sign out</button>
      </header>
      <main class="content">
        {programsError ? <ErrorBox error={programsError} title="Could not load the programs" />
          : !programs ? <Loading what="programs" />
          : !value ? <p class="empty">This key may not see any program. Publish and activate a rule file, or use a key for a program.</p>
          : (
            <SessionContext.Provider value={value}>
              <h1>{view.title} <small>· {value.program.name}</small></h1>
              <view.Component key={`${view.route}:${value.program.id}`} />
            </SessionContext.Provider>
          )}
      </main>
    </div>
  );
}
