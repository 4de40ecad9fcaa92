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
