import type { ComponentChildren } from 'preact';
import { ApiError } from '../api';
import type { Loaded } from './load';

export function Loading({ what }: { what: string }) {
  return <p class="loading" role="status" aria-live="polite">Loading {what}…</p>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** An API error: its message, code and every problem next to its JSON path. */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div class="error" role="alert">
      <p><strong>{title ?? 'Something went wrong'}:</strong> {message}{api && api.code ? <> <code class="code">{api.code}</code></> : null}</p>
      {api && api.problems.length > 0 ? (
        <ul class="problems" aria-label="Problems">
          {api.problems.map((p) => (
            <li key={`${p.path}|${p.message}`}><code class="path">{p.path}</code> <span>{p.message}</span></li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Renders a Loaded value: a loading line, the error, or `children(data)`. */
export function Show<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (data: T) => ComponentChildren }) {
  if (loaded.state === 'loading') return <Loading what={what} />;
  if (loaded.state === 'error') return <ErrorBox error={loaded.error} title={`Could not load ${what}`} />;
  return <>{children(loaded.data)}</>;
}
