/**
 * The item report: menu items bought on loyalty checks, by the names of the restaurant's
 * imported Toast menu (not the POS's abbreviations), net of a reversed check and a refund line,
 * with the POS name or the GUID where the menu does not know the item; JSON and CSV; refusals.
 * A member's ledger shows the same names as provenance: what each earning check bought, what a
 * reward discounted.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';
import { importSampleMenus } from '../../../server/menus/sample-menus.js';
import { refreshRecentDays } from '../../../server/reports/daily-rollup.js';
import type { TestApp } from '../../support/app.js';
import { burger, fries } from '../../support/demo-menu.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { accrueRequest, check, loyaltyDiscount, paidCheck, redeemRequest, redemption, reverseRequest, selection } from '../../support/toast-requests.js';
import type { Selection } from '../../../server/toast/schemas/index.js';
import { admin, ADMIN_KEYS, startAdminApp } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const report = '/admin/v1/programs/demo/reports/items';

describe('admin API: item report', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    t = await startAdminApp();
    await importSampleMenus(t.deps.models, 'rules/programs/menus', t.clock.now());
  });
  after(async () => { await t.close(); });

  async function pay(member: MemberRecord, selections: Selection[], onCheck = check({ selections })): Promise<string> {
    const guid = randomUUID();
    const at = t.clock.now().toISOString();
    const reply = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: { ...paidCheck(onCheck), paidDate: at, closedDate: at } }), { guid });
    expect(reply.status).to.equal(200);
    const stored = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
    expect(await postAccrual(t.deps, stored!.accrualId!, t.clock.now())).to.equal('POSTED');
    return guid;
  }

  let body: Json;

  it('names items from the imported menu, nets out a reversed check and a refund line, largest sales first', async () => {
    const ada = await seedMember(t.deps, {});
    const bo = await seedMember(t.deps, {});
    const shake = randomUUID();
    await pay(ada, [
      // The POS abbreviates; the menu's name is what a program manager recognises.
      burger(20, { displayName: 'BRGR QTR', quantity: 2 }),
      fries(6.98, { quantity: 2 }),
      fries(-3.49, { displayName: 'Fries (refund)' }),
      selection({ displayName: 'Mystery Shake', price: 5, menuItemGuid: shake }),
      // A weighed item the menu does not know and the POS did not name.
      selection({ displayName: null, price: 7.5, quantity: 1.25, unitOfMeasure: 'LB', menuItemGuid: 'c0ffee00-9999-4000-8000-000000000009' } as Partial<Selection>),
    ]);
    const voided = await pay(bo, [burger(10)]);
    expect((await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(voided, bo.loyaltyIdentifier))).status).to.equal(200);
    await refreshRecentDays(t.deps.models, t.clock.now());

    const res = await admin(t, 'get', `${report}?from=2026-11-30&to=2026-12-03`);
    expect(res.status).to.equal(200);
    body = res.body as Json;
    expect(body).to.include({ programId: 'demo', timezone: 'America/New_York', location: null });
    expect(body.items).to.deep.equal([
      { guid: 'a1f0c3d2-0001-4b5e-9c1a-000000000001', name: 'Classic Burger', nameSource: 'MENU', quantity: 2, salesCents: 2000 },
      { guid: 'c0ffee00-9999-4000-8000-000000000009', name: 'c0ffee00-9999-4000-8000-000000000009', nameSource: 'GUID', quantity: 1.25, salesCents: 750 },
      { guid: shake, name: 'Mystery Shake', nameSource: 'POS', quantity: 1, salesCents: 500 },
      { guid: 'a1f0c3d2-0010-4b5e-9c1a-000000000010', name: 'Fries', nameSource: 'MENU', quantity: 1, salesCents: 349 },
    ]);
  });

  it('answers CSV with names, one line per item', async () => {
    const res = await admin(t, 'get', `${report}?from=2026-11-30&to=2026-12-03`).set('Accept', 'text/csv');
    expect(res.status).to.equal(200);
    expect(res.headers['content-disposition']).to.equal('attachment; filename="demo-items-2026-11-30-2026-12-03.csv"');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).to.equal('item,name,name_source,quantity,sales');
    expect(lines[1]).to.equal('a1f0c3d2-0001-4b5e-9c1a-000000000001,Classic Burger,MENU,2,20.00');
    expect(lines[4]).to.equal('a1f0c3d2-0010-4b5e-9c1a-000000000010,Fries,MENU,1,3.49');
    expect(lines).to.have.length(1 + body.items.length);
  });

  it('refuses a reversed range (400 with the path), a foreign location (404) and another program\'s key (403)', async () => {
    const reversed = await admin(t, 'get', `${report}?from=2026-12-03&to=2026-12-01`);
    expect(reversed.status).to.equal(400);
    expect(reversed.body.error.problems[0]).to.include({ in: 'query', path: '/to' });
    expect((await admin(t, 'get', `${report}?from=2026-12-01&to=2026-12-01&location=c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01`)).status).to.equal(404);
    expect((await admin(t, 'get', `${report}?from=2026-12-01&to=2026-12-01`, ADMIN_KEYS.cafe)).status).to.equal(403);
  });

  it("a member's ledger names the items behind each entry: the check's purchases, the reward's discounted item", async () => {
    const cy = await seedMember(t.deps, { points: 100 });
    const target = fries(3.49, { displayName: 'FRY REG' });
    const discount = loyaltyDiscount('free-fries', 3.49);
    const c = check({ selections: [burger(9, { displayName: 'BRGR QTR' }), { ...target, appliedDiscounts: [discount] }] });
    const redeem = await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(cy.loyaltyIdentifier, {
      check: c, redemptions: [redemption('free-fries', { selectionGuid: target.guid, appliedDiscountGuid: discount.guid })],
    }));
    expect(redeem.body.transactionStatus).to.equal('ACCEPT');
    await pay(cy, [], c);
    const res = await admin(t, 'get', `/admin/v1/programs/demo/members/${cy.loyaltyIdentifier}/ledger`);
    expect(res.status).to.equal(200);
    const byKind = (kind: string): Json => res.body.entries.find((e: Json) => e.kind === kind).provenance;
    expect(byKind('REDEEM').items).to.deep.equal([{ guid: 'a1f0c3d2-0010-4b5e-9c1a-000000000010', name: 'Fries', quantity: 1 }]);
    expect(byKind('ACCRUE').items).to.deep.equal([
      { guid: 'a1f0c3d2-0001-4b5e-9c1a-000000000001', name: 'Classic Burger', quantity: 1 },
      { guid: 'a1f0c3d2-0010-4b5e-9c1a-000000000010', name: 'Fries', quantity: 1 },
    ]);
    // An entry without a check (the seeded opening balance) names no items.
    expect(res.body.entries.at(-1).provenance.items).to.deep.equal([]);
  });
});
