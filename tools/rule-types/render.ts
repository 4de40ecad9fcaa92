/**
 * Renders the TypeScript types of a validated rule file from its JSON Schema
 * (`rules/schema/program.schema.json`), so the schema is the one source of truth for the shape and
 * `rules/schema/program.generated.ts` is never edited by hand. `npm run rules:types` writes it;
 * test/unit/rules/program-types.test.ts fails when the committed file and the schema drift.
 *
 * The schema is reshaped for typing only (never for validation): what TypeScript cannot say is
 * dropped, and what the engine sees after loading is typed instead of what a person may write.
 */
import { compile, type JSONSchema } from 'json-schema-to-typescript';

/** The one command that brings the generated types back in line with the schema. */
export const REGENERATE_COMMAND = 'npm run rules:types';
export const SCHEMA_FILE = 'rules/schema/program.schema.json';
export const TYPES_FILE = 'rules/schema/program.generated.ts';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keywords that give a subschema a type; a subschema with none of them only constrains. */
const TYPING_KEYWORDS = ['type', 'properties', '$ref', 'enum', 'const', 'items', 'oneOf', 'anyOf', 'allOf', 'additionalProperties'];
const hasTyping = (n: Node): boolean => TYPING_KEYWORDS.some((k) => k in n);

const pascal = (s: string): string => s.toLowerCase().replace(/(^|[_-])([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase());

/**
 * One subschema, reshaped in place (children first):
 * - `not`, and `oneOf`/`anyOf` whose branches only require or forbid properties (BONUS_POINTS:
 *   `points` xor `multiplier`), constrain presence, which a type cannot say: dropped, so both
 *   properties stay optional;
 * - an object of optional properties with `maxProperties: 1` (a condition tree: exactly one of
 *   all / any / not) becomes a union of one-property objects;
 * - a subschema that says nothing about its type (a condition's `value`) is `unknown`;
 * - a `$ref` loses the annotations beside it (`description`, `default`, `examples`, which
 *   rules/REFERENCE.md reads): json-schema-to-typescript would copy the referenced type for each.
 */
function reshape(node: Node, propertyName: string | null): void {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isNode(value)) {
      for (const [name, sub] of Object.entries(value)) if (isNode(sub)) reshape(sub, name);
    } else if (key === 'definitions' && isNode(value)) {
      for (const sub of Object.values(value)) if (isNode(sub)) reshape(sub, null);
    } else if (Array.isArray(value)) {
      for (const sub of value) if (isNode(sub)) reshape(sub, null);
    } else if (isNode(value)) {
      reshape(value, null);
    }
  }
  delete node.not;
  if ('$ref' in node) for (const k of ['description', 'default', 'examples']) delete node[k];
  for (const combinator of ['oneOf', 'anyOf'] as const) {
    const branches = node[combinator];
    if (Array.isArray(branches) && branches.every((b) => isNode(b) && !hasTyping(b))) delete node[combinator];
  }
  const props = node.properties;
  if (node.maxProperties === 1 && isNode(props) && node.required === undefined) {
    node.oneOf = Object.entries(props).map(([name, sub]) => ({
      type: 'object', additionalProperties: false, required: [name], properties: { [name]: sub },
    }));
    delete node.properties;
  }
  if (propertyName !== null && !hasTyping(node)) node.tsType = 'unknown';
}

/**
 * Names the branches of a discriminated union after their tag and the union's definition
 * (reward `BOGO` → `BogoReward`, promotion `MULTIPLIER` → `MultiplierPromotion`).
 */
function nameVariants(definitions: Node): void {
  for (const [defName, def] of Object.entries(definitions)) {
    if (!isNode(def) || !isNode(def.discriminator) || !Array.isArray(def.oneOf)) continue;
    const tag = String(def.discriminator.propertyName);
    for (const branch of def.oneOf as Node[]) {
      const tagSchema = (branch.properties as Record<string, Node>)[tag];
      branch.title = `${pascal(String(tagSchema?.const))}${pascal(defName)}`;
    }
  }
}

/** The schema as the engine sees a loaded program: menu names are resolved to GUIDs by then. */
function resolvedProgram(schema: Node): Node {
  const copy = structuredClone(schema);
  const definitions = copy.definitions as Node;
  definitions.menuRef = { $ref: '#/definitions/guid' };
  copy.title = 'Program';
  delete copy.$id;
  // A type named after the `date` definition would shadow the global `Date`.
  if (isNode(definitions.date)) definitions.date.title = 'LocalDate';
  reshape(copy, null);
  nameVariants(definitions);
  return copy;
}

const BANNER = `/**
 * GENERATED from ${SCHEMA_FILE} by \`${REGENERATE_COMMAND}\` (tools/rule-types/render.ts).
 * Do not edit: change the schema and run \`${REGENERATE_COMMAND}\`.
 * Types of a validated, loaded rule file; names for its parts are in rules/engine/program-types.ts.
 */`;

/** The generated TypeScript for a schema, byte for byte what {@link TYPES_FILE} must hold. */
export async function renderProgramTypes(schema: unknown): Promise<string> {
  if (!isNode(schema) || !isNode(schema.definitions)) throw new Error(`${SCHEMA_FILE}: expected an object schema with definitions`);
  const ts = await compile(resolvedProgram(schema) as JSONSchema, 'Program', {
    bannerComment: BANNER,
    additionalProperties: true,
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: false,
    style: { singleQuote: true, printWidth: 120 },
  });
  // The generator's note on every named definition says nothing a reader needs.
  const note = String.raw` \* This interface was referenced by \`Program\`'s JSON-Schema\n *\* via the \`definition\` "[^"]+"\.`;
  return ts.replace(new RegExp(String.raw`\n */\*\*\n *${note}\n *\*/`, 'g'), '').replace(new RegExp(String.raw`\n *\*\n *${note}`, 'g'), '');
}
