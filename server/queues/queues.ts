/**
 * BullMQ queue names, typed job data (ids only, never PII) and default job options.
 * Delivery is at least once: every processor is idempotent on the ledger's sourceKey.
 */
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';

export const queueNames = {
  accrual: 'accrual',
  ledgerVerify: 'ledger-verify',
  expiry: 'expiry',
  retention: 'retention',
  menuSync: 'menu-sync',
  reportRollup: 'report-rollup',
} as const;

/** Post the points of one accepted check (accruals collection id). */
export interface AccrualJobData {
  accrualId: string;
}

/** Verify the whole ledger (nightly); no data: it reads everything. */
export type LedgerVerifyJobData = Record<string, never>;

/** Prune stored answers of read-only Toast requests (no data: it reads the clock). */
export type RetentionJobData = Record<string, never>;

/** Re-sync every location's menu catalogue from Toast (no data: it reads the locations). */
export type MenuSyncJobData = Record<string, never>;

/** Refresh the recent days' report rollups (no data: it reads the clock). */
export type ReportRollupJobData = Record<string, never>;

/** Run the daily points expiry (and tier upkeep) of one program. */
export interface ExpiryJobData {
  programId: string;
}

export const defaultJobOptions: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 10000 },
};

export interface Queues {
  accrual: Queue<AccrualJobData>;
  close(): Promise<void>;
}

/** Producer-side queues on a fail-fast connection (see server/queues/connections.ts). */
export function createQueues(connection: Redis, prefix: string): Queues {
  const accrual = new Queue<AccrualJobData>(queueNames.accrual, { connection, prefix, defaultJobOptions });
  return {
    accrual,
    close: async () => { await accrual.close(); },
  };
}

/** BullMQ job ids may not contain ':' nor be all digits; a Mongo ObjectId hex is neither. */
export function accrualJobId(accrualId: string): string {
  return `accrual-${accrualId}`;
}
