/**
 * Counts the MongoDB commands a piece of work sends, through the driver's command monitoring
 * (`commandStarted` events of the connection's MongoClient). Used to hold each webhook request
 * to its round-trip budget (issue 11 §2) and printed by the benches.
 */
import type mongoose from 'mongoose';

/** Driver-level bookkeeping that is not a round trip of the request (handshakes, heartbeats). */
const HOUSEKEEPING = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'endSessions', 'saslStart', 'saslContinue', 'buildInfo']);

export interface CountedCommand { name: string; collection: string }

export interface CommandCounter {
  /** Runs `work` and returns its result with the commands sent while it ran. */
  during<T>(work: () => Promise<T>): Promise<{ result: T; commands: CountedCommand[] }>;
  stop(): void;
}

/** Starts counting on `conn`'s client, which must be connected with `monitorCommands: true`. */
export function commandCounter(conn: mongoose.Connection): CommandCounter {
  const client = conn.getClient();
  if (!(client.options as { monitorCommands?: boolean }).monitorCommands) throw new Error('connect with { monitorCommands: true } to count commands');
  let current: CountedCommand[] | null = null;
  const onStart = (e: { commandName: string; command: Record<string, unknown> }): void => {
    if (!current || HOUSEKEEPING.has(e.commandName)) return;
    current.push({ name: e.commandName, collection: String(e.command[e.commandName] ?? '') });
  };
  client.on('commandStarted', onStart);
  return {
    async during(work) {
      current = [];
      const seen = current;
      try {
        const result = await work();
        return { result, commands: [...seen] };
      } finally {
        current = null;
      }
    },
    stop() {
      client.off('commandStarted', onStart);
    },
  };
}

/** `find members, insert toastTransactions` — readable in assertion messages and bench output. */
export function describeCommands(commands: readonly CountedCommand[]): string {
  return commands.map((c) => `${c.name} ${c.collection}`).join(', ');
}

/**
 * Runs `work` and returns, in order, when each command it sent started and ended (`start insert
 * ledger`, `done insert ledger`), and whatever `work` marked in between: to prove which round
 * trips overlap. `conn` must be connected with `monitorCommands: true`.
 */
export async function commandTimeline<T>(conn: mongoose.Connection, work: (mark: (label: string) => void) => Promise<T>): Promise<{ result: T; events: string[] }> {
  const client = conn.getClient();
  const events: string[] = [];
  const names = new Map<number, string>();
  const started = (e: { requestId: number; commandName: string; command: Record<string, unknown> }): void => {
    if (HOUSEKEEPING.has(e.commandName)) return;
    const name = `${e.commandName} ${String(e.command[e.commandName])}`;
    names.set(e.requestId, name);
    events.push(`start ${name}`);
  };
  const ended = (e: { requestId: number }): void => {
    const name = names.get(e.requestId);
    if (name) events.push(`done ${name}`);
  };
  client.on('commandStarted', started);
  client.on('commandSucceeded', ended);
  client.on('commandFailed', ended);
  try {
    return { result: await work((label) => events.push(label)), events };
  } finally {
    client.off('commandStarted', started);
    client.off('commandSucceeded', ended);
    client.off('commandFailed', ended);
  }
}
