import { useState } from 'preact/hooks';
import { programsOfKey, type ProgramSummary } from '../api';
import { useAction } from '../ui/load';
import { ErrorBox } from '../ui/status';

/** The admin key is checked against the API (GET /programs) before it is kept. */
export function SignIn({ onSignedIn, notice }: { onSignedIn: (key: string, programs: ProgramSummary[]) => void; notice?: string | null }) {
  const [key, setKey] = useState('');
  const check = useAction(async (k: string) => programsOfKey(k));
  const submit = async (e: Event) => {
    e.preventDefault();
    const programs = await check.act(key.trim());
    if (programs) onSignedIn(key.trim(), programs);
  };
  return (
    <main class="sign-in">
      <h1>Perkwire</h1>
      <p>Program manager dashboard. Sign in with an admin API key (<code>ADMIN_API_KEYS</code>); it is kept for this browser tab only.</p>
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      <form onSubmit={submit} aria-label="Sign in">
        <label for="admin-key">Admin key</label>
        <input id="admin-key" name="admin-key" type="password" autocomplete="current-password" required
          value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        <button type="submit" disabled={check.busy || key.trim() === ''}>{check.busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <ErrorBox error={check.error} title="Sign-in refused" />
    </main>
  );
}
