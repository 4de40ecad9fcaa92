/**
 * Issue 9 §4–§5: what an ACCRUE stores is the check as normalised at the Toast edge (cents,
 * GUIDs, quantities, canonical dates) and nothing else — no `customer`, `tabName`, card digits or
 * unknown nested members — and a body nested past the bound is a clear 400, not a 500.
 */
import { expect } from 'chai';
import request from 'supertest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { expectValid, toast } from '../../support/toast-client.js';
import { accrueRequest, paidCheck, payment, selection, toastHeaders } from '../../support/toast-requests.js';

/** Every member a NormalizedCheck has; a stored check must have exactly these. */
const NORMALIZED_CHECK_KEYS = [
  'amountCents', 'checkGuid', 'checkLoyaltyDiscounts', 'checkNonLoyaltyDiscountCents', 'closedDate', 'hasNonLoyaltyCheckDiscount',
  'lines', 'openedDate', 'paidDate', 'paymentStatus', 'taxCents', 'tipCents', 'totalCents', 'voided',
];

function nested(depth: number): unknown {
  let node: unknown = { leaf: true };
  for (let i = 0; i < depth; i += 1) node = { a: node };
  return node;
}

describe('ACCRUE stores only the normalised check', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'stored' }); });
  after(async () => { await t.close(); });

  it('no guest data, no unknown members, amounts in cents, dates canonical', async () => {
    const member = await seedMember(t.deps);
    const check = {
      ...paidCheck({
        selections: [selection({ price: 2.67499999999, preDiscountPrice: 2.67499999999, unitOfMeasure: 'LB', quantity: 0.5 })],
        payments: [payment(2.67, { last4Digits: '4242', cardType: 'VISA', tipAmount: '1.005' })],
        tabName: 'Ada Lovelace',
      }),
      openedDate: 1549306677657,
      paidDate: '1549306777657',
      closedDate: '2019-02-04T19:01:17.657+0000',
      customer: { firstName: 'Ada', lastName: 'Lovelace', phone: '6175550123', email: 'ada@example.com' },
      somethingNew: nested(20),
    };
    const r = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check }));
    expect(r.status).to.equal(200);
    const stored = await t.deps.models.Accrual.findOne({ checkGuid: check.guid }).lean();
    const kept = stored?.check as Record<string, unknown>;
    expect(Object.keys(kept).sort()).to.deep.equal(NORMALIZED_CHECK_KEYS);
    const text = JSON.stringify(kept);
    for (const secret of ['Ada', 'Lovelace', '6175550123', 'ada@example.com', '4242', 'VISA', 'somethingNew', 'leaf']) expect(text).not.to.include(secret);
    expect(kept).to.include({ openedDate: '2019-02-04T18:57:57.657Z', paidDate: '2019-02-04T18:59:37.657Z', closedDate: '2019-02-04T19:01:17.657Z', tipCents: 101 });
    expect((kept.lines as Record<string, unknown>[])[0]).to.include({ toastPriceCents: 267, netCents: 267, quantity: 0.5, unitOfMeasure: 'LB' });
    expect(stored?.checkTime.toISOString()).to.equal('2019-02-04T18:59:37.657Z');
  });

  it('a body nested deeper than 32 levels is 400 ERROR_INVALID_INPUT_PROPERTIES (4,000 levels answered 500 before)', async () => {
    const member = await seedMember(t.deps);
    for (const depth of [40, 4000]) {
      const body = accrueRequest(member.loyaltyIdentifier, { check: { ...paidCheck(), extra: nested(depth) } as never });
      const res = await request(t.app).post('/toast/loyalty').set(toastHeaders('LOYALTY_ACCRUE')).send(body);
      const reply = expectValid('LOYALTY_ACCRUE', res.status, res.text);
      expect(res.status, res.text).to.equal(400);
      expect(reply.body).to.include({ transactionStatus: 'ERROR_INVALID_INPUT_PROPERTIES' });
      expect((reply.body as { message?: string }).message).to.match(/^\/checkTransactionInformation\/check\/extra(\/a)+…?: nests deeper than 32 levels$/);
    }
    expect(await t.deps.models.Accrual.countDocuments({ memberId: member._id })).to.equal(0);
  });
});
