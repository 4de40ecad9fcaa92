/**
 * A task run every `intervalMs`, never overlapping itself (the next run is scheduled when the
 * previous one ends, however long it took). `stop()` cancels the next run and waits for the
 * one in flight. Failures are reported and the schedule goes on.
 */
export interface Periodic {
  stop(): Promise<void>;
}

export function every(intervalMs: number, task: () => Promise<void>, onError: (err: Error) => void): Periodic {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = task().catch((err: Error) => onError(err)).finally(schedule);
    }, intervalMs);
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
