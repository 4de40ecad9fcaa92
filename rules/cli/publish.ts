/**
 * `publish <file> [--activate] [--at <iso>]` and `activate <program> <version> [--at <iso>]`:
 * the rules CLI as a client of the admin API (PERKWIRE_API_URL, PERKWIRE_ADMIN_KEY). The server
 * validates the file (with its locations' stored menus, which a local check would lack) and its
 * answer is printed as it comes: every problem with its JSON path.
 */
import { readJsonFile } from '../load.js';
import { flagText, type CliCommand } from './command.js';

interface ApiAnswer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; problems?: { path: string; message: string; in?: string }[] } };
}

function endpoint(): { url: string; key: string } | null {
  const url = (process.env.PERKWIRE_API_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
  const key = process.env.PERKWIRE_ADMIN_KEY ?? '';
  if (key === '') {
    console.error('set PERKWIRE_ADMIN_KEY to an admin key (ADMIN_API_KEYS) and PERKWIRE_API_URL to the API (default http://localhost:8080)');
    return null;
  }
  return { url, key };
}

async function call(api: { url: string; key: string }, path: string, body: unknown): Promise<ApiAnswer> {
  let res: Response;
  try {
    res = await fetch(`${api.url}/admin/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (err) {
    return { status: 0, body: { error: { code: 'UNREACHABLE', message: `cannot reach ${api.url}: ${(err as Error).message}` } } };
  }
  const text = await res.text();
  let parsed: ApiAnswer['body'];
  try {
    parsed = JSON.parse(text) as ApiAnswer['body'];
  } catch {
    parsed = { error: { code: 'NOT_JSON', message: text.slice(0, 200) } };
  }
  return { status: res.status, body: parsed };
}

function printRefusal(answer: ApiAnswer): number {
  const e = answer.body.error;
  console.log(`FAIL  ${answer.status} ${e?.code ?? ''}: ${e?.message ?? 'unexpected answer'}`);
  for (const p of e?.problems ?? []) console.log(`  ${p.path} ${p.message}`);
  return 1;
}

async function activate(api: { url: string; key: string }, programId: string, version: string, at: string | undefined): Promise<number> {
  const answer = await call(api, `/programs/${encodeURIComponent(programId)}/versions/${encodeURIComponent(version)}/activate`, at === undefined ? {} : { at });
  if (answer.status === 200) {
    console.log(`active  ${programId} ${version} (was ${String(answer.body.previousVersion ?? 'none')}); every process uses it within 5 s`);
    return 0;
  }
  if (answer.status === 202) {
    console.log(`scheduled  ${programId} ${version} at ${at}`);
    return 0;
  }
  return printRefusal(answer);
}

const API_NOTE = 'Talks to a running Perkwire: PERKWIRE_API_URL (default http://localhost:8080) and PERKWIRE_ADMIN_KEY (one of ADMIN_API_KEYS).\nExit codes: 0 done, 1 refused by the API (every problem with its JSON path), 2 usage error or no admin key.';

/** Publishes a rule file as a version; `--activate` makes it active (now, or `--at`). */
export const publishCommand: CliCommand = {
  name: 'publish',
  operands: '<file>',
  summary: 'store a rule file as a version through the admin API (and activate it)',
  details: API_NOTE,
  options: [
    { flags: '--activate', description: 'activate the published version' },
    { flags: '--at <iso>', description: 'with --activate: activate at this instant instead of now' },
  ],
  examples: ['publish rules/programs/demo.json', 'publish my-program.json --activate --at 2026-12-24T05:00:00-05:00'],
  async run({ flags, positional: [file] }) {
    if (!file) { console.error('publish: <file> required'); return 2; }
    const api = endpoint();
    if (!api) return 2;
    const read = await readJsonFile(file);
    if (!read.ok) { console.log(`FAIL  ${file}: ${read.message}`); return 1; }
    const id = (read.json as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || id === '') { console.log(`FAIL  ${file}: /id is required`); return 1; }
    const answer = await call(api, `/programs/${encodeURIComponent(id)}/versions`, read.json);
    if (answer.status !== 201 && answer.status !== 200) return printRefusal(answer);
    const stored = answer.body.version as { version: string; contentHash: string };
    console.log(`${answer.status === 201 ? 'published' : 'unchanged'}  ${id} ${stored.version} (${stored.contentHash.slice(0, 12)})`);
    for (const w of (answer.body.warnings ?? []) as { path: string; message: string }[]) console.log(`  warning ${w.path || '/'} ${w.message}`);
    if (!flags.activate) return 0;
    return activate(api, id, stored.version, flagText(flags, 'at'));
  },
};

/** Activates a published version (rollback = an older one), now or `--at`. */
export const activateCommand: CliCommand = {
  name: 'activate',
  operands: '<program> <version>',
  summary: 'activate a published version (rollback = activate an older one)',
  details: API_NOTE,
  options: [{ flags: '--at <iso>', description: 'activate at this instant instead of now' }],
  examples: ['activate demo 2026.11.0', 'activate demo 2026.12.0 --at 2026-12-24T05:00:00-05:00'],
  async run({ flags, positional: [programId, version] }) {
    if (!programId || !version) { console.error('activate: <program> <version> required'); return 2; }
    const api = endpoint();
    if (!api) return 2;
    return activate(api, programId, version, flagText(flags, 'at'));
  },
};
