/**
 * Publishing rule files that name menu items: names resolve against the locations' stored
 * catalogues (the sample menu imported as at boot), the stored version holds GUIDs, unknown
 * names stop the publish with their path, unknown GUIDs come back as warnings.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type mongoose from 'mongoose';
import { publishProgramsFromDir } from '../../../server/loyalty/programs/programs.js';
import { importSampleMenus } from '../../../server/menus/sample-menus.js';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import { connectTestDb, dropTestDb } from '../../support/services.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const NOW = new Date('2026-12-01T12:00:00Z');

function rulesDir(edit: (d: Json) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'publish-names-'));
  const d = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Json;
  edit(d);
  writeFileSync(join(dir, 'demo.json'), JSON.stringify(d));
  return dir;
}

describe('publishing rule files written with menu names', () => {
  let conn: mongoose.Connection;
  let models: Models;

  beforeEach(async () => {
    conn = await connectTestDb('publishnames');
    models = await registerModels(conn);
  });
  afterEach(async () => { await dropTestDb(conn); });

  it('resolves names against the imported sample menu and stores GUIDs', async () => {
    const imported = await importSampleMenus(models, 'rules/programs/menus', NOW);
    expect(imported.map((m) => [m.restaurantGuid, m.status])).to.deep.include(['6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01', 'imported']);
    const dir = rulesDir((d) => {
      d.rewards[0].items = { menuItems: [{ name: 'Fries' }] };
      d.rewards[1].items = { menuGroups: [{ name: 'Burgers' }, 'a1f0c3d2-dead-4b5e-9c1a-00000000dead'] };
    });
    const [result] = await publishProgramsFromDir(models, dir, NOW);
    expect(result!.warnings!.map((w) => w.path)).to.deep.equal(['/rewards/1/items/menuGroups/1']);
    const version = await models.RuleSetVersion.findOne({ programId: 'demo', contentHash: result!.contentHash }).lean();
    const rewards = (version!.body as Json).rewards as Json[];
    expect(rewards[0]!.items).to.deep.equal({ menuItems: ['a1f0c3d2-0010-4b5e-9c1a-000000000010'] });
    expect(rewards[1]!.items.menuGroups).to.deep.equal(['a1f0c3d2-1001-4b5e-9c1a-000000001001', 'a1f0c3d2-dead-4b5e-9c1a-00000000dead']);
  });

  it('an unknown name stops the publish with its path and the close matches; nothing is published', async () => {
    await importSampleMenus(models, 'rules/programs/menus', NOW);
    const dir = rulesDir((d) => { d.rewards[0].items = { menuItems: [{ name: 'Onion Ring' }] }; });
    const err = await publishProgramsFromDir(models, dir, NOW).catch((e: Error) => e);
    expect((err as Error).message).to.equal('rule file demo.json is invalid: /rewards/0/items/menuItems/0: unknown menu item "Onion Ring"; close matches: "Onion Rings"');
    expect(await models.RuleSetVersion.countDocuments({})).to.equal(0);
  });
});
