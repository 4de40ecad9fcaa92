/**
 * One evaluation per check (issue 11 §3), through the webhook: an INQUIRE and a REDEEM each run
 * the program's condition trees once (json-rules-engine `run()`), where offers, validation,
 * accrual and — for REDEEM — the offers after its debits used to run them three and four times.
 */
import { expect } from 'chai';
import { Engine } from 'json-rules-engine';
import { startTestApp, type TestApp } from '../../support/app.js';
import { burger, fries } from '../../support/demo-menu.js';
import { balanceOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import request from 'supertest';
import { check, inquireRequest, loyaltyDiscount, redeemRequest, redemption, toastHeaders } from '../../support/toast-requests.js';

/** Counts json-rules-engine runs while `fn` runs. */
async function engineRuns<T>(fn: () => Promise<T>): Promise<{ runs: number; result: T }> {
  const original = Engine.prototype.run;
  let runs = 0;
  Engine.prototype.run = function counted(this: Engine, ...args: Parameters<Engine['run']>) {
    runs++;
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), runs };
  } finally {
    Engine.prototype.run = original;
  }
}

describe('Toast webhook: one rules-engine evaluation per check (issue 11 §3), no work per answer nobody uses (§4)', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'oneeval' }); });
  after(async () => { await t.close(); });

  it('INQUIRE runs the conditions once and still answers offers, redemptions and points to earn', async () => {
    const member = await seedMember(t.deps, { points: 60 });
    const friesSel = fries(3.49);
    const discount = loyaltyDiscount('free-fries', 3.49);
    const body = inquireRequest(member.loyaltyIdentifier, {
      check: check({ selections: [burger(), { ...friesSel, appliedDiscounts: [discount] }] }),
      redemptions: [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: discount.guid })],
    });
    const { runs, result: reply } = await engineRuns(() => toast(t.app, 'LOYALTY_INQUIRE', body));
    expect(reply.status).to.equal(200);
    expect(runs).to.equal(1);
    const answer = reply.body.checkResponse!;
    expect(answer.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['free-fries']);
    expect(answer.offers!.length).to.be.greaterThan(0);
    expect(answer.userMessage).to.match(/\d+ points?/);
  });

  it('REDEEM runs the conditions once, also for the offers it answers after its debit', async () => {
    const member = await seedMember(t.deps, { points: 60 });
    const friesSel = fries(3.49);
    const discount = loyaltyDiscount('free-fries', 3.49);
    const body = redeemRequest(member.loyaltyIdentifier, {
      check: check({ selections: [burger(), { ...friesSel, appliedDiscounts: [discount] }] }),
      redemptions: [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: discount.guid })],
    });
    const { runs, result: reply } = await engineRuns(() => toast(t.app, 'LOYALTY_REDEEM', body));
    expect(reply.status).to.equal(200);
    expect(runs).to.equal(1);
    expect(reply.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['free-fries']);
    expect(await balanceOf(t.deps, member)).to.equal(10);
    // The offers answered are those after the debit: Free Fries (50 points) is no longer affordable.
    const fryOffer = reply.body.checkResponse!.offers!.find((o) => o.identifier === 'free-fries');
    expect(fryOffer === undefined || fryOffer.applicable === false).to.equal(true);
  });

  it('answers without an ETag (no hash of every answer body: nobody revalidates a POST)', async () => {
    const member = await seedMember(t.deps, { points: 0 });
    const res = await request(t.app).post('/toast/loyalty').set(toastHeaders('LOYALTY_INQUIRE'))
      .send(inquireRequest(member.loyaltyIdentifier, { check: check({ selections: [burger()] }) }));
    expect(res.status).to.equal(200);
    expect(res.headers).to.not.have.property('etag');
  });
});
