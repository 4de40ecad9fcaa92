import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Every view's data is in one of these states; the view shows each (see ui/status.tsx). */
export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'done'; data: T };

/**
 * Runs `load` when `deps` change (and on `reload()`); a stale answer never overwrites a newer
 * one. A reload keeps showing the data it replaces (forms below it keep their state and their
 * confirmation messages); new deps show the loading state.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const lastDeps = useRef<string | null>(null);
  useEffect(() => {
    let current = true;
    const key = JSON.stringify(deps);
    if (key !== lastDeps.current) setLoaded({ state: 'loading' });
    lastDeps.current = key;
    load().then(
      (data) => { if (current) setLoaded({ state: 'done', data }); },
      (error: unknown) => { if (current) setLoaded({ state: 'error', error }); },
    );
    return () => { current = false; };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [loaded, reload];
}

/** A form action: busy while it runs, its error or result kept for display. */
export function useAction<A extends unknown[], T>(run: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<T | null>(null);
  const act = async (...args: A): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      const value = await run(...args);
      setResult(value);
      return value;
    } catch (e) {
      setError(e);
      setResult(null);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, result, act, reset: () => { setError(null); setResult(null); } };
}
