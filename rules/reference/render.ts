/**
 * rules/REFERENCE.md from the rule-file schema: every field with its type and allowed values,
 * whether it is required, its default, what it means (the schema's `description`) and an example.
 * Pure and deterministic, so a test can regenerate it and compare (`npm run rules:reference`).
 */
import { sampleValues } from './field-examples.js';
import { buildModel, type Field, type SchemaNode, type Section } from './schema-sections.js';

const anchor = (id: string): string => id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (v: unknown): string => {
  const text = JSON.stringify(v);
  return `\`${text.length > 90 ? `${text.slice(0, 87)}…` : text}\``;
};

/** What is written in the field, in words (`whole number`, `list of text`, a link to a section). */
function typeOf(node: SchemaNode, defs: Record<string, SchemaNode>, field: Field | undefined, sections: Map<string, Section>): string {
  if (field?.section) {
    const s = sections.get(field.section)!;
    const link = `[${s.id}](#${anchor(s.id)})`;
    const list = resolved(node, defs).type === 'array';
    return list ? `list of ${link} entries` : `object: ${link}`;
  }
  const n = resolved(node, defs);
  if (n.anyOf) return n.anyOf.map((a) => typeOf(a, defs, undefined, sections)).join(' or ');
  if (n.const !== undefined) return 'text';
  if (n.enum) return 'text';
  if (n.type === 'array') return `list of ${n.items ? typeOf(n.items, defs, undefined, sections) : 'values'}`;
  if (n.type === 'object') {
    if (isSchema(n.additionalProperties)) return `map: id → ${typeOf(n.additionalProperties, defs, undefined, sections)}`;
    return n.properties ? `{${Object.keys(n.properties).join(', ')}}` : 'object';
  }
  const words: Record<string, string> = { integer: 'whole number', number: 'number', string: 'text', boolean: 'true or false', null: 'null' };
  if (Array.isArray(n.type)) return n.type.map((t) => words[t] ?? t).join(' or ');
  if (n.type) return words[n.type] ?? n.type;
  return 'number, text or list';
}

const isSchema = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null;

function resolved(node: SchemaNode, defs: Record<string, SchemaNode>): SchemaNode {
  if (!node.$ref) return node;
  return { ...defs[node.$ref.replace('#/definitions/', '')]!, ...withoutRef(node) };
}
function withoutRef(node: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = node;
  return rest;
}

/** Allowed values and bounds, in words. */
function allowed(node: SchemaNode, defs: Record<string, SchemaNode>): string {
  const n = resolved(node, defs);
  const out: string[] = [];
  if (n.const !== undefined) out.push(`only ${code(n.const)}`);
  if (n.enum) out.push(n.enum.map((v) => code(v)).join(', '));
  if (n.minimum !== undefined && n.maximum !== undefined) out.push(`${n.minimum} to ${n.maximum}`);
  else if (n.minimum !== undefined) out.push(`${n.minimum} or more`);
  else if (n.exclusiveMinimum !== undefined && n.maximum !== undefined) out.push(`above ${n.exclusiveMinimum}, at most ${n.maximum}`);
  else if (n.maximum !== undefined) out.push(`at most ${n.maximum}`);
  if (n.pattern) out.push(`pattern \`${n.pattern}\``);
  if (n.format) out.push(n.format === 'date-time' ? 'ISO 8601 date-time with offset' : n.format);
  if (n.minLength !== undefined || n.maxLength !== undefined) out.push(`${n.minLength ?? 0} to ${n.maxLength ?? '∞'} characters`);
  if (n.minItems !== undefined || n.maxItems !== undefined) out.push(`${n.minItems ?? 0} to ${n.maxItems ?? '∞'} entries`);
  if (n.uniqueItems) out.push('no repeats');
  if (n.minProperties === 1 && n.maxProperties === 1) out.push('exactly one key');
  if (n.type === 'array' && n.items) {
    const inner = allowed(n.items, defs);
    if (inner) out.push(`each: ${inner}`);
  }
  return out.join('; ');
}

function meaning(node: SchemaNode, defs: Record<string, SchemaNode>): string {
  if (node.description) return node.description;
  const n = resolved(node, defs);
  if (n.description) return n.description;
  if (n.type === 'array' && n.items) return meaning(n.items, defs);
  return '';
}

export interface RenderedReference {
  markdown: string;
  /** `section.field` of every field that has no description or no example (the test wants none). */
  undocumented: string[];
  unexemplified: string[];
}

export function renderReference(schema: SchemaNode, samples: readonly unknown[]): RenderedReference {
  const defs = schema.definitions ?? {};
  const model = buildModel(schema);
  const sections = new Map(model.sections.map((s) => [s.id, s]));
  const values = sampleValues(model.sections, samples);
  const undocumented: string[] = [];
  const unexemplified: string[] = [];
  const lines: string[] = [
    '# Rule-file reference',
    '',
    '<!-- Generated from rules/schema/program.schema.json by `npm run rules:reference`; do not edit by hand:',
    '     change the schema\'s descriptions and regenerate (a test fails when this file is stale). -->',
    '',
    'Every field of a rule file: its type and allowed values, whether it is required, its default',
    '(what happens when it is absent), what it means, and an example taken from a valid sample file',
    '(`rules/programs/`, `rules/templates/`, `rules/examples/`). Money is integer cents, points are',
    'whole numbers. The story — how a check is priced, menu names, eligibility facts, reasons — is in',
    '[README.md](README.md); start a file with `npm run rules -- init <file>`.',
    '',
    '## Sections',
    '',
    ...model.sections.map((s) => `* [${s.title}](#${anchor(s.id)})`),
    '',
  ];
  for (const s of model.sections) {
    lines.push(`<a id="${anchor(s.id)}"></a>`, '', `## ${s.title}`, '');
    if (s.description) lines.push(s.description, '');
    if (s.variants) lines.push(`Each entry is one of: ${s.variants.map((v) => `[${v.value}](#${anchor(v.section)})`).join(', ')} (chosen by \`${s.variants[0]!.tag}\`). The fields below are those every entry has.`, '');
    if (s.fields.length === 0) { lines.push('No fields of its own besides those above.', ''); continue; }
    lines.push('| field | required | type | allowed values | default | meaning | example |', '|---|---|---|---|---|---|---|');
    for (const f of s.fields) {
      const n = resolved(f.node, defs);
      const text = meaning(f.node, defs);
      if (!text) undocumented.push(`${s.id}.${f.name}`);
      const fromSample = values.get(`${s.id}.${f.name}`);
      const example = f.section ? `see [${f.section}](#${anchor(f.section)})` : fromSample !== undefined ? code(fromSample) : n.examples?.length ? code(n.examples[0]) : f.node.examples?.length ? code(f.node.examples[0]) : '';
      if (!example) unexemplified.push(`${s.id}.${f.name}`);
      const dflt = f.node.default ?? n.default;
      lines.push(`| \`${f.name}\` | ${f.required ? '**required**' : 'optional'} | ${cell(typeOf(f.node, defs, f, sections))} | ${cell(allowed(f.node, defs))} | ${dflt === undefined ? (f.required ? '' : '—') : code(dflt)} | ${cell(text)} | ${cell(example)} |`);
    }
    lines.push('');
  }
  return { markdown: `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, undocumented, unexemplified };
}
