/** Retention: old INQUIRE/SEARCH answers go; fresh ones and every REDEEM/ACCRUE record stay. */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { pruneReadOnlyAnswers } from '../../../server/loyalty/idempotency/retention.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { check, inquireRequest, searchRequest } from '../../support/toast-requests.js';
import { burger } from '../../support/demo-menu.js';

const DAY = 24 * 3600 * 1000;

describe('retention of stored Toast answers', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'retention' }); });
  after(async () => { await t.close(); });

  it('deletes INQUIRE and SEARCH answers older than the retention, and nothing else', async () => {
    const member = await seedMember(t.deps, { phone: '6175550777' });
    const oldInquire = randomUUID();
    await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier, { check: check({ selections: [burger()] }) }), { guid: oldInquire });
    await toast(t.app, 'LOYALTY_SEARCH', searchRequest({ phone: '6175550777' }));
    await t.deps.models.ToastTransaction.collection.insertOne({
      restaurantGuid: 'r', transactionGuid: randomUUID(), type: 'LOYALTY_REDEEM', loyaltyIdentifier: member.loyaltyIdentifier, programId: 'demo',
      state: 'DONE', requestHash: 'h', claimToken: 'c', leaseUntil: t.clock.now(), createdAt: t.clock.now(),
    });
    t.clock.advance(31 * DAY);
    await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier, { check: check({ selections: [burger()] }) }));

    expect(await pruneReadOnlyAnswers(t.deps.models, t.clock.now(), 30)).to.equal(2);
    const left = (await t.deps.models.ToastTransaction.find({}, { type: 1 }).lean()).map((d) => d.type).sort();
    expect(left).to.deep.equal(['LOYALTY_INQUIRE', 'LOYALTY_REDEEM']);
    expect(await t.deps.models.ToastTransaction.countDocuments({ transactionGuid: oldInquire })).to.equal(0);
    expect(await pruneReadOnlyAnswers(t.deps.models, t.clock.now(), 30)).to.equal(0);
  });
});
