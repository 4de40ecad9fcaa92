/**
 * A fault-injection stack: a database of its own (URI for child processes + a connection for
 * assertions), a queue prefix of its own, and a fetch-based Toast client for a live process.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import type { TransactionType } from '../../../server/toast/transaction-types.js';
import { serviceUrls } from '../../support/services.js';
import { expectValid } from '../../support/toast-client.js';
import { toastHeaders } from '../../support/toast-requests.js';

export interface FaultDb {
  uri: string;
  conn: mongoose.Connection;
  models: Models;
  drop(): Promise<void>;
}

export async function faultDb(): Promise<FaultDb> {
  const base = new URL(serviceUrls().mongodbUri);
  base.pathname = `/faults_${randomBytes(5).toString('hex')}`;
  const uri = base.toString();
  const conn = await mongoose.createConnection(uri, { bufferCommands: false }).asPromise();
  const models = await registerModels(conn);
  return {
    uri, conn, models,
    drop: async () => { await conn.dropDatabase().catch(() => undefined); await conn.close(); },
  };
}

export function queuePrefix(): string {
  return `f${randomBytes(5).toString('hex')}`;
}

export interface LiveReply {
  status: number;
  text: string;
  body: { transactionStatus?: string; [k: string]: unknown };
}

/** Sends one Toast request to a live process; rejects when the connection fails (no response). */
export async function sendToast(baseUrl: string, type: TransactionType, body: unknown, guid: string = randomUUID()): Promise<LiveReply> {
  const res = await fetch(`${baseUrl}/toast/loyalty`, {
    method: 'POST',
    headers: { ...toastHeaders(type, { guid }), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  // Under faults too, every answer must be a contract answer (our schema and Toast's published one).
  expectValid(type, res.status, text);
  return { status: res.status, text, body: JSON.parse(text) };
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(tasks.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!().then((value) => ({ status: 'fulfilled', value }) as const, (reason: unknown) => ({ status: 'rejected', reason }) as const);
    }
  }
  await Promise.all(Array.from({ length: limit }, lane));
  return results;
}

/**
 * Runs `npm run ledger:verify`'s script against the fault database (a real process, as an
 * operator would) and returns its summary line; rejects unless it exits 0 (clean).
 */
export async function ledgerVerifyClean(uri: string): Promise<string> {
  // Asynchronous on purpose: a synchronous spawn would stop this process from draining the pipes
  // of the processes under test for as long as the verification runs (see OwnMongo.start).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ledger-verify.ts'], { env: { ...process.env, MONGODB_URI: uri }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const status = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  clearTimeout(timer);
  const summary = stdout.trim().split('\n').pop() ?? '';
  if (status !== 0) throw new Error(`ledger:verify exited ${status}:\n${stdout}${stderr}`);
  return summary;
}
