/** rules/REFERENCE.md cannot drift from the schema: regenerated here and compared. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { REFERENCE_FILE, currentReference } from '../../../scripts/rules-reference/current.js';
import { renderReference } from '../../../rules/reference/render.js';
import type { SchemaNode } from '../../../rules/reference/schema-sections.js';

const schema = (): SchemaNode => JSON.parse(readFileSync('rules/schema/program.schema.json', 'utf8')) as SchemaNode;

describe('rules/REFERENCE.md', () => {
  const current = currentReference();

  it('is what `npm run rules:reference` generates from the schema now', () => {
    expect(readFileSync(REFERENCE_FILE, 'utf8') === current.markdown, `${REFERENCE_FILE} is stale: run npm run rules:reference`).to.equal(true);
  });

  it('gives every field a description and an example', () => {
    expect(current.undocumented).to.deep.equal([]);
    expect(current.unexemplified).to.deep.equal([]);
  });

  it('lists every field of every section with required/optional, type, default and allowed values', () => {
    const md = current.markdown;
    expect(md).to.contain('| `pointsPerUnit` | **required** | whole number | 1 to 1000000 |');
    expect(md).to.contain('| `rounding` | optional | text | `"FLOOR"`, `"NEAREST"`, `"CEIL"` | `"FLOOR"` |');
    expect(md).to.contain('| `unaffordableRewards` | **required** | text | `"HIDE"`, `"SHOW_WITH_PROGRESS"` |');
    expect(md).to.contain('| `rate` | **required** | object: [shopWithPoints.rate](#shopwithpoints-rate) |');
    for (const section of ['program', 'earning', 'promotion kind ITEM_BONUS', 'tiers.levels', 'reward type BOGO', 'policies.membership', 'policies.expiry', 'fixture.expect', 'schedule', 'limits']) {
      expect(md).to.contain(`\n## ${section}\n`);
    }
  });

  it('fails when a description in the schema changes (the drift this test guards)', () => {
    const changed = schema();
    changed.properties!.earning!.properties!.points!.description = 'Something else.';
    expect(renderReference(changed, []).markdown).to.not.equal(renderReference(schema(), []).markdown);
    const undocumented = schema();
    delete undocumented.properties!.earning!.properties!.points!.description;
    expect(renderReference(undocumented, []).undocumented).to.include('earning.points');
  });
});
