/**
 * API-key authentication for Perkwire's own JSON APIs (claims now, the admin API later): the key
 * comes in `Authorization: Bearer <key>` or `X-Api-Key: <key>` and must equal an ADMIN_API_KEYS
 * entry. Each entry scopes its key to one program, or to every program with `*`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Forbidden, Unauthorized } from './errors.js';

/** The programs a request's key may act on. */
export interface ApiKeyScope {
  /** True for a `KEY:*` entry. */
  allPrograms: boolean;
  /** Program ids of the key's entries (a key may be listed once per program). */
  programIds: readonly string[];
  /** A non-secret fingerprint of the key, for audit records and logs (never the key itself). */
  keyId: string;
}

/**
 * The fingerprint of a key: the first 12 hex digits of its SHA-256. Enough to tell a
 * deployment's keys apart in the audit log; too short to help anyone who lacks the key.
 */
export function keyFingerprint(key: string): string {
  return `key-${sha256(key).toString('hex').slice(0, 12)}`;
}

/** Longest credential compared; anything longer is refused unhashed. */
const MAX_KEY_LENGTH = 512;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function presentedKey(req: Request): string | null {
  const header = req.get('authorization');
  if (header !== undefined) return /^Bearer /i.test(header) ? header.slice(7).trim() : null;
  return req.get('x-api-key')?.trim() ?? null;
}

/**
 * The scope of `presented` among `entries`, or null when it matches none. SHA-256 digests of
 * both sides are compared with `timingSafeEqual`, against every entry (no early exit), so
 * timing reveals neither a key's length, nor how much of it matched, nor which entry did.
 */
export function scopeOfKey(presented: string | null, entries: readonly { key: string; programId: string }[]): ApiKeyScope | null {
  if (presented === null || presented.length === 0 || presented.length > MAX_KEY_LENGTH) return null;
  const digest = sha256(presented);
  const programIds: string[] = [];
  for (const entry of entries) {
    if (timingSafeEqual(digest, sha256(entry.key)) && entry.key.length > 0) programIds.push(entry.programId);
  }
  if (programIds.length === 0) return null;
  return { allPrograms: programIds.includes('*'), programIds: programIds.filter((p) => p !== '*'), keyId: keyFingerprint(presented) };
}

/** True when `scope` covers `programId`. */
export function scopeAllows(scope: ApiKeyScope, programId: string): boolean {
  return scope.allPrograms || scope.programIds.includes(programId);
}

/** The scope `requireApiKey` stored on the response. */
export function apiKeyScope(res: Response): ApiKeyScope {
  const scope = (res.locals as { apiKeyScope?: ApiKeyScope }).apiKeyScope;
  if (!scope) throw new Forbidden();
  return scope;
}

/** Middleware: 401 UNAUTHORIZED unless the request carries a configured key; stores its scope. */
export function requireApiKey(entries: readonly { key: string; programId: string }[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const scope = scopeOfKey(presentedKey(req), entries);
    if (!scope) return next(new Unauthorized());
    (res.locals as { apiKeyScope?: ApiKeyScope }).apiKeyScope = scope;
    next();
  };
}
