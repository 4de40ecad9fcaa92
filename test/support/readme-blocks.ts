/**
 * The README as data for the tests that run its examples: a section by its heading, and the
 * fenced code blocks in it, so a worked example is executed as written and cannot drift.
 */
import { readFileSync } from 'node:fs';

/** The text under `heading` (e.g. `### Receipt claims: …`) up to the next heading of its level or above. */
export function readmeSection(heading: string, file = 'README.md'): string {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(`\n${heading}`);
  if (at < 0) throw new Error(`${file} has no section "${heading}"`);
  const level = /^#+/.exec(heading)![0].length;
  const rest = text.slice(at + heading.length + 1);
  const next = new RegExp(`\\n#{1,${level}} `).exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

export interface CodeBlock { lang: string; body: string }

/** The fenced code blocks of `text`, in order. */
export function codeBlocks(text: string): CodeBlock[] {
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
}
