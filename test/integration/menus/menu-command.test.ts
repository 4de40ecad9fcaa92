/**
 * `npm run menu` as an operator runs it (tsx scripts/menu.ts) against a database of its own:
 * import of an exported menus document, a refused document (exit 1, paths, nothing written),
 * show, and sync without Toast credentials (exit 2 with what to set).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { serviceUrls, uniqueDbName } from '../../support/services.js';
import { DEMO_RESTAURANT } from '../../support/toast-api-stub.js';

describe('npm run menu', function () {
  this.timeout(60000);
  let uri: string;

  before(() => {
    const base = new URL(serviceUrls().mongodbUri);
    base.pathname = `/${uniqueDbName('menucmd')}`;
    uri = base.toString();
  });
  after(async () => {
    const conn = await mongoose.createConnection(uri).asPromise();
    await conn.dropDatabase();
    await conn.close();
  });

  const menu = (...args: string[]): { code: number | null; out: string } => {
    const env = { ...process.env, MONGODB_URI: uri, TOAST_API_URL: '', TOAST_CLIENT_ID: '', TOAST_CLIENT_SECRET: '' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/menu.ts', ...args], { encoding: 'utf8', env });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };

  it('imports an exported menus document, shows it, and says unchanged on a re-import', () => {
    const first = menu('import', '--restaurant', DEMO_RESTAURANT, '--file', 'test/fixtures/toast-menus/demo-menus.json');
    expect(first.code, first.out).to.equal(0);
    expect(first.out).to.contain(`${DEMO_RESTAURANT}  imported: lastUpdated 2026-11-20T14:03:12.000+0000, 23 menu entities`);
    expect(menu('import', '--restaurant', DEMO_RESTAURANT, '--file', 'test/fixtures/toast-menus/demo-menus.json').out).to.contain('unchanged');
    const show = menu('show', '--restaurant', DEMO_RESTAURANT);
    expect(show.code, show.out).to.equal(0);
    expect(show.out).to.contain('ITEM           a1f0c3d2-0001-4b5e-9c1a-000000000001  Classic Burger');
  });

  it('refuses a partial document with its paths and keeps the catalogue (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'menu-cmd-'));
    writeFileSync(join(dir, 'partial.json'), JSON.stringify({ restaurantGuid: DEMO_RESTAURANT, lastUpdated: '2026-12-01T00:00:00.000+0000', menus: [{ guid: 'm', name: 'M', menuGroups: [{ guid: 'g', name: 'G' }] }] }));
    const r = menu('import', '--restaurant', DEMO_RESTAURANT, '--file', join(dir, 'partial.json'));
    expect(r.code).to.equal(1);
    expect(r.out).to.contain('nothing imported, the previous catalogue stays active').and.contain('  /menus/0/menuGroups/0/menuItems must be an array');
    expect(menu('show', '--restaurant', DEMO_RESTAURANT).out).to.contain('lastUpdated 2026-11-20T14:03:12.000+0000');
  });

  it('sync without Toast credentials says what to set (exit 2); bad usage exits 2', () => {
    const r = menu('sync');
    expect(r.code).to.equal(2);
    expect(r.out).to.contain('set TOAST_API_URL, TOAST_CLIENT_ID and TOAST_CLIENT_SECRET');
    expect(menu('import', '--restaurant', DEMO_RESTAURANT).code).to.equal(2);
    expect(menu('nonsense').code).to.equal(2);
  });
});
