/** Runs the rules CLI the way `npm run rules --` does (tsx rules/cli.ts), capturing both streams. */
import { spawnSync } from 'node:child_process';

export function rulesCli(...args: string[]): { code: number | null; out: string; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'rules/cli.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}
