/**
 * Example values for the reference, taken from rule files that are known to be valid (the sample
 * programs, the `init` templates and the numbered examples), so an example can never be wrong:
 * the first value each field has in those files. A field no sample uses takes the schema's own
 * `examples`. Pure.
 */
import type { Section } from './schema-sections.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `section.field` → the first value seen in `programs`. */
export function sampleValues(sections: readonly Section[], programs: readonly unknown[]): Map<string, unknown> {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const found = new Map<string, unknown>();
  function collect(sectionId: string, value: unknown): void {
    const section = byId.get(sectionId);
    if (!section || !isObject(value)) return;
    const variant = section.variants?.find((v) => value[v.tag] === v.value);
    for (const s of [section, variant ? byId.get(variant.section) : undefined]) {
      for (const f of s?.fields ?? []) {
        const v = value[f.name];
        if (v === undefined) continue;
        if (f.section) for (const x of Array.isArray(v) ? v : [v]) collect(f.section, x);
        else if (!found.has(`${s!.id}.${f.name}`)) found.set(`${s!.id}.${f.name}`, v);
      }
    }
  }
  for (const p of programs) collect('program', p);
  return found;
}
