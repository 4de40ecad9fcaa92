/**
 * The rule-file types are generated from the JSON Schema (tools/rule-types/render.ts): the
 * committed rules/schema/program.generated.ts must be exactly what the generator makes of the
 * schema today, so the two cannot drift.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { REGENERATE_COMMAND, SCHEMA_FILE, TYPES_FILE, renderProgramTypes } from '../../../tools/rule-types/render.js';

const schema = (): Record<string, unknown> => JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

describe('rule-file types generated from the schema', function () {
  this.timeout(30_000);

  it(`${TYPES_FILE} is what ${REGENERATE_COMMAND} makes of ${SCHEMA_FILE}`, async () => {
    const fresh = await renderProgramTypes(schema());
    const committed = readFileSync(TYPES_FILE, 'utf8');
    expect(committed === fresh, `${TYPES_FILE} is stale: the schema changed since it was generated. Run \`${REGENERATE_COMMAND}\` and commit ${TYPES_FILE}.`).to.equal(true);
  });

  it('a changed schema (new property, new description) renders differently', async () => {
    const base = await renderProgramTypes(schema());
    const withProperty = schema();
    const earning = (withProperty.properties as Record<string, { properties: Record<string, unknown> }>).earning!;
    earning.properties.roundingNote = { type: 'string' };
    const changed = await renderProgramTypes(withProperty);
    expect(changed).to.not.equal(base);
    expect(changed).to.include('roundingNote?: string;');

    const withDescription = schema();
    (withDescription.definitions as Record<string, Record<string, unknown>>).limits!.description = 'Caps per member and period.';
    expect(await renderProgramTypes(withDescription)).to.include('Caps per member and period.');
  });

  it('types what the engine sees: menu names resolved to GUIDs, one interface per reward and promotion kind', async () => {
    const ts = await renderProgramTypes(schema());
    const block = (name: string): string => ts.slice(ts.indexOf(`export interface ${name} {`)).split('\n}\n')[0]!;
    expect(block('ItemSelector')).to.include('menuItems?: Guid[];');
    expect(ts).to.not.include('MenuRef');
    const s = schema() as { definitions: Record<string, { oneOf: { properties: Record<string, { const: string }> }[] }> };
    const tags = [...s.definitions.reward!.oneOf.map((b) => b.properties.type!.const), ...s.definitions.promotion!.oneOf.map((b) => b.properties.kind!.const)];
    expect(tags).to.include.members(['BOGO', 'MULTI_ITEM', 'BONUS_POINTS', 'MULTIPLIER']);
    const interfaces = ts.split('export interface ').slice(1);
    for (const tag of tags) expect(interfaces.filter((i) => i.split('\n}\n')[0]!.match(new RegExp(`\\n  (type|kind): '${tag}';`))), tag).to.have.length(1);
    // exactly one of all / any / not at the top of an eligibility tree
    expect(ts).to.match(/export type ConditionTree =\s*\|\s*\{[^}]*all: ConditionNode\[\];\s*\}/s);
  });
});
