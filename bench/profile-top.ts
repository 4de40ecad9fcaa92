/**
 * Top self-time functions of a V8 CPU profile (`bench:toast --cpu-prof` writes them to
 * .run/bench-profile/), and the share of time by package, for a closing note or a quick look
 * without Chrome DevTools.
 *
 *   npm run bench:profile -- .run/bench-profile/CPU.….cpuprofile [--top 30] [--all] [--inclusive]
 *
 * When the bench wrote `phases.json` beside the profile (the measured load's start and end on
 * the monotonic clock V8 stamps samples with), only the samples of the measured load count —
 * not start-up or seeding; `--all` counts every sample. `--inclusive` adds our functions by total
 * time (with what they call), which shows which request step costs what.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' }, all: { type: 'boolean' }, inclusive: { type: 'boolean' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run bench:profile -- <file.cpuprofile> [--top 30]');
  process.exit(2);
}
const top = Number(values.top ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const phasesFile = path.join(path.dirname(file), 'phases.json');
const phases = !values.all && existsSync(phasesFile) ? JSON.parse(readFileSync(phasesFile, 'utf8')) as { name: string; startUs: number; endUs: number }[] : [];
const inPhase = (us: number): boolean => phases.length === 0 || phases.some((p) => us >= p.startUs && us <= p.endUs);

// Self time per node from the sample stream, each sample counted as one sampling interval (the
// median gap). V8 samples the main thread on a wall clock: time blocked in a system call or
// waiting for a CPU on a busy machine counts too, mostly on socket writes (writeBuffer, writev).
// Compare with the bench's /proc CPU figure to see how much of the profile is such waiting.
const selfUs = new Map<number, number>();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
const intervalUs = [...deltas].sort((a, b) => a - b)[Math.floor(deltas.length / 2)] ?? 1000;
let at = profile.startTime;
for (let i = 0; i < samples.length; i++) {
  const id = samples[i] as number;
  at += deltas[i] ?? 0;
  if (inPhase(at)) selfUs.set(id, (selfUs.get(id) ?? 0) + intervalUs);
}
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** Where a frame's code lives: a package name, our own folder, node internals or V8. */
function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return 'node:internal';
  const own = /\/(rules|server|workers|config)\/([^/]+)/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

const byFunction = new Map<string, number>();
const byArea = new Map<string, number>();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const short = url.replace(/^.*\/(node_modules\/|perkwire\/|perf-cpu\/)/, '');
  const key = `${functionName || '(anonymous)'}  ${short}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const a = area(url, functionName);
  byArea.set(a, (byArea.get(a) ?? 0) + us);
}

// Total (inclusive) time per function: a node's self time counts for it and every caller above
// it, once per function however deep the recursion.
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const byIdNode = new Map(profile.nodes.map((n) => [n.id, n]));
const keyOf = (n: ProfileNode): string => {
  const { functionName, url, lineNumber } = n.callFrame;
  const short = url.replace(/^.*\/(node_modules\/|perkwire\/|perf-cpu\/)/, '');
  return `${functionName || '(anonymous)'}  ${short}${url ? `:${lineNumber + 1}` : ''}`;
};
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const node = byIdNode.get(at);
    if (!node) break;
    const key = keyOf(node);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}

const pct = (us: number): string => `${((100 * us) / totalUs).toFixed(1).padStart(5)} %`;
const ms = (us: number): string => `${(us / 1000).toFixed(0).padStart(7)} ms`;
const idleUs = [...profile.nodes].filter((n) => n.callFrame.functionName === '(idle)').reduce((s, n) => s + (selfUs.get(n.id) ?? 0), 0);
console.log(`profile ${file}: ${(totalUs / 1e6).toFixed(1)} s sampled${phases.length ? ` in ${phases.map((p) => p.name).join(', ')}` : ''}, ${((100 * idleUs) / totalUs).toFixed(0)} % idle`);
console.log(`\ntop ${top} functions by self time:`);
for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ${pct(us)}  ${k}`);
if (values.inclusive) {
  console.log(`\ntop ${top} functions by total time (self + callees), our code only:`);
  const ours = [...inclusive].filter(([k]) => /\b(server|rules|workers)\//.test(k) && !k.includes('node_modules'));
  for (const [k, us] of ours.sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ${pct(us)}  ${k}`);
}
console.log('\nself time by package / folder:');
for (const [k, us] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ${pct(us)}  ${k}`);
