/**
 * CPU time of another process (the server under load), read from /proc on Linux: user + system
 * time in milliseconds, at the kernel's tick resolution (10 ms). Divided by the answers of a
 * load phase it gives µs of server CPU per request, a figure that other load on the machine
 * skews far less than latency or throughput. Null where /proc is not available.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100;

export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_S : null;
  } catch {
    return null;
  }
}

/** State and parent of a process from /proc/<pid>/stat (null when it is gone or off Linux). */
function statOf(pid: number | string): { state: string; parent: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state, then the parent's pid.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', parent: Number(fields[1]) };
  } catch {
    return null;
  }
}

/** Whether `pid` runs (exited processes not yet reaped, zombies, do not). */
export function isAlive(pid: number): boolean {
  const stat = statOf(pid);
  return stat !== null && stat.state !== 'Z';
}

/** The live (not zombie) processes whose parent is `pid`, from /proc; empty off Linux. */
export function childrenOf(pid: number): number[] {
  let entries: string[];
  try { entries = readdirSync('/proc'); } catch { return []; }
  return entries.filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    const stat = statOf(entry);
    return stat !== null && stat.parent === pid && stat.state !== 'Z';
  }).map(Number);
}

/**
 * CPU ms of `pid` and its live children: a server with API_PROCESSES > 1 is a supervisor whose
 * API processes do the serving. (A child that exits meanwhile drops out of the sum.)
 */
export function processTreeCpuMs(pid: number): number | null {
  const own = processCpuMs(pid);
  if (own === null) return null;
  return childrenOf(pid).reduce((sum, child) => sum + (processCpuMs(child) ?? 0), own);
}

/** Measures the CPU `pid` spends while `work` runs. */
export async function cpuDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; cpuMs: number | null }> {
  const before = processCpuMs(pid);
  const result = await work();
  const after = processCpuMs(pid);
  return { result, cpuMs: before === null || after === null ? null : after - before };
}

/** The processes whose CPU a load phase splits: the server, and the services when known. */
export interface MeasuredPids { server: number; database?: number | undefined; redis?: number | undefined }

/** CPU ms of each process while `work` runs, and of this process (the load driver). */
export interface CpuSplit { server: number | null; database: number | null; redis: number | null; driver: number }

export async function cpuSplitDuring<T>(pids: MeasuredPids, work: () => Promise<T>): Promise<{ result: T; cpu: CpuSplit }> {
  const read = (pid: number | undefined): number | null => (pid === undefined ? null : processCpuMs(pid));
  const before = { server: processTreeCpuMs(pids.server), database: read(pids.database), redis: read(pids.redis), driver: process.cpuUsage() };
  const result = await work();
  const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);
  const driver = process.cpuUsage(before.driver);
  return {
    result,
    cpu: {
      server: diff(before.server, processTreeCpuMs(pids.server)),
      database: diff(before.database, read(pids.database)),
      redis: diff(before.redis, read(pids.redis)),
      driver: (driver.user + driver.system) / 1000,
    },
  };
}
