/**
 * What NODE_ENV=production refuses (it fails closed): a secret left at, or explicitly set to, a
 * development value, and any key or secret shorter than {@link MIN_SECRET_LENGTH} characters.
 * Problems name the setting, never its value, so a refused key is not printed.
 */
import { configSchema } from './schema.js';

/** Shortest key or secret production accepts (about 190 bits of entropy as base64). */
export const MIN_SECRET_LENGTH = 32;

type Properties = typeof configSchema.properties;

/** Settings whose development default production refuses (`x-secret` in the schema). */
export const secretKeys = (Object.keys(configSchema.properties) as (keyof Properties)[])
  .filter((k) => (configSchema.properties[k] as { 'x-secret'?: boolean })['x-secret']);

/** Every development value of a secret, also as single list entries and bare admin keys. */
const developmentValues = new Set(secretKeys.flatMap((k) => {
  const value = String((configSchema.properties[k] as { default?: unknown }).default ?? '');
  const entries = value.split(',').map((e) => e.trim());
  return [value, ...entries, ...entries.map((e) => e.replace(/:[^:]*$/, ''))];
}));

export interface SecretValues {
  toastApiKeys: readonly string[];
  adminKeys: readonly string[];
  memberKeySecret: string;
}

export function productionProblems(env: Record<string, string | undefined>, secrets: SecretValues): string[] {
  const problems: string[] = [];
  for (const key of secretKeys) {
    if (env[key] === undefined || env[key] === '') problems.push(`${key} must be set explicitly in production (development default refused)`);
  }
  const named: [string, readonly string[]][] = [
    ['TOAST_API_KEYS', secrets.toastApiKeys], ['ADMIN_API_KEYS', secrets.adminKeys], ['MEMBER_KEY_SECRET', [secrets.memberKeySecret]],
  ];
  for (const [name, values] of named) {
    if (env[name] === undefined || env[name] === '') continue;
    if (values.some((v) => developmentValues.has(v))) problems.push(`${name}: a development value is refused in production`);
    if (values.some((v) => v.length < MIN_SECRET_LENGTH)) problems.push(`${name}: every key must be at least ${MIN_SECRET_LENGTH} characters in production`);
  }
  return problems;
}
