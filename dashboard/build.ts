/**
 * Builds the dashboard (dashboard/src) into dist/dashboard/ with esbuild: one bundled script and
 * one stylesheet (Preact, Chart.js and our code; no CDN), named by content hash, and index.html.
 * Skips the build when dist/dashboard/build-stamp.json records the same input hash (every file
 * under dashboard/src, this script, package-lock.json): `npm start`, `npm test` and
 * `npm run build` call it every time, so the page is built when missing or stale and no one
 * runs an extra command. `--force` rebuilds anyway.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const srcDir = path.join(here, 'src');
export const outDir = path.join(root, 'dist', 'dashboard');
const stampFile = path.join(outDir, 'build-stamp.json');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  }).sort();
}

/** Hash of everything the output depends on. */
export function inputHash(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(srcDir), fileURLToPath(import.meta.url), path.join(root, 'package-lock.json')]) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function isStale(): boolean {
  if (!existsSync(stampFile)) return true;
  try {
    return (JSON.parse(readFileSync(stampFile, 'utf8')) as { inputHash?: string }).inputHash !== inputHash();
  } catch {
    return true;
  }
}

/** Builds into a temporary folder and renames it into place: a server never sees half a build. */
export async function buildDashboard(opts: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  if (!opts.force && !isStale()) return 'fresh';
  const hash = inputHash();
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: { app: path.join(srcDir, 'main.tsx') },
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'esm',
    target: ['chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: path.join(tmp, 'assets'),
    entryNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'linked',
  });
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
  const script = outputs.find((f) => f.endsWith('.js'));
  const style = outputs.find((f) => f.endsWith('.css'));
  if (!script || !style) throw new Error(`dashboard build produced ${outputs.join(', ')}`);
  const html = readFileSync(path.join(srcDir, 'index.html'), 'utf8')
    .replace('{{script}}', `assets/${script}`)
    .replace('{{style}}', `assets/${style}`);
  writeFileSync(path.join(tmp, 'index.html'), html);
  writeFileSync(path.join(tmp, 'build-stamp.json'), `${JSON.stringify({ inputHash: hash, builtAt: new Date().toISOString() }, null, 2)}\n`);
  mkdirSync(path.dirname(outDir), { recursive: true });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildDashboard({ force: process.argv.includes('--force') }).then((outcome) => {
    console.error(outcome === 'built'
      ? `[perkwire] dashboard built into dist/dashboard/ in ${Date.now() - started} ms`
      : '[perkwire] dashboard is up to date (dist/dashboard/)');
  }, (err: unknown) => {
    console.error('[perkwire] dashboard build failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
