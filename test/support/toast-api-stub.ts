/**
 * A local stand-in for Toast's authentication and menus V2 APIs, serving the recorded sample
 * in test/fixtures/toast-menus/. Tests steer it (statuses, failures, the menus document) and
 * read back what was asked; nothing reaches the internet.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FIXTURES = 'test/fixtures/toast-menus';
export const DEMO_RESTAURANT = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';
export const CLIENT = { clientId: 'perkwire-test-client', clientSecret: 'sup3r-s3cret-value-never-logged' };

export const fixture = (name: string): unknown => JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8')) as unknown;

export interface StubRequest {
  method: string;
  path: string;
  restaurant: string | undefined;
  authorization: string | undefined;
  body: string;
}

export class ToastApiStub {
  readonly requests: StubRequest[] = [];
  /** Restaurant GUID → menus document served by /menus/v2/menus (its lastUpdated feeds /metadata). */
  menus = new Map<string, unknown>([[DEMO_RESTAURANT, fixture('demo-menus.json')]]);
  /** Status of the next N answers per path, consumed in order (e.g. two 503s, then normal). */
  failures = new Map<string, number[]>();
  /** Token the login hands out; a data request with another bearer gets 401. */
  token = 'token-1';
  private server: http.Server | null = null;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  count(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => this.answer(req, body, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    const path = (req.url ?? '').split('?')[0] as string;
    const restaurant = req.headers['toast-restaurant-external-id'] as string | undefined;
    this.requests.push({ method: req.method ?? '', path, restaurant, authorization: req.headers.authorization, body });
    const send = (status: number, json?: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    const queued = this.failures.get(path)?.shift();
    if (queued !== undefined) { send(queued, { status: 'ERROR', message: 'stubbed failure' }); return; }
    if (path === '/authentication/v1/authentication/login' && req.method === 'POST') {
      const creds = JSON.parse(body || '{}') as Record<string, unknown>;
      const ok = creds.clientId === CLIENT.clientId && creds.clientSecret === CLIENT.clientSecret && creds.userAccessType === 'TOAST_MACHINE_CLIENT';
      if (!ok) { send(401, { status: 'ERROR', message: 'Invalid credentials' }); return; }
      const login = fixture('login.json') as { token: { accessToken: string } };
      login.token.accessToken = this.token;
      send(200, login);
      return;
    }
    if (req.headers.authorization !== `Bearer ${this.token}`) { send(401, { status: 'ERROR', message: 'Unauthorized' }); return; }
    const doc = restaurant ? this.menus.get(restaurant) as { lastUpdated?: string } | undefined : undefined;
    if (!doc) { send(404, { status: 'ERROR', message: 'No published data' }); return; }
    if (path === '/menus/v2/metadata') { send(200, { restaurantGuid: restaurant, lastUpdated: doc.lastUpdated }); return; }
    if (path === '/menus/v2/menus') { send(200, doc); return; }
    send(404);
  }
}
