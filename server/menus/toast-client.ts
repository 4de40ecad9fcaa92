/**
 * Client of Toast's authentication and menus V2 APIs, as documented by Toast:
 *   POST {url}/authentication/v1/authentication/login  {clientId, clientSecret, userAccessType: TOAST_MACHINE_CLIENT}
 *        → {token: {accessToken, expiresIn, …}, status: SUCCESS}
 *   GET  {url}/menus/v2/metadata   → {restaurantGuid, lastUpdated}     (cheap: ask this first)
 *   GET  {url}/menus/v2/menus      → the Restaurant document           (only when lastUpdated moved)
 * Data requests carry `Authorization: Bearer <token>` and `Toast-Restaurant-External-ID`.
 *
 * Network errors, timeouts, 429 and 5xx are retried with exponential backoff; a 401 on a data
 * request logs in again once (the token may have expired). Secrets and tokens never appear in
 * errors or logs.
 */
import { ToastApiError } from './toast-api-error.js';

export interface ToastClientOptions {
  /** Toast API host, e.g. `https://ws-api.toasttab.com`. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** Per request. @defaultValue 10000 */
  timeoutMs?: number;
  /** Retries after the first attempt. @defaultValue 3 */
  retries?: number;
  /** First backoff; doubled per retry, ±25 % jitter. @defaultValue 500 */
  backoffMs?: number;
}

export interface MenuMetadata {
  restaurantGuid: string;
  lastUpdated: string;
}

interface Token {
  value: string;
  expiresAt: number;
}

const RETRYABLE = (status: number): boolean => status === 429 || status >= 500;

export class ToastMenusClient {
  private token: Token | null = null;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(private readonly options: ToastClientOptions) {
    if (!options.url || !options.clientId || !options.clientSecret) {
      throw new ToastApiError('NOT_CONFIGURED', 'Toast API access is not configured: set TOAST_API_URL, TOAST_CLIENT_ID and TOAST_CLIENT_SECRET');
    }
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
  }

  /** When the restaurant's menu data was last published. */
  async metadata(restaurantGuid: string): Promise<MenuMetadata> {
    const body = await this.get('/menus/v2/metadata', restaurantGuid);
    const b = body as Partial<MenuMetadata> | null;
    if (typeof b?.lastUpdated !== 'string' || b.lastUpdated === '') throw new ToastApiError('BAD_RESPONSE', 'Toast /menus/v2/metadata answered without lastUpdated');
    return { restaurantGuid: typeof b.restaurantGuid === 'string' ? b.restaurantGuid : restaurantGuid, lastUpdated: b.lastUpdated };
  }

  /** The restaurant's full menus document (validate it with readToastMenusDocument). */
  menus(restaurantGuid: string): Promise<unknown> {
    return this.get('/menus/v2/menus', restaurantGuid);
  }

  private async get(path: string, restaurantGuid: string): Promise<unknown> {
    for (let relogin = 0; ; relogin++) {
      const token = await this.accessToken();
      const res = await this.request(path, { method: 'GET', headers: { Authorization: `Bearer ${token}`, 'Toast-Restaurant-External-ID': restaurantGuid, Accept: 'application/json' } });
      if (res.status === 401 && relogin === 0) { this.token = null; continue; }
      if (res.status === 401 || res.status === 403) throw new ToastApiError('UNAUTHORIZED', `Toast refused access to ${path} for restaurant ${restaurantGuid} (${res.status}): check the client's menus:read scope and the restaurant's connection`);
      if (res.status === 404) throw new ToastApiError('NOT_FOUND', `Toast has no published menu for restaurant ${restaurantGuid} (404 on ${path})`);
      if (!res.ok) throw new ToastApiError('BAD_RESPONSE', `Toast answered ${res.status} on ${path}`);
      return readJson(res, path);
    }
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const path = '/authentication/v1/authentication/login';
    const res = await this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ clientId: this.options.clientId, clientSecret: this.options.clientSecret, userAccessType: 'TOAST_MACHINE_CLIENT' }),
    });
    if (res.status === 401 || res.status === 403) throw new ToastApiError('UNAUTHORIZED', `Toast refused the client credentials (${res.status} on ${path}): check TOAST_CLIENT_ID and TOAST_CLIENT_SECRET`);
    if (!res.ok) throw new ToastApiError('BAD_RESPONSE', `Toast answered ${res.status} on ${path}`);
    const body = await readJson(res, path) as { token?: { accessToken?: unknown; expiresIn?: unknown } } | null;
    const value = body?.token?.accessToken;
    if (typeof value !== 'string' || value === '') throw new ToastApiError('BAD_RESPONSE', `Toast ${path} answered without token.accessToken`);
    const expiresIn = typeof body?.token?.expiresIn === 'number' ? body.token.expiresIn : 3600;
    // Renew a minute early so a token never expires between check and use.
    this.token = { value, expiresAt: Date.now() + Math.max(0, expiresIn - 60) * 1000 };
    return value;
  }

  /** One request with retries on network failures, timeouts, 429 and 5xx. */
  private async request(path: string, init: RequestInit): Promise<Response> {
    const url = `${this.options.url.replace(/\/+$/, '')}${path}`;
    let last = '';
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
      try {
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
        if (!RETRYABLE(res.status)) return res;
        last = `HTTP ${res.status}`;
        await res.body?.cancel();
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        last = (err as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : `${(err as Error).message}${cause ? ` (${cause})` : ''}`;
      }
    }
    throw new ToastApiError('UNAVAILABLE', `Toast ${path} unreachable after ${this.retries + 1} attempts (last: ${last})`);
  }
}

async function readJson(res: Response, path: string): Promise<unknown> {
  try {
    return await res.json() as unknown;
  } catch {
    throw new ToastApiError('BAD_RESPONSE', `Toast ${path} answered with a body that is not JSON`);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
