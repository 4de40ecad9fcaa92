/**
 * Shared steps of the admin API tests: an app whose keys are scoped per program, and supertest
 * calls with a key.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../../support/app.js';

/** demo: demo only; cafe: cafe only; ops: every program. */
export const ADMIN_KEYS = { demo: 'admin-demo-key-0123456789', cafe: 'admin-cafe-key-0123456789', ops: 'admin-ops-key-0123456789' } as const;

export function startAdminApp(env: Record<string, string> = {}, now?: string): Promise<TestApp> {
  return startTestApp({
    dbPrefix: 'admin', now,
    env: { ADMIN_API_KEYS: `${ADMIN_KEYS.demo}:demo,${ADMIN_KEYS.cafe}:cafe,${ADMIN_KEYS.ops}:*`, ...env },
  });
}

type Method = 'get' | 'post' | 'delete' | 'put' | 'patch';

/** A request to `path` with `Authorization: Bearer <key>` (ops key by default). */
export function admin(t: TestApp, method: Method, path: string, key: string = ADMIN_KEYS.ops) {
  return request(t.app)[method](path).set('Authorization', `Bearer ${key}`);
}
