/**
 * How the POS simulator reaches Perkwire: POS_URL (the service's base URL or the full webhook
 * URL, both accepted), TOAST_KEY and RESTAURANT_GUID, as the register would send them. A
 * connection failure names the URL it tried and how to start the service.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_RESTAURANT_GUID, DEV_TOAST_KEY, toastBody, toastHeaders, type PosType } from './requests.js';

export type Json = Record<string, unknown>;
export interface Reply { status: number; body: Json; guid: string }

/** A usage or connection problem the simulator reports in one line (exit 2). */
export class PosSetupError extends Error {}

const WEBHOOK_PATH = '/toast/loyalty';

/**
 * The webhook URL for POS_URL: `http://localhost:8080`, `http://localhost:8080/` and
 * `http://localhost:8080/toast/loyalty` all name the same endpoint; a path prefix (a proxy's
 * `/perkwire`) is kept and the webhook path added to it.
 */
export function webhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new PosSetupError(`POS_URL is not a URL: "${raw}" (e.g. http://localhost:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PosSetupError(`POS_URL must be http:// or https://, not ${url.protocol}`);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith(WEBHOOK_PATH) ? path : `${path}${WEBHOOK_PATH}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

export interface PosSettings { url: string; key: string; restaurant: string }

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): PosSettings {
  return {
    url: webhookUrl(env.POS_URL || 'http://localhost:8080'),
    key: env.TOAST_KEY || DEV_TOAST_KEY,
    restaurant: env.RESTAURANT_GUID || DEMO_RESTAURANT_GUID,
  };
}

/**
 * Sends one Toast request. `quiet` sends without printing (the balance look-ups around a
 * reverse); otherwise the request type, GUID and the whole answer are printed.
 */
export async function send(settings: PosSettings, type: PosType, member: string, info: unknown, options: { quiet?: boolean } = {}): Promise<Reply> {
  const guid = randomUUID();
  if (!options.quiet) console.log(`→ LOYALTY_${type}  Toast-Transaction-GUID ${guid}`);
  let res: Response;
  try {
    res = await fetch(settings.url, {
      method: 'POST', headers: toastHeaders(type, guid, settings.key, settings.restaurant),
      body: JSON.stringify(toastBody(type, member, info)), signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new PosSetupError(`cannot reach Perkwire at ${settings.url} (${cause?.code ?? cause?.message ?? (err as Error).message}): `
      + 'start it with `npm start`, or set POS_URL to where it runs');
  }
  const text = await res.text();
  let body: Json;
  try {
    body = (text ? JSON.parse(text) : {}) as Json;
  } catch {
    throw new PosSetupError(`${settings.url} answered HTTP ${res.status} with something that is not JSON: is POS_URL a Perkwire?`);
  }
  if (!options.quiet) console.log(`← HTTP ${res.status}\n${JSON.stringify(body, null, 2)}\n`);
  return { status: res.status, body, guid };
}

/** 0 when Toast would take the answer as accepted, 1 otherwise (the answer was printed). */
export const exitOf = (reply: Reply): number => (reply.status === 200 && reply.body.transactionStatus === 'ACCEPT' ? 0 : 1);
