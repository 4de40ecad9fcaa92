/**
 * The one client of the admin API (/admin/v1). Every call carries the signed-in key; an error
 * answer becomes an ApiError with the API's code, message and problems (each located by a JSON
 * Pointer), which the views show as they are. A 401 signs the user out (the key was revoked).
 */
export interface Problem {
  in?: string;
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly problems: Problem[] = []) {
    super(message);
  }
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Api {
  call<T>(method: Method, path: string, body?: unknown): Promise<T>;
  /** A CSV (or other text) answer, for downloads. */
  text(path: string, accept: string): Promise<string>;
}

const BASE = '/admin/v1';

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; message?: string; problems?: Problem[] } };
    if (error) return new ApiError(res.status, error.code ?? `HTTP_${res.status}`, error.message ?? res.statusText, error.problems ?? []);
  } catch { /* not JSON: fall through */ }
  return new ApiError(res.status, `HTTP_${res.status}`, text.slice(0, 200) || res.statusText);
}

export function apiClient(key: string, onUnauthorized: () => void): Api {
  async function send(method: Method, path: string, accept: string, body?: unknown): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${BASE}${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, Accept: accept, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'NETWORK', 'Perkwire did not answer: is the service running?');
    }
    if (res.status === 401) onUnauthorized();
    if (!res.ok) throw await failure(res);
    return res;
  }
  return {
    async call<T>(method: Method, path: string, body?: unknown): Promise<T> {
      const res = await send(method, path, 'application/json', body);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
    async text(path: string, accept: string): Promise<string> {
      return (await send('GET', path, accept)).text();
    },
  };
}

/** Checks a key without keeping it: the programs it may see, or the API's refusal. */
export async function programsOfKey(key: string): Promise<ProgramSummary[]> {
  const { programs } = await apiClient(key, () => undefined).call<{ programs: ProgramSummary[] }>('GET', '/programs');
  return programs;
}

export const enc = encodeURIComponent;

export interface ProgramSummary {
  id: string;
  name: string;
  activeVersion: string;
  activeHash: string;
  updatedAt: string;
}
