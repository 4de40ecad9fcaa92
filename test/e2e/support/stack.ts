/**
 * An `npm start`-like stack for the browser tests: a real Perkwire process (API and workers,
 * `node --import tsx server/main.ts`, the rule files of rules/programs published at boot) on a
 * database and queue prefix of its own, over the test services. The dashboard it serves is the
 * one dashboard/build.ts bundled (built here when stale, as npm start does).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { buildDashboard } from '../../../dashboard/build.js';
import { PerkwireProcess, freePort } from '../../faults/support/processes.js';
import { faultDb, queuePrefix, sendToast, type FaultDb, type LiveReply } from '../../faults/support/stack.js';
import { serviceUrls } from '../../support/services.js';
import type { TransactionType } from '../../../server/toast/transaction-types.js';

export const ALL_PROGRAMS_KEY = 'e2e-all-programs-key';
export const DEMO_ONLY_KEY = 'e2e-demo-only-key';

export interface DashboardStack {
  baseUrl: string;
  db: FaultDb;
  perkwire: PerkwireProcess;
  /** The admin API as the test itself calls it (to compare what the page shows). */
  admin<T>(method: string, path: string, body?: unknown): Promise<T>;
  toast(type: TransactionType, body: unknown): Promise<LiveReply>;
  /** `npm run reports -- rebuild` against this stack's database (what an operator runs). */
  rebuildReports(programId: string): void;
  stop(): Promise<void>;
}

export async function startDashboardStack(): Promise<DashboardStack> {
  await buildDashboard();
  const db = await faultDb();
  const port = await freePort();
  const perkwire = new PerkwireProcess({
    role: 'all', mongodbUri: db.uri, redisUrl: serviceUrls().redisUrl, queuePrefix: queuePrefix(), port, bootTimeoutMs: 120_000,
    env: { ADMIN_API_KEYS: `${ALL_PROGRAMS_KEY}:*,${DEMO_ONLY_KEY}:demo`, ADMIN_RATE_LIMIT_PER_MINUTE: '100000' },
  });
  await perkwire.start();
  const baseUrl = perkwire.baseUrl;
  return {
    baseUrl, db, perkwire,
    async admin<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${baseUrl}/admin/v1${path}`, {
        method,
        headers: { Authorization: `Bearer ${ALL_PROGRAMS_KEY}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return JSON.parse(text) as T;
    },
    toast: (type, body) => sendToast(baseUrl, type, body, randomUUID()),
    rebuildReports(programId: string): void {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reports.ts', 'rebuild', '--program', programId], {
        env: { ...process.env, MONGODB_URI: db.uri }, encoding: 'utf8', timeout: 120_000,
      });
      if (run.status !== 0) throw new Error(`reports rebuild exited ${run.status}: ${run.stdout}${run.stderr}`);
    },
    async stop(): Promise<void> {
      await perkwire.stop();
      await db.drop();
    },
  };
}
