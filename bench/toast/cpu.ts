/**
 * CPU time of another process (the server under load), read from /proc on Linux: user + system
 * time in milliseconds, at the kernel's tick resolution (10 ms). Divided by the answers of a
 * load phase it gives µs of server CPU per request, a figure that other load on the machine
 * skews far less than latency or throughput. Null where /proc is not available.
 */
import { readFileSync } from 'node:fs';

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

/** Measures the CPU `pid` spends while `work` runs. */
export async function cpuDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; cpuMs: number | null }> {
  const before = processCpuMs(pid);
  const result = await work();
  const after = processCpuMs(pid);
  return { result, cpuMs: before === null || after === null ? null : after - before };
}
