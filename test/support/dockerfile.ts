/**
 * A small reader of our Dockerfile, for the tests that check what Docker would do without
 * Docker: instructions with continuation lines joined and comments dropped, grouped by stage.
 */
import { readFileSync } from 'node:fs';

export interface Instruction {
  /** Upper-case keyword: FROM, COPY, RUN, … */
  keyword: string;
  /** The rest of the line, continuation lines joined. */
  args: string;
  /** Name of the stage it belongs to (`AS name`), '' before the first FROM. */
  stage: string;
}

export interface Copy {
  stage: string;
  /** `--from=` stage, or null for the build context. */
  from: string | null;
  sources: string[];
  destination: string;
}

export function readDockerfile(file = 'Dockerfile'): Instruction[] {
  const lines = readFileSync(file, 'utf8').replace(/\\\n/g, ' ').split('\n');
  const out: Instruction[] = [];
  let stage = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') stage = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? '';
    out.push({ keyword: upper, args: args.replace(/\s+/g, ' '), stage });
  }
  return out;
}

export function copies(instructions: Instruction[]): Copy[] {
  return instructions.filter((i) => i.keyword === 'COPY').map((i) => {
    const words = i.args.split(' ');
    const flags = words.filter((w) => w.startsWith('--'));
    const paths = words.filter((w) => !w.startsWith('--'));
    const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length) ?? null;
    return { stage: i.stage, from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
  });
}

/** The JSON (exec) form of CMD / HEALTHCHECK CMD, or null for the shell form. */
export function execForm(args: string): string[] | null {
  const start = args.indexOf('[');
  if (start < 0) return null;
  return JSON.parse(args.slice(start)) as string[];
}
