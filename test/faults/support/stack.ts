/**
 * A fault-injection stack: a database of its own (URI for child processes + a connection for
 * assertions), a queue prefix of its own, and a fetch-based Toast client for a live process.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { registerModels, type Models } from '../../../server/store/models/index';
import type { TransactionType } from '../../../server/toast/transaction-types';
import { serviceUrls } from '../../support/services';
import { toastHeaders } from '../../support/toast-requests';

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
  return { status: res.status, text, body: text ? JSON.parse(text) : {} };
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

/** Asserts invariant 1 for every member of the database; returns the number of members checked. */
export async function assertLedgerConsistent(models: Models): Promise<number> {
  const members = await models.Member.find({}, { _id: 1, pointsBalance: 1, ledgerSeq: 1 }).lean();
  for (const m of members) {
    const entries = await models.LedgerEntry.find({ memberId: m._id }).sort({ seq: 1 }).lean();
    let balance = 0;
    entries.forEach((e, i) => {
      if (e.seq !== i + 1) throw new Error(`member ${String(m._id)}: seq gap at ${i + 1}`);
      balance += e.delta;
      if (e.balanceAfter !== balance) throw new Error(`member ${String(m._id)}: balanceAfter broken at seq ${e.seq}`);
    });
    if (m.pointsBalance !== balance) throw new Error(`member ${String(m._id)}: projection ${m.pointsBalance} ≠ ledger ${balance}`);
  }
  return members.length;
}
