/**
 * The rule-file schema as the sections of rules/REFERENCE.md: one section per kind of object
 * (the program, `earning`, `policies.stacking`, every reward type…), each with its fields. Shared
 * definitions (`schedule`, `limits`…) are one section, linked from wherever they are used; a
 * discriminated list (rewards by `type`, promotions by `kind`) is a section of the fields every
 * entry has plus one section per type. Pure: the schema in, data out.
 */

/** The parts of JSON Schema draft-07 the rule-file schema uses. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  discriminator?: { propertyName: string };
  definitions?: Record<string, SchemaNode>;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  uniqueItems?: boolean;
  pattern?: string;
  format?: string;
}

export interface Field {
  name: string;
  node: SchemaNode;
  required: boolean;
  /** The section this field's value is described in (objects, lists of objects, unions). */
  section?: string;
}

export interface Section {
  /** Anchor and key: `earning`, `policies.stacking`, `reward`, `reward.FREE_ITEM`. */
  id: string;
  title: string;
  description: string;
  fields: Field[];
  /** For a discriminated list: the sections of its entry types, by tag value. */
  variants?: { tag: string; value: string; section: string }[];
}

export interface SchemaModel {
  root: SchemaNode;
  sections: Section[];
}

/** `earning` + `points` → `earning.points`; the program itself is the empty path. */
const join = (id: string, name: string): string => (id === '' ? name : `${id}.${name}`);
const isUnion = (n: SchemaNode): boolean => Boolean(n.discriminator && n.oneOf);
const isObjectNode = (n: SchemaNode): boolean => Boolean(n.properties) && !isUnion(n);

/**
 * Sections in reading order: the program and its parts first (each part after the section that
 * uses it), then the shared parts used from several places (schedule, item selectors…).
 */
function sharedLast(sections: Section[]): Section[] {
  const users = new Map<string, Set<string>>();
  const owner = new Map<string, string>();
  for (const s of sections) {
    for (const v of s.variants ?? []) owner.set(v.section, s.id);
    for (const f of s.fields) if (f.section && f.section !== s.id) users.set(f.section, new Set([...(users.get(f.section) ?? []), owner.get(s.id) ?? s.id]));
  }
  const shared = new Set([...users].filter(([, from]) => from.size > 1).map(([id]) => id));
  // A section reached only through a shared one (schedule.hours) goes with it.
  const inShared = (id: string, depth = 0): boolean => shared.has(id) || (depth < 20 && [...(users.get(id) ?? [])].some((u) => inShared(u, depth + 1)));
  return [...sections.filter((s) => !inShared(s.id)), ...sections.filter((s) => inShared(s.id))];
}

export function buildModel(schema: SchemaNode): SchemaModel {
  const defs = schema.definitions ?? {};
  const sections: Section[] = [];
  const seen = new Set<string>();

  const resolve = (n: SchemaNode): { node: SchemaNode; def?: string } => {
    if (!n.$ref) return { node: n };
    const def = n.$ref.replace('#/definitions/', '');
    const target = defs[def];
    if (!target) throw new Error(`unknown $ref ${n.$ref}`);
    return { node: target, def };
  };

  /** The section describing what `node` holds (following lists), or undefined for plain values. */
  function sectionOf(node: SchemaNode, hint: string): string | undefined {
    const { node: n, def } = resolve(node);
    const id = def ?? hint;
    if (n.type === 'array' && n.items) return sectionOf(n.items, hint);
    if (isUnion(n) || isObjectNode(n)) return id;
    return undefined;
  }

  function fieldsOf(n: SchemaNode, id: string, skip: Set<string> = new Set()): Field[] {
    const required = new Set(n.required ?? []);
    return Object.entries(n.properties ?? {}).filter(([name]) => !skip.has(name) && name !== '$schema').map(([name, child]) => {
      const section = sectionOf(child, join(id, name));
      if (section) visit(child, join(id, name));
      return { name, node: child, required: required.has(name), ...(section ? { section } : {}) };
    });
  }

  function visit(node: SchemaNode, hint: string, description?: string): void {
    const { node: n, def } = resolve(node);
    if (n.type === 'array' && n.items) { visit(n.items, hint, description ?? n.description); return; }
    const id = def ?? hint;
    if (seen.has(id) || !(isUnion(n) || isObjectNode(n))) return;
    seen.add(id);
    const section: Section = { id, title: id, description: n.description ?? description ?? node.description ?? '', fields: [] };
    sections.push(section);
    if (!isUnion(n)) { section.fields = fieldsOf(n, id); return; }
    const tag = n.discriminator!.propertyName;
    const branches = n.oneOf!;
    const first = branches[0]!.properties ?? {};
    // Fields every entry has, identically: described once in the list's own section.
    const common = Object.keys(first).filter((k) => k !== tag && branches.every((b) => JSON.stringify(b.properties?.[k]) === JSON.stringify(first[k])));
    const commonRequired = common.filter((k) => branches.every((b) => b.required?.includes(k)));
    section.fields = fieldsOf({ properties: { [tag]: { enum: branches.map((b) => b.properties![tag]!.const), description: `Which ${id} this is; each has its own section below.` }, ...Object.fromEntries(common.map((k) => [k, first[k]!])) }, required: [tag, ...commonRequired] }, id);
    section.variants = [];
    for (const b of branches) {
      const value = String(b.properties![tag]!.const);
      const vid = `${id}.${value}`;
      section.variants.push({ tag, value, section: vid });
      const variant: Section = { id: vid, title: `${id} ${tag} ${value}`, description: b.description ?? '', fields: [] };
      sections.push(variant);
      seen.add(vid);
      variant.fields = fieldsOf(b, id, new Set([...common, tag]));
    }
  }

  const program: Section = { id: 'program', title: 'program', description: schema.description ?? '', fields: [] };
  sections.push(program);
  seen.add('program');
  program.fields = fieldsOf(schema, '');
  return { root: schema, sections: sharedLast(sections) };
}
