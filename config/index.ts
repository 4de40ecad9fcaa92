import { availableParallelism } from 'node:os';
import { Ajv } from 'ajv';
import { productionProblems } from './production.js';
import { configSchema } from './schema.js';
import { timeBudgetProblems } from './time-budget.js';

/** API_PROCESSES=auto: at most this many (more processes than cores only add switching). */
const MAX_AUTO_API_PROCESSES = 4;

/**
 * API_PROCESSES=auto: one API process per core but one, at least one, at most 4. The core left
 * over is for what shares the machine with the API: the supervisor and, with ROLE=all, the queue
 * workers; Redis and, in development, the database server. Measured on our 2-core machine with
 * the embedded stack (`bench:toast`, register mix, 32 connections, three pairs): one process
 * answered 961–1,151 req/s with REDEEM p99 82–89 ms, two answered 809–965 req/s with REDEEM
 * p99 125–134 ms — each process forms smaller command batches and the processes, the database
 * and Redis took turns on two cores (server CPU per answer 878–1,055 µs against 1,361–1,621).
 */
export function autoApiProcesses(cores: number): number {
  return Math.max(1, Math.min(cores - 1, MAX_AUTO_API_PROCESSES));
}

/** The API processes an `API_PROCESSES` setting ('auto' or a count) runs on this machine. */
export function apiProcessCount(setting: string): number {
  return setting === 'auto' ? autoApiProcesses(availableParallelism()) : Number(setting);
}

/** Typed, frozen configuration: the only way code reads settings. */
export interface Config {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly port: number;
  readonly host: string;
  readonly mongodbUri: string;
  readonly redisUrl: string;
  readonly toastApiKeys: readonly string[];
  readonly toastAuthMode: 'static' | 'jwt';
  readonly toastJwtPublicKey: string;
  /** admin key → program ids it may see ('*' = all). */
  readonly adminApiKeys: readonly { key: string; programId: string }[];
  /** Requests per minute and client address on /admin (per process). */
  readonly adminRateLimitPerMinute: number;
  /** Bearer token that opens GET /metrics to non-loopback clients ('' = none). */
  readonly metricsToken: string;
  /** Whether loopback clients read GET /metrics without a token. */
  readonly metricsLoopbackOpen: boolean;
  readonly queuePrefix: string;
  readonly role: 'all' | 'api' | 'worker';
  /** Processes serving HTTP (1 = this process itself); always 1 with ROLE=worker. */
  readonly apiProcesses: number;
  readonly logLevel: string;
  readonly rulesDir: string;
  readonly seedDemo: boolean;
  readonly bodyLimitBytes: number;
  readonly shutdownTimeoutMs: number;
  /** How long a duplicate Toast request waits for its first copy (within the request budget). */
  readonly idempotencyWaitMs: number;
  /** MongoDB driver bounds of one operation (config/time-budget.ts). */
  readonly mongo: {
    readonly serverSelectionTimeoutMs: number;
    readonly socketTimeoutMs: number;
    readonly maxTimeMs: number;
  };
  /** Grace before an abandoned REDEEM's debits are credited back (server/loyalty/redemption/abandoned-redeems.ts). */
  readonly abandonedRedeemAfterMs: number;
  /** Secret of the keyed hashes of member lookup keys and request hashes (never logged). */
  readonly memberKeySecret: string;
  readonly accrualSweepAfterMs: number;
  readonly accrualSweepIntervalMs: number;
  readonly accrualConcurrency: number;
  readonly jobLockMs: number;
  readonly readOnlyAnswerRetentionDays: number;
  /** Days after the check during which a receipt can be claimed. */
  readonly claimWindowDays: number;
  /** Toast API access for menu sync; empty strings when not configured. */
  readonly toastApi: { readonly url: string; readonly clientId: string; readonly clientSecret: string; readonly timeoutMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

// Environment strings are coerced to numbers/booleans here only; HTTP bodies never coerce.
const ajv = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, strict: false });
const validate = ajv.compile(configSchema);

/**
 * Reads settings from `env` (process.env by default), applies development defaults and
 * reports every problem at once.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  // Production publishes no demo program unless asked to.
  if (raw.NODE_ENV === 'production' && raw.SEED_DEMO === undefined) raw.SEED_DEMO = false;
  const problems: string[] = [];
  if (!validate(raw)) {
    for (const e of validate.errors ?? []) problems.push(`${e.instancePath.slice(1) || 'config'} ${e.message}`);
  }
  // Validated above: the schema guarantees each key's type (and fills defaults).
  const v = raw as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const toastApiKeys = String(v.TOAST_API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  if (toastApiKeys.some((k) => k.length > 255)) problems.push('TOAST_API_KEYS: each key must be at most 255 characters');
  if (v.TOAST_AUTH_MODE === 'jwt' && !String(v.TOAST_JWT_PUBLIC_KEY ?? '').includes('BEGIN PUBLIC KEY')) {
    problems.push('TOAST_JWT_PUBLIC_KEY must be a PEM public key when TOAST_AUTH_MODE=jwt');
  }
  const adminApiKeys = String(v.ADMIN_API_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const at = entry.lastIndexOf(':');
    if (at <= 0 || at === entry.length - 1) problems.push('ADMIN_API_KEYS entries must look like KEY:programId or KEY:*');
    return { key: entry.slice(0, at), programId: entry.slice(at + 1) };
  });
  if (v.NODE_ENV === 'production') {
    problems.push(...productionProblems(env, {
      toastApiKeys, adminKeys: adminApiKeys.map((k) => k.key), memberKeySecret: String(v.MEMBER_KEY_SECRET ?? ''),
    }));
  }
  problems.push(...timeBudgetProblems(v as Parameters<typeof timeBudgetProblems>[0], String(v.NODE_ENV)));
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    nodeEnv: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    mongodbUri: v.MONGODB_URI,
    redisUrl: v.REDIS_URL,
    toastApiKeys: Object.freeze(toastApiKeys),
    toastAuthMode: v.TOAST_AUTH_MODE,
    toastJwtPublicKey: String(v.TOAST_JWT_PUBLIC_KEY ?? '').replace(/\\n/g, '\n'),
    adminApiKeys: Object.freeze(adminApiKeys.map((k) => Object.freeze(k))),
    adminRateLimitPerMinute: v.ADMIN_RATE_LIMIT_PER_MINUTE,
    metricsToken: v.METRICS_TOKEN,
    metricsLoopbackOpen: v.METRICS_LOOPBACK_OPEN,
    queuePrefix: v.QUEUE_PREFIX,
    role: v.ROLE,
    apiProcesses: v.ROLE === 'worker' ? 1 : apiProcessCount(v.API_PROCESSES),
    logLevel: v.LOG_LEVEL,
    rulesDir: v.RULES_DIR,
    seedDemo: v.SEED_DEMO,
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    idempotencyWaitMs: v.IDEMPOTENCY_WAIT_MS,
    mongo: Object.freeze({
      serverSelectionTimeoutMs: v.MONGO_SERVER_SELECTION_TIMEOUT_MS,
      socketTimeoutMs: v.MONGO_SOCKET_TIMEOUT_MS,
      maxTimeMs: v.MONGO_MAX_TIME_MS,
    }),
    memberKeySecret: v.MEMBER_KEY_SECRET,
    abandonedRedeemAfterMs: v.ABANDONED_REDEEM_AFTER_MS,
    accrualSweepAfterMs: v.ACCRUAL_SWEEP_AFTER_MS,
    accrualSweepIntervalMs: v.ACCRUAL_SWEEP_INTERVAL_MS,
    accrualConcurrency: v.ACCRUAL_CONCURRENCY,
    jobLockMs: v.JOB_LOCK_MS,
    readOnlyAnswerRetentionDays: v.READ_ONLY_ANSWER_RETENTION_DAYS,
    claimWindowDays: v.CLAIM_WINDOW_DAYS,
    toastApi: Object.freeze({ url: v.TOAST_API_URL, clientId: v.TOAST_CLIENT_ID, clientSecret: v.TOAST_CLIENT_SECRET, timeoutMs: v.TOAST_API_TIMEOUT_MS }),
  });
}

/** Settings described for the README and `--help`. */
export function describeSettings(): { name: string; default: unknown; description: string }[] {
  return Object.entries(configSchema.properties).map(([name, p]) => ({
    name,
    default: (p as { default?: unknown }).default,
    description: (p as { description: string }).description,
  }));
}
