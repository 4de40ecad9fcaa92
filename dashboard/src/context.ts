import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api, ProgramSummary } from './api';

/** What every view of a signed-in session needs: the API client and the program picked. */
export interface Session {
  api: Api;
  program: ProgramSummary;
  /** Re-reads the program list (after an activation the active version changes). */
  refreshPrograms(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in session');
  return s;
}
