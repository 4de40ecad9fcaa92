/**
 * The Toast menus client and sync against a local stub of Toast's APIs serving the recorded
 * sample: login, metadata-first (no download while lastUpdated is unchanged), 401, retries on
 * 5xx, and the previous catalogue kept whenever Toast fails.
 */
import { expect } from 'chai';
import type mongoose from 'mongoose';
import { ManualClock } from '../../../server/clock.js';
import { activeCatalogue } from '../../../server/menus/catalogue-store.js';
import { itemNames } from '../../../server/menus/names.js';
import { syncAllLocations, syncRestaurant } from '../../../server/menus/sync.js';
import { ToastApiError } from '../../../server/menus/toast-api-error.js';
import { ToastMenusClient } from '../../../server/menus/toast-client.js';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import { connectTestDb, dropTestDb } from '../../support/services.js';
import { CLIENT, DEMO_RESTAURANT, fixture, ToastApiStub } from '../../support/toast-api-stub.js';

const BURGER = 'a1f0c3d2-0001-4b5e-9c1a-000000000001';
const MUSHROOM = 'a1f0c3d2-0004-4b5e-9c1a-000000000004';

describe('Toast menus client and sync (local Toast stub)', () => {
  let stub: ToastApiStub;
  let conn: mongoose.Connection;
  let models: Models;
  const clock = new ManualClock('2026-12-01T05:15:00Z');
  const client = (overrides: Partial<ConstructorParameters<typeof ToastMenusClient>[0]> = {}): ToastMenusClient =>
    new ToastMenusClient({ url: stub.url, ...CLIENT, backoffMs: 5, timeoutMs: 2000, ...overrides });

  beforeEach(async () => {
    stub = await new ToastApiStub().start();
    conn = await connectTestDb('menus');
    models = await registerModels(conn);
  });
  afterEach(async () => {
    await stub.stop();
    await dropTestDb(conn);
  });

  it('logs in with client credentials and sends the bearer token and restaurant header', async () => {
    const meta = await client().metadata(DEMO_RESTAURANT);
    expect(meta).to.deep.equal({ restaurantGuid: DEMO_RESTAURANT, lastUpdated: '2026-11-20T14:03:12.000+0000' });
    const [login, metadata] = stub.requests;
    expect(login).to.include({ method: 'POST', path: '/authentication/v1/authentication/login' });
    expect(JSON.parse(login!.body)).to.deep.equal({ ...CLIENT, userAccessType: 'TOAST_MACHINE_CLIENT' });
    expect(metadata).to.include({ method: 'GET', path: '/menus/v2/metadata', restaurant: DEMO_RESTAURANT, authorization: 'Bearer token-1' });
  });

  it('downloads the menus on the first sync, and not again while lastUpdated is unchanged', async () => {
    const c = client();
    const first = await syncRestaurant(models, c, DEMO_RESTAURANT, clock.now());
    expect(first).to.include({ status: 'updated', lastUpdated: '2026-11-20T14:03:12.000+0000', entities: 23 });
    expect(stub.count('/menus/v2/menus')).to.equal(1);
    const second = await syncRestaurant(models, c, DEMO_RESTAURANT, clock.now());
    expect(second).to.include({ status: 'unchanged' });
    expect(stub.count('/menus/v2/metadata')).to.equal(2);
    expect(stub.count('/menus/v2/menus')).to.equal(1);
    expect(stub.count('/authentication/v1/authentication/login')).to.equal(1);
  });

  it('downloads again when Toast publishes a newer menu, and the new items get names', async () => {
    const c = client();
    await syncRestaurant(models, c, DEMO_RESTAURANT, clock.now());
    expect((await itemNames(models, DEMO_RESTAURANT, [MUSHROOM])).size).to.equal(0);
    stub.menus.set(DEMO_RESTAURANT, fixture('demo-menus-updated.json'));
    const outcome = await syncRestaurant(models, c, DEMO_RESTAURANT, clock.now());
    expect(outcome).to.include({ status: 'updated', lastUpdated: '2026-11-27T09:41:05.000+0000', previous: '2026-11-20T14:03:12.000+0000' });
    expect(stub.count('/menus/v2/menus')).to.equal(2);
    expect(Object.fromEntries(await itemNames(models, DEMO_RESTAURANT, [MUSHROOM, BURGER]))).to.deep.equal({ [MUSHROOM]: 'Mushroom Swiss Burger', [BURGER]: 'Classic Burger' });
  });

  it('401 on login: a clear UNAUTHORIZED that names no secret, and the previous catalogue is kept', async () => {
    await syncRestaurant(models, client(), DEMO_RESTAURANT, clock.now());
    const before = await activeCatalogue(models, DEMO_RESTAURANT);
    stub.menus.set(DEMO_RESTAURANT, fixture('demo-menus-updated.json'));
    const bad = client({ clientSecret: 'wrong-secret-value' });
    const err = await bad.metadata(DEMO_RESTAURANT).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ToastApiError).and.to.include({ code: 'UNAUTHORIZED' });
    expect((err as Error).message).to.contain('TOAST_CLIENT_ID and TOAST_CLIENT_SECRET').and.not.contain('wrong-secret-value');
    const outcome = await syncRestaurant(models, bad, DEMO_RESTAURANT, clock.now());
    expect(outcome).to.include({ status: 'failed', code: 'UNAUTHORIZED' });
    expect(JSON.stringify(outcome)).to.not.contain('wrong-secret-value');
    expect(await activeCatalogue(models, DEMO_RESTAURANT)).to.deep.equal(before);
  });

  it('401 on a data request: logs in once more (expired token), then succeeds', async () => {
    const c = client();
    await c.metadata(DEMO_RESTAURANT);
    stub.token = 'token-2'; // Toast no longer accepts token-1
    expect((await c.metadata(DEMO_RESTAURANT)).lastUpdated).to.equal('2026-11-20T14:03:12.000+0000');
    expect(stub.count('/authentication/v1/authentication/login')).to.equal(2);
  });

  it('retries 5xx and 429 with backoff and succeeds; gives up with UNAVAILABLE after the retries', async () => {
    stub.failures.set('/menus/v2/metadata', [503, 429, 500]);
    expect((await client().metadata(DEMO_RESTAURANT)).lastUpdated).to.equal('2026-11-20T14:03:12.000+0000');
    expect(stub.count('/menus/v2/metadata')).to.equal(4);
    stub.failures.set('/menus/v2/menus', [503, 503, 503, 503]);
    const outcome = await syncRestaurant(models, client(), DEMO_RESTAURANT, clock.now());
    expect(outcome).to.include({ status: 'failed', code: 'UNAVAILABLE' });
    expect(stub.count('/menus/v2/menus')).to.equal(4);
    expect(await activeCatalogue(models, DEMO_RESTAURANT)).to.equal(null);
  });

  it('Toast unreachable: UNAVAILABLE with the reason, previous catalogue kept', async () => {
    await syncRestaurant(models, client(), DEMO_RESTAURANT, clock.now());
    const url = stub.url;
    await stub.stop();
    const outcome = await syncRestaurant(models, new ToastMenusClient({ url, ...CLIENT, backoffMs: 5, retries: 1 }), DEMO_RESTAURANT, clock.now());
    expect(outcome).to.include({ status: 'failed', code: 'UNAVAILABLE' });
    expect((outcome as { message: string }).message).to.match(/unreachable after 2 attempts/).and.match(/previous catalogue kept/);
    expect((await activeCatalogue(models, DEMO_RESTAURANT))?.lastUpdated).to.equal('2026-11-20T14:03:12.000+0000');
    stub = await new ToastApiStub().start(); // for afterEach
  });

  it('a malformed menus document from Toast is refused with its path; previous catalogue kept', async () => {
    await syncRestaurant(models, client(), DEMO_RESTAURANT, clock.now());
    const broken = fixture('demo-menus-updated.json') as { menus: { menuGroups: { menuItems: { guid?: string }[] }[] }[] };
    delete broken.menus[0]!.menuGroups[0]!.menuItems[1]!.guid;
    stub.menus.set(DEMO_RESTAURANT, broken);
    const outcome = await syncRestaurant(models, client(), DEMO_RESTAURANT, clock.now());
    expect(outcome).to.include({ status: 'failed', code: 'BAD_RESPONSE' });
    expect((outcome as { message: string }).message).to.contain('/menus/0/menuGroups/0/menuItems/1/guid');
    expect((await activeCatalogue(models, DEMO_RESTAURANT))?.lastUpdated).to.equal('2026-11-20T14:03:12.000+0000');
  });

  it('syncs every published location; an unknown restaurant (404) fails alone', async () => {
    await models.Location.create({ _id: DEMO_RESTAURANT, programId: 'demo', name: 'Demo', timezone: 'America/New_York' });
    await models.Location.create({ _id: 'c0ffee00-0000-4000-8000-00000000beef', programId: 'cafe', name: 'Cafe', timezone: 'America/Chicago' });
    const outcomes = await syncAllLocations(models, client(), clock.now());
    expect(outcomes.map((o) => [o.restaurantGuid, o.status])).to.deep.equal([
      [DEMO_RESTAURANT, 'updated'],
      ['c0ffee00-0000-4000-8000-00000000beef', 'failed'],
    ]);
    expect(outcomes[1]).to.include({ code: 'NOT_FOUND' });
  });

  it('refuses to start without configuration', () => {
    expect(() => new ToastMenusClient({ url: '', clientId: 'x', clientSecret: 'y' })).to.throw(ToastApiError, /TOAST_API_URL/);
  });
});
