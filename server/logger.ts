import pino, { type Logger } from 'pino';

/**
 * Paths redacted by pino itself: credentials in the request headers pino-http may log. Guest
 * data is handled by {@link redactDeep}, at any depth.
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'mongodbUri', 'redisUrl',
  'clientSecret', '*.clientSecret', 'accessToken', '*.accessToken',
];

/** Keys whose values never reach a log line, wherever they sit in the logged object. */
const SECRET_KEYS = new Set([
  'phone', 'email', 'firstname', 'lastname', 'customer', 'tabname', 'last4digits',
  'authorization', 'cookie', 'x-api-key', 'apikey', 'membersecret', 'memberkeysecret', 'toastapikeys', 'adminapikeys',
  'keyvalue', 'cardnumbers', 'searchcriteria', 'mongodburi', 'redisurl',
]);

const CENSOR = '[redacted]';
const MAX_DEPTH = 12;

/**
 * An error as it may be logged: its kind, code and a message with every quoted value, `{…}`
 * key document, e-mail address and long digit run removed (MongoDB's duplicate-key messages
 * quote the key, e.g. a member's phone). `keyValue`, `keyPattern` and other fields are dropped.
 */
export function safeError(err: unknown): { type: string; code?: unknown; message: string; stack?: string } {
  const e = (err ?? {}) as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown };
  const message = scrubText(typeof e.message === 'string' ? e.message : String(err));
  const out: { type: string; code?: unknown; message: string; stack?: string } = { type: typeof e.name === 'string' ? e.name : 'Error', message };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.stack === 'string') out.stack = e.stack.split('\n').slice(1).join('\n');
  return out;
}

/** Text with values that could be guest data replaced by `…`. */
export function scrubText(text: string): string {
  return text
    .replace(/\{[^{}]*\}/g, '{…}')
    .replace(/"[^"]*"|'[^']*'/g, '"…"')
    .replace(/[^\s@"'<>]+@[^\s@"'<>]+/g, '…@…')
    .replace(/\d[\d\s().-]{5,}\d/g, '…')
    .slice(0, 500);
}

/** A copy of `value` with every {@link SECRET_KEYS} member censored at any depth and errors made safe. */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return safeError(value);
  if (value instanceof Date) return value;
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.has(k.toLowerCase()) && v !== null && v !== undefined ? CENSOR : redactDeep(v, depth + 1, seen);
  }
  return out;
}

/** Serialized after this formatter runs: pino-http's objects (to id, method, url, status) and `err` (by {@link safeError}). */
const SERIALIZED_LATER = new Set(['req', 'res', 'responseTime', 'err']);

function formatLog(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) {
    if (SERIALIZED_LATER.has(k)) out[k] = v;
    else out[k] = SECRET_KEYS.has(k.toLowerCase()) && v != null ? CENSOR : redactDeep(v);
  }
  return out;
}

/**
 * The process's log stream (`dest`: stdout by default, or a file path): lines are written
 * asynchronously, off the request's path, where pino's default costs one synchronous write
 * system call per line — one per request at `info`, the request log line. Lines that queue up
 * while a write is in flight go out together in the next one. What is still buffered when the
 * process exits (a shutdown, or a crash that calls process.exit) is written synchronously on the
 * way out, so no line is lost.
 */
export function logDestination(dest: number | string = 1): pino.DestinationStream {
  const stream = pino.destination({ dest, sync: false, minLength: 0, mkdir: typeof dest === 'string' });
  process.once('exit', () => {
    try {
      stream.flushSync();
    } catch {
      // Not open yet, or already closed: nothing left to write.
    }
  });
  return stream;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level, base: { service: 'perkwire' },
    redact: { paths: redactPaths, censor: CENSOR },
    formatters: { log: formatLog },
    serializers: { err: safeError },
  }, destination);
}

/**
 * A request URL as it may be logged: query values whose name is guest data (`?phone=`,
 * `?email=` of the admin member lookup) are censored; the path and other values stay.
 */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  for (const name of [...params.keys()]) {
    if (SECRET_KEYS.has(name.toLowerCase())) params.set(name, CENSOR);
  }
  return `${url.slice(0, at)}?${params.toString()}`;
}

/**
 * A request path as it may be logged: a segment that looks like a phone number or an e-mail
 * address (an identifier keyed at the register, e.g. in `/members/{identifier}`) is censored;
 * the query is left to {@link loggedUrl}.
 */
export function safePath(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const safe = path.split('/').map((seg) => {
    const decoded = (() => { try { return decodeURIComponent(seg); } catch { return seg; } })();
    return decoded.includes('@') || /^[+\d\s().-]{7,}$/.test(decoded) ? CENSOR : seg;
  }).join('/');
  return query === undefined ? safe : `${safe}?${query}`;
}

/** Strips credentials from a connection URL before it is printed. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/([^@/]+)@/, '//***@');
}
