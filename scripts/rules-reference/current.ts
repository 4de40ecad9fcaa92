/**
 * The reference as the repository would generate it now: the rule-file schema and the valid
 * sample files whose values serve as examples (sample programs, `init` templates, numbered examples).
 */
import { globSync, readFileSync } from 'node:fs';
import { renderReference, type RenderedReference } from '../../rules/reference/render.js';
import type { SchemaNode } from '../../rules/reference/schema-sections.js';

export const REFERENCE_FILE = 'rules/REFERENCE.md';
export const SAMPLE_FILES = ['rules/programs/*.json', 'rules/templates/*.json', 'rules/examples/*/program.json'];

/** Sorted so the examples (first value seen) do not depend on the file system's order. */
export function sampleFiles(): string[] {
  return SAMPLE_FILES.flatMap((pattern) => globSync(pattern).sort());
}

export function currentReference(): RenderedReference {
  const schema = JSON.parse(readFileSync('rules/schema/program.schema.json', 'utf8')) as SchemaNode;
  return renderReference(schema, sampleFiles().map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown));
}
