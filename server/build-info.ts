/**
 * What runs, for `/healthz` and the boot log: the app version, the Node version and the commit.
 * The compiled service reads `dist/build-info.json`, written by `npm run build` (the commit from
 * PERKWIRE_COMMIT, which the image build passes, or `git rev-parse HEAD`); the TypeScript sources
 * (npm start, tests) read package.json and ask git. Read once; `commit` is null when unknown.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BuildInfo {
  /** package.json `version`. */
  version: string;
  /** `process.versions.node` of this process. */
  node: string;
  /** Full commit hash, with `-dirty` when the tree had uncommitted changes; null when unknown. */
  commit: string | null;
}

/** Written by scripts/build.sh next to the compiled server (dist/build-info.json). */
export interface BuildInfoFile {
  version: string;
  commit: string | null;
  builtAt: string;
}

let cached: BuildInfo | null = null;

export function buildInfo(): BuildInfo {
  cached ??= { ...fromBuildFile() ?? fromSources(), node: process.versions.node };
  return cached;
}

// From dist/server/build-info.js this is dist/build-info.json; from server/build-info.ts it is a
// file the sources never have.
function fromBuildFile(): Omit<BuildInfo, 'node'> | null {
  const file = fileURLToPath(new URL('../build-info.json', import.meta.url));
  if (!existsSync(file)) return null;
  const built = JSON.parse(readFileSync(file, 'utf8')) as BuildInfoFile;
  return { version: built.version, commit: built.commit };
}

function fromSources(): Omit<BuildInfo, 'node'> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    // not a checkout (no package.json beside the sources): version stays unknown
  }
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=40'], {
      cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000,
    }).trim() || null;
  } catch {
    // no git or not a repository: the commit is unknown
  }
  return { version, commit };
}
