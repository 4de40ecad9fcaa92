/**
 * Menu names in rule files: resolved against the locations' catalogues at validation, errors
 * with paths and close matches for unknown or ambiguous names, warnings for GUIDs no
 * location's menu knows; the validated program holds GUIDs only and evaluates as before.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fixtureMember } from '../../../rules/fixtures.js';
import { offers, validateProgram, type Program, type RestaurantMenu } from '../../../rules/index.js';
import { readToastMenusDocument } from '../../../server/menus/toast-menus-document.js';
import { normalizeToastCheck } from '../../../server/toast/normalize/index.js';

const DEMO = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';
const FRIES = 'a1f0c3d2-0010-4b5e-9c1a-000000000010';
const BURGERS = 'a1f0c3d2-1001-4b5e-9c1a-000000001001';
const BURGER = 'a1f0c3d2-0001-4b5e-9c1a-000000000001';

function demoMenu(): RestaurantMenu {
  const r = readToastMenusDocument(JSON.parse(readFileSync('test/fixtures/toast-menus/demo-menus.json', 'utf8')));
  if (!r.ok) throw new Error('sample menu invalid');
  return r.menu;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const demo = (): Json => JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Json;

/** The demo with its fries and burger rewards written by name. */
function demoByName(): Json {
  const d = demo();
  d.rewards[0].items = { menuItems: [{ name: 'Fries' }] };
  d.rewards[1].items = { menuGroups: [{ name: 'burgers' }] };
  d.rewards[3].buy.items = { menuGroups: [{ name: 'Burgers' }] };
  d.rewards[3].get.items = { menuGroups: [{ name: '  Burgers ' }] };
  return d;
}

function messages(r: ReturnType<typeof validateProgram>, which: 'errors' | 'warnings'): string[] {
  const list = which === 'errors' ? (r.ok ? [] : r.errors) : (r.warnings ?? []);
  return list.map((e) => `${e.path} ${e.message}`);
}

describe('rule files: menu names', () => {
  it('resolves item and group names (case and spaces ignored) to the GUIDs of the catalogue', () => {
    const r = validateProgram(demoByName(), { menus: [demoMenu()] });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.warnings).to.deep.equal([]);
    const rewards = r.program.rewards as Json[];
    expect(rewards[0]!.items).to.deep.equal({ menuItems: [FRIES] });
    expect(rewards[1]!.items).to.deep.equal({ menuGroups: [BURGERS] });
    expect(rewards[3]!.get.items).to.deep.equal({ menuGroups: [BURGERS] });
  });

  it('a program written by name prices checks exactly as the GUID program', async () => {
    const byName = validateProgram(demoByName(), { menus: [demoMenu()] });
    const byGuid = validateProgram(demo());
    if (!byName.ok || !byGuid.ok) throw new Error('invalid');
    const fixture = (demo().fixtures as Json[]).find((f) => f.name === 'starter members may redeem')!;
    const context = { now: fixture.at as string, locationGuid: DEMO, check: normalizeToastCheck(fixture.check), member: fixtureMember({ pointsBalance: 200 }) };
    const [a, b] = [await offers(byName.program, context), await offers(byGuid.program, context)];
    expect(a.offers.map((o) => [o.identifier, o.applicable, o.amountCents])).to.deep.equal(b.offers.map((o) => [o.identifier, o.applicable, o.amountCents]));
    expect(a.offers.find((o) => o.identifier === 'free-fries')).to.include({ applicable: true, amountCents: 349 });
  });

  it('modifier options, sales categories and condition params resolve too', () => {
    const d = demo();
    d.rewards[0].items = { menuItems: [{ name: 'Bacon' }, FRIES], matchModifiers: true };
    d.earning.exclude = { salesCategories: [{ name: 'Retail' }] };
    d.promotions[1].eligibility = { all: [{ fact: 'menuItemQuantity', params: { name: 'Classic Burger' }, operator: 'greaterThan', value: 0 }] };
    const r = validateProgram(d, { menus: [demoMenu()] });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect((r.program.rewards[0] as Json).items.menuItems).to.deep.equal(['a1f0c3d2-0030-4b5e-9c1a-000000000030', FRIES]);
    expect(r.program.earning.exclude).to.deep.equal({ salesCategories: ['5a1e5ca7-0003-4c2d-8e3f-000000000003'] });
    expect((r.program.promotions[1] as Json).eligibility.all[0].params).to.deep.equal({ guid: BURGER });
  });

  it('an unknown name is an error at its path, with the close matches', () => {
    const d = demo();
    d.rewards[0].items = { menuItems: [{ name: 'Clasic Burger' }] };
    d.rewards[1].items = { menuGroups: [{ name: 'Deserts' }] };
    d.promotions[1].eligibility = { all: [{ fact: 'menuGroupQuantity', params: { name: 'Side' }, operator: 'greaterThan', value: 0 }] };
    const r = validateProgram(d, { menus: [demoMenu()] });
    expect(messages(r, 'errors')).to.deep.equal([
      '/promotions/1/eligibility/all/0/params/name unknown menu group "Side"; close matches: "Sides"',
      '/rewards/0/items/menuItems/0 unknown menu item "Clasic Burger"; close matches: "Classic Burger"',
      '/rewards/1/items/menuGroups/0 unknown menu group "Deserts" (no similar name on any location\'s menu)',
    ]);
  });

  it('a name two different items share at one restaurant is ambiguous', () => {
    const menu = demoMenu();
    menu.entities.push({ kind: 'ITEM', guid: 'a1f0c3d2-0099-4b5e-9c1a-000000000099', name: 'fries', priceCents: 499 });
    const d = demo();
    d.rewards[0].items = { menuItems: [{ name: 'Fries' }] };
    expect(messages(validateProgram(d, { menus: [menu] }), 'errors')).to.deep.equal([
      `/rewards/0/items/menuItems/0 ambiguous menu item "Fries": 2 different entries at restaurant ${DEMO} (${FRIES}, a1f0c3d2-0099-4b5e-9c1a-000000000099); use the GUID`,
    ]);
  });

  it('names without any catalogue for the locations are errors that say how to get one', () => {
    const none = validateProgram(demoByName());
    expect(messages(none, 'errors')[0]).to.equal('/rewards/0/items/menuItems/0 menu item "Fries" cannot be resolved: no menu catalogue for this program\'s locations (import one with npm run menu, or pass --menu <file>)');
    const otherRestaurant = { ...demoMenu(), restaurantGuid: 'c0ffee00-0000-4000-8000-000000000000' };
    const r = validateProgram(demoByName(), { menus: [otherRestaurant] });
    expect(messages(r, 'errors')).to.have.length(4);
    expect(messages(r, 'warnings')).to.deep.equal(['/locations no menu catalogue for any of this program\'s locations: item GUIDs are not checked']);
  });

  it('warns about GUIDs no location\'s catalogue knows (and does not fail for them)', () => {
    const d = demo();
    d.rewards[0].items.menuItems.push('a1f0c3d2-dead-4b5e-9c1a-00000000dead');
    d.promotions[1].eligibility = { all: [{ fact: 'salesCategoryQuantity', params: { guid: 'no-such-category' }, operator: 'greaterThan', value: 0 }] };
    const r = validateProgram(d, { menus: [demoMenu()] });
    expect(r.ok).to.equal(true);
    expect(messages(r, 'warnings')).to.deep.equal([
      '/promotions/1/eligibility/all/0/params/guid sales category GUID "no-such-category" is on no location\'s menu',
      '/rewards/0/items/menuItems/1 menu item GUID "a1f0c3d2-dead-4b5e-9c1a-00000000dead" is on no location\'s menu',
    ]);
    // GUIDs in fixtures are what a POS sent, not rule references: never warned about.
    expect(messages(r, 'warnings').some((w) => w.startsWith('/fixtures'))).to.equal(false);
  });

  it('a name resolves at every location that has it; a location without it is a warning', () => {
    const d = demoByName();
    const second = 'c0ffee00-0000-4000-8000-0000000000aa';
    d.locations.push({ guid: second, name: 'Demo Burger Co. - Midtown', timezone: 'America/New_York', tags: [] });
    const midtown: RestaurantMenu = { restaurantGuid: second, lastUpdated: 'x', entities: [{ kind: 'GROUP', guid: 'midtown-burgers', name: 'Burgers' }] };
    const r = validateProgram(d, { menus: [demoMenu(), midtown] });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect((r.program.rewards[1] as Json).items.menuGroups).to.deep.equal([BURGERS, 'midtown-burgers']);
    expect(messages(r, 'warnings')).to.include(`/rewards/0/items/menuItems/0 menu item "Fries" is not on the menu of restaurant ${second}`);
  });

  it('the schema refuses a name entry of the wrong shape', () => {
    const d = demo();
    d.rewards[0].items = { menuItems: [{ title: 'Fries' }] };
    expect(messages(validateProgram(d, { menus: [demoMenu()] }), 'errors').some((e) => e.startsWith('/rewards/0/items/menuItems/0'))).to.equal(true);
  });

  it('validation does not change its input (the file stays written by name)', () => {
    const d = demoByName();
    const before = JSON.stringify(d);
    const r = validateProgram(d, { menus: [demoMenu()] });
    expect(r.ok).to.equal(true);
    expect(JSON.stringify(d)).to.equal(before);
    expect((r as { program: Program }).program).to.not.equal(d);
  });
});
