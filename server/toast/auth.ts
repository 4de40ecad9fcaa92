/**
 * Verification of Toast's `Authorization` header (contract §1.4). Pure functions: the HTTP
 * layer reads the header and the configuration and answers `ERROR_INVALID_TOKEN` on `false`.
 */
import { hash, timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** Toast lets the provider choose a key of at most 255 characters. */
const MAX_KEY_LENGTH = 255;
/** A compact RS256 JWS is a few hundred to a couple of thousand characters; refuse anything huge unparsed. */
const MAX_TOKEN_LENGTH = 8192;

/** The credential without an optional `Bearer ` prefix (Toast sends none; proxies and tools sometimes add one). */
function credential(headerValue: unknown): string | null {
  if (typeof headerValue !== 'string') return null;
  return /^Bearer /i.test(headerValue) ? headerValue.slice(7) : headerValue;
}

function sha256(text: string): Buffer {
  return hash('sha256', text, 'buffer');
}

/** Digests of the configured keys, computed once per key rather than on every request. */
const configuredDigests = new Map<string, Buffer>();

function configuredDigest(key: string): Buffer {
  let digest = configuredDigests.get(key);
  if (!digest) {
    // A handful of configured keys in a process's life (rotations included); bounded anyway.
    if (configuredDigests.size >= 64) configuredDigests.clear();
    digest = sha256(key);
    configuredDigests.set(key, digest);
  }
  return digest;
}

/**
 * True when the header (optionally `Bearer `-prefixed) equals one of `keys`. Compares SHA-256
 * digests with `timingSafeEqual`, so timing reveals neither the key's length nor how much of it
 * matched, and checks every key (no early exit) so it does not reveal which key matched.
 * Empty credentials, credentials over 255 characters and empty configured keys never match.
 */
export function verifyStaticKey(headerValue: string | undefined | null, keys: readonly string[]): boolean {
  const presented = credential(headerValue);
  if (presented === null || presented.length === 0 || presented.length > MAX_KEY_LENGTH) return false;
  const digest = sha256(presented);
  let matched = false;
  for (const key of keys) {
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) continue;
    // Non-short-circuiting OR: every key is compared whatever the earlier results.
    matched = timingSafeEqual(digest, configuredDigest(key)) || matched;
  }
  return matched;
}

/**
 * True when the header (optionally `Bearer `-prefixed) is an RS256 JWT signed by the key in
 * `publicKeyPem` with an `exp` claim that is still in the future at `now` (the injected clock's time). The algorithm is
 * pinned: `none`, HS256 signed with the public key as HMAC secret (the classic key-confusion
 * attack) and all other algorithms are refused. No issuer or audience is checked: Toast documents
 * none (contract §7.4). Never throws.
 */
export function verifyToastJwt(headerValue: string | undefined | null, publicKeyPem: string, now: Date): boolean {
  const token = credential(headerValue);
  if (token === null || token.length === 0 || token.length > MAX_TOKEN_LENGTH || publicKeyPem.length === 0) return false;
  try {
    const payload = jwt.verify(token, publicKeyPem, {
      algorithms: ['RS256'],
      clockTimestamp: Math.floor(now.getTime() / 1000),
      ignoreExpiration: false,
    });
    // jsonwebtoken checks `exp` only when present; Toast's tokens carry one, so we require it.
    return typeof payload === 'object' && payload !== null && typeof payload.exp === 'number';
  } catch {
    return false;
  }
}
