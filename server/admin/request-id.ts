import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

/** Ids a client (or a proxy in front of us) may choose: short, no spaces, nothing to inject into logs. */
const acceptable = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it looks like an id, else a random UUID.
 * Answered in `X-Request-Id` and stored in audit entries, so one id ties a client's request, our
 * log line and the audit record together.
 */
export function requestIdOf(req: Request): string {
  const given = req.get('x-request-id');
  return given !== undefined && acceptable.test(given) ? given : randomUUID();
}
