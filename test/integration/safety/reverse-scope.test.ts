/**
 * Issue 9 item 8: a REVERSE finds only transactions of its own restaurant. The cafe program has
 * two locations; a GUID used at one names nothing at the other.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { accrueRequest, paidCheck, reverseRequest, selection } from '../../support/toast-requests.js';

const CAFE_1 = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01';
const CAFE_2 = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d02';

describe('REVERSE is scoped to its restaurant', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'revscope' }); });
  after(async () => { await t.close(); });

  it('an ACCRUE at one location cannot be reversed from another location of the same program', async () => {
    const member = await seedMember(t.deps, { programId: 'cafe' });
    const guid = randomUUID();
    const paid = { ...paidCheck({ selections: [selection({ price: 12 })] }), paidDate: '2026-12-01T15:00:00.000+0000' };
    const accrued = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paid }), { guid, restaurant: CAFE_1 });
    expect(accrued.body.transactionStatus).to.equal('ACCEPT');
    // The stored answer is lost (as after a crash), so only the accrual itself can be found.
    await t.deps.models.ToastTransaction.deleteOne({ transactionGuid: guid });

    const elsewhere = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier), { restaurant: CAFE_2 });
    expect(elsewhere.body.transactionStatus).to.equal('ERROR_TRANSACTION_DOES_NOT_EXIST');
    expect((await t.deps.models.Accrual.findOne({ transactionGuids: guid }).lean())!.state).to.not.equal('REVERSED');

    const here = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier), { restaurant: CAFE_1 });
    expect(here.body.transactionStatus).to.equal('ACCEPT');
    expect((await t.deps.models.Accrual.findOne({ transactionGuids: guid }).lean())!.state).to.equal('REVERSED');
  });

  it('with a stored answer, too: the other location answers DOES_NOT_EXIST', async () => {
    const member = await seedMember(t.deps, { programId: 'cafe' });
    const guid = randomUUID();
    const paid = { ...paidCheck({ selections: [selection({ price: 8 })] }), paidDate: '2026-12-01T15:00:00.000+0000' };
    await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paid }), { guid, restaurant: CAFE_1 });
    const elsewhere = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier), { restaurant: CAFE_2 });
    expect(elsewhere.body.transactionStatus).to.equal('ERROR_TRANSACTION_DOES_NOT_EXIST');
    expect((await t.deps.models.Accrual.findOne({ transactionGuids: guid }).lean())!.state).to.not.equal('REVERSED');
  });
});
