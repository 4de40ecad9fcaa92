/** Reading Toast menus V2 documents: the recorded sample, and malformed or partial documents refused with paths. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { readToastMenusDocument } from '../../../server/menus/toast-menus-document.js';

const sample = (): Record<string, any> => JSON.parse(readFileSync('test/fixtures/toast-menus/demo-menus.json', 'utf8')); // eslint-disable-line @typescript-eslint/no-explicit-any

function errorsOf(doc: unknown): string[] {
  const r = readToastMenusDocument(doc);
  expect(r.ok).to.equal(false);
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`);
}

describe('Toast menus document', () => {
  it('reads every menu, nested group, item, modifier group and option, and sales category of the sample', () => {
    const r = readToastMenusDocument(sample());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.menu.restaurantGuid).to.equal('6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01');
    expect(r.menu.lastUpdated).to.equal('2026-11-20T14:03:12.000+0000');
    const byName = new Map(r.menu.entities.map((e) => [`${e.kind} ${e.name}`, e]));
    expect(byName.get('ITEM Classic Burger')).to.deep.include({ guid: 'a1f0c3d2-0001-4b5e-9c1a-000000000001', priceCents: 899, salesCategoryGuid: '5a1e5ca7-0001-4c2d-8e3f-000000000001' });
    // The same item in two menus is one entity that knows both groups.
    expect(byName.get('ITEM Classic Burger')!.groupGuids).to.deep.equal(['a1f0c3d2-1001-4b5e-9c1a-000000001001', 'a1f0c3d2-1005-4b5e-9c1a-000000001005']);
    expect(byName.get('GROUP Double Stacks')!.guid).to.equal('a1f0c3d2-1004-4b5e-9c1a-000000001004');
    expect(byName.get('MODIFIER Bacon')).to.deep.include({ guid: 'a1f0c3d2-0030-4b5e-9c1a-000000000030', priceCents: 150 });
    expect(byName.get('MODIFIER_GROUP Burger Add-ons')!.guid).to.equal('a1f0c3d2-2001-4b5e-9c1a-000000002001');
    expect(byName.get('SALES_CATEGORY Non-Alcoholic Beverage')!.guid).to.equal('5a1e5ca7-0002-4c2d-8e3f-000000000002');
    expect(byName.get('ITEM Gift Card')!.priceCents).to.equal(null);
    expect(r.menu.entities.filter((e) => e.kind === 'ITEM')).to.have.length(8);
  });

  it('refuses what is not a menus document', () => {
    expect(errorsOf([])).to.deep.equal([' a menus document must be a JSON object (Toast menus API V2 Restaurant)']);
    expect(errorsOf({ restaurantGuid: 'r', lastUpdated: 'x' })).to.deep.equal(['/menus must be an array']);
  });

  it('names the path of every problem in a partial document', () => {
    const doc = sample();
    delete doc.lastUpdated;
    delete doc.menus[0].menuGroups[1].menuItems[0].guid;
    doc.menus[0].menuGroups[0].menuGroups[0].menuItems[0].price = 'twelve';
    doc.menus[1].menuGroups = null;
    delete doc.modifierOptionReferences['11'];
    expect(errorsOf(doc)).to.have.members([
      '/lastUpdated must be a non-empty string of at most 64 characters',
      '/menus/0/menuGroups/1/menuItems/0/guid must be a non-empty string of at most 64 characters',
      '/menus/0/menuGroups/0/menuGroups/0/menuItems/0/price must be a number or null',
      '/menus/1/menuGroups must be an array',
      '/modifierGroupReferences/1/modifierOptionReferences/1 modifier option reference 11 is not in modifierOptionReferences',
    ]);
  });

  it('refuses an item referring to a modifier group the document does not contain', () => {
    const doc = sample();
    doc.modifierGroupReferences = {};
    expect(errorsOf(doc)).to.include('/menus/0/menuGroups/0/menuItems/0/modifierGroupReferences/0 modifier group reference 1 is not in modifierGroupReferences');
  });
});
