import type { Logger } from 'pino';

/** Something started at boot that must be stopped, within a deadline, at shutdown. */
export interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

/** Runs `fn`, giving up after `ms` (BullMQ's close() can hang while Redis is unreachable). */
export async function withDeadline(name: string, ms: number, fn: () => Promise<void>, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), ms); });
  try {
    const outcome = await Promise.race([fn().then(() => 'done' as const), deadline]);
    if (outcome === 'timeout') logger.warn({ step: name, ms }, 'shutdown step timed out');
  } catch (err) {
    logger.warn({ step: name, err }, 'shutdown step failed');
  } finally {
    clearTimeout(timer);
  }
}

/** Stops `steps` in order, each bounded, the whole within `totalMs`. */
export async function orderedShutdown(steps: Stoppable[], totalMs: number, logger: Logger): Promise<void> {
  const started = Date.now();
  for (const step of steps) {
    const left = Math.max(100, totalMs - (Date.now() - started));
    await withDeadline(step.name, left, () => step.stop(), logger);
  }
}
