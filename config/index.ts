import { Ajv } from 'ajv';
import { configSchema } from './schema.js';

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
  readonly queuePrefix: string;
  readonly role: 'all' | 'api' | 'worker';
  readonly logLevel: string;
  readonly rulesDir: string;
  readonly seedDemo: boolean;
  readonly bodyLimitBytes: number;
  readonly shutdownTimeoutMs: number;
  readonly idempotencyWaitMs: number;
  readonly accrualSweepAfterMs: number;
  readonly accrualSweepIntervalMs: number;
  readonly jobLockMs: number;
  readonly readOnlyAnswerRetentionDays: number;
  /** Days after the check during which a receipt can be claimed. */
  readonly claimWindowDays: number;
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

const secretKeys = Object.entries(configSchema.properties)
  .filter(([, p]) => (p as { 'x-secret'?: boolean })['x-secret'])
  .map(([k]) => k);

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
  const problems: string[] = [];
  if (!validate(raw)) {
    for (const e of validate.errors ?? []) problems.push(`${e.instancePath.slice(1) || 'config'} ${e.message}`);
  }
  // Validated above: the schema guarantees each key's type (and fills defaults).
  const v = raw as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (v.NODE_ENV === 'production') {
    for (const key of secretKeys) {
      if (env[key] === undefined || env[key] === '') problems.push(`${key} must be set explicitly in production (development default refused)`);
    }
  }
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
    queuePrefix: v.QUEUE_PREFIX,
    role: v.ROLE,
    logLevel: v.LOG_LEVEL,
    rulesDir: v.RULES_DIR,
    seedDemo: v.SEED_DEMO,
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    idempotencyWaitMs: v.IDEMPOTENCY_WAIT_MS,
    accrualSweepAfterMs: v.ACCRUAL_SWEEP_AFTER_MS,
    accrualSweepIntervalMs: v.ACCRUAL_SWEEP_INTERVAL_MS,
    jobLockMs: v.JOB_LOCK_MS,
    readOnlyAnswerRetentionDays: v.READ_ONLY_ANSWER_RETENTION_DAYS,
    claimWindowDays: v.CLAIM_WINDOW_DAYS,
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
