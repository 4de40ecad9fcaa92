/**
 * The catalogue store on the real MongoDB-compatible server: imports switch a restaurant's
 * catalogue atomically (readers see the old names or the new ones, never a mix or nothing),
 * a refused document writes nothing, a crash before the switch leaves the old catalogue
 * active, and concurrent imports leave the active version and the one it replaced, both complete.
 */
import { expect } from 'chai';
import type mongoose from 'mongoose';
import type { RestaurantMenu } from '../../../rules/index.js';
import { activeCatalogue, loadMenus, storeMenu } from '../../../server/menus/catalogue-store.js';
import { importMenuDocument } from '../../../server/menus/import.js';
import { itemNames, menuEntityNames } from '../../../server/menus/names.js';
import { readToastMenusDocument } from '../../../server/menus/toast-menus-document.js';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import { connectTestDb, dropTestDb } from '../../support/services.js';
import { DEMO_RESTAURANT, fixture } from '../../support/toast-api-stub.js';

const BURGER = 'a1f0c3d2-0001-4b5e-9c1a-000000000001';
const FRIES = 'a1f0c3d2-0010-4b5e-9c1a-000000000010';
const NOW = new Date('2026-12-01T12:00:00Z');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The sample with every name suffixed: a reader can tell the two versions apart by any name. */
function renamed(suffix: string, lastUpdated: string): Json {
  const text = JSON.stringify(fixture('demo-menus.json')).replace(/"name":"([^"]+)"/g, `"name":"$1${suffix}"`);
  return { ...JSON.parse(text) as Json, lastUpdated };
}

function menuOf(doc: unknown): RestaurantMenu {
  const r = readToastMenusDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.menu;
}

describe('menu catalogue store', () => {
  let conn: mongoose.Connection;
  let models: Models;

  beforeEach(async () => {
    conn = await connectTestDb('catalogue');
    models = await registerModels(conn);
  });
  afterEach(async () => { await dropTestDb(conn); });

  it('imports a document; names by GUID come from the active version; re-import is unchanged', async () => {
    const first = await importMenuDocument(models, fixture('demo-menus.json'), { restaurantGuid: DEMO_RESTAURANT, source: 'file:test', now: NOW });
    expect(first).to.deep.include({ ok: true });
    expect((first as { outcome: { status: string } }).outcome.status).to.equal('imported');
    expect(Object.fromEntries(await itemNames(models, DEMO_RESTAURANT, [BURGER, FRIES, 'unknown-guid']))).to.deep.equal({ [BURGER]: 'Classic Burger', [FRIES]: 'Fries' });
    expect(Object.fromEntries(await menuEntityNames(models, DEMO_RESTAURANT, ['a1f0c3d2-1001-4b5e-9c1a-000000001001']))).to.deep.equal({ 'a1f0c3d2-1001-4b5e-9c1a-000000001001': 'Burgers' });
    const again = await importMenuDocument(models, fixture('demo-menus.json'), { restaurantGuid: DEMO_RESTAURANT, source: 'file:test', now: NOW });
    expect((again as { outcome: { status: string } }).outcome.status).to.equal('unchanged');
    expect(await models.MenuEntry.countDocuments({})).to.equal(23);
    const [menu] = await loadMenus(models, [DEMO_RESTAURANT, 'no-catalogue-here']);
    expect(menu!.entities).to.have.length(23);
  });

  it('a malformed or partial document writes nothing and keeps the previous catalogue', async () => {
    await importMenuDocument(models, fixture('demo-menus.json'), { restaurantGuid: DEMO_RESTAURANT, source: 'file:test', now: NOW });
    const pointer = await activeCatalogue(models, DEMO_RESTAURANT);
    const partial = renamed(' v2', '2026-12-01T00:00:00.000+0000');
    partial.menus[0].menuGroups[2].menuItems[1].name = '';
    const refused = await importMenuDocument(models, partial, { restaurantGuid: DEMO_RESTAURANT, source: 'file:test', now: NOW });
    expect(refused).to.deep.equal({ ok: false, errors: [{ path: '/menus/0/menuGroups/2/menuItems/1/name', message: 'must be a non-empty string of at most 500 characters' }] });
    const wrongRestaurant = await importMenuDocument(models, fixture('demo-menus.json'), { restaurantGuid: 'c0ffee00-0000-4000-8000-000000000000', source: 'file:test', now: NOW });
    expect(wrongRestaurant.ok).to.equal(false);
    expect(await activeCatalogue(models, DEMO_RESTAURANT)).to.deep.equal(pointer);
    expect(await models.MenuEntry.countDocuments({})).to.equal(23);
    expect(await activeCatalogue(models, 'c0ffee00-0000-4000-8000-000000000000')).to.equal(null);
  });

  it('a crash between writing a version and switching to it leaves the old catalogue active', async () => {
    await storeMenu(models, menuOf(fixture('demo-menus.json')), 'file:v1', NOW);
    // Fault: the process dies right before the pointer moves (both ways the pointer can move).
    const crashing = {
      ...models,
      MenuCatalogue: new Proxy(models.MenuCatalogue, {
        get: (target, prop, receiver) => (prop === 'updateOne' || prop === 'create'
          ? () => { throw new Error('crash before the switch'); }
          : Reflect.get(target, prop, receiver) as unknown),
      }),
    } as Models;
    const v2 = menuOf(renamed(' v2', '2026-12-01T00:00:00.000+0000'));
    await storeMenu(crashing, v2, 'file:v2', NOW).then(() => expect.fail('should crash'), (err: Error) => expect(err.message).to.equal('crash before the switch'));
    expect(await models.MenuEntry.countDocuments({})).to.equal(46); // the new version's entries were written…
    expect(Object.fromEntries(await itemNames(models, DEMO_RESTAURANT, [BURGER]))).to.deep.equal({ [BURGER]: 'Classic Burger' }); // …but are not read
    // The retried import switches; an hour later the abandoned attempt's entries are swept.
    expect((await storeMenu(models, v2, 'file:v2', NOW)).status).to.equal('imported');
    expect(Object.fromEntries(await itemNames(models, DEMO_RESTAURANT, [BURGER]))).to.deep.equal({ [BURGER]: 'Classic Burger v2' });
    await storeMenu(models, menuOf(renamed(' v3', '2026-12-02T00:00:00.000+0000')), 'file:v3', new Date(NOW.getTime() + 2 * 3600_000));
    const pointer = await activeCatalogue(models, DEMO_RESTAURANT);
    // Left: the active version and the one it replaced (kept for readers mid-switch);
    // the abandoned attempt was swept.
    expect(await models.MenuEntry.countDocuments({})).to.equal(46);
    expect(await models.MenuEntry.countDocuments({ versionId: pointer!.versionId })).to.equal(23);
    expect(await models.MenuEntry.countDocuments({ versionId: pointer!.previousVersionId })).to.equal(23);
  });

  it('readers during concurrent imports see one whole version at a time; one complete version remains', async () => {
    const versions = [1, 2, 3, 4, 5, 6].map((n) => menuOf(renamed(` v${n}`, `2026-12-0${n}T00:00:00.000+0000`)));
    await storeMenu(models, versions[0]!, 'file:v1', NOW);
    let reading = true;
    const seen = new Set<string>();
    const reader = (async () => {
      while (reading) {
        const names = await itemNames(models, DEMO_RESTAURANT, [BURGER, FRIES]);
        const burger = names.get(BURGER);
        const fries = names.get(FRIES);
        expect(burger, 'a reader saw no catalogue').to.be.a('string');
        expect(burger!.replace('Classic Burger', ''), 'a reader saw two versions mixed').to.equal(fries!.replace('Fries', ''));
        seen.add(burger!);
      }
    })();
    const outcomes = await Promise.all(versions.slice(1).map((v, i) => storeMenu(models, v, `file:v${i + 2}`, NOW)));
    reading = false;
    await reader;
    expect(outcomes.every((o) => o.status === 'imported')).to.equal(true);
    expect(seen.size).to.be.greaterThan(0);
    const pointer = await activeCatalogue(models, DEMO_RESTAURANT);
    expect(await models.MenuEntry.countDocuments({ versionId: pointer!.versionId })).to.equal(23);
    expect(await models.MenuEntry.countDocuments({ versionId: pointer!.previousVersionId })).to.equal(23);
    expect(await models.MenuEntry.countDocuments({})).to.equal(46);
  });
});
