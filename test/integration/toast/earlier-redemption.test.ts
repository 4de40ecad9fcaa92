/**
 * A first-run REDEEM does not read the records of its discounts up front (issue 11 §2: REDEEM ≤ 6
 * round trips). An earlier request's redemption of the same discount shows at the debit instead
 * (its sourceKey is taken) or as an engine refusal; either way the answer is the one the records
 * give: applied from the earlier record without a second debit, or refused when that redemption
 * was reversed. What the later request reserved on the way (usage units, budget) is given back,
 * and never the units the earlier redemption holds.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { verifyLedger } from '../../../server/loyalty/ledger/ledger-verify.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { CAFE, pastryRedeem } from '../../support/cafe.js';
import { friesRedeem } from '../../support/demo-menu.js';
import { balanceOf, entriesOf, seedMember } from '../../support/members.js';
import { toast, type ToastReply } from '../../support/toast-client.js';
import { reverseRequest } from '../../support/toast-requests.js';
import { recordedEvaluationOf } from '../../../server/loyalty/offers/recorded-evaluation.js';

const applied = (r: ToastReply): (string | undefined)[] => r.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier);
const rejected = (r: ToastReply): (string | undefined)[] => r.body.checkResponse!.rejectedRedemptions!.map((x) => x.message);

describe('Toast webhook: a REDEEM carrying a discount an earlier REDEEM redeemed', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'earlier' }); });
  after(async () => { await t.close(); });

  async function verifiedClean(): Promise<void> {
    const found: string[] = [];
    const report = await verifyLedger(t.deps.models, { onViolation: (v) => found.push(`${v.kind}: ${v.detail}`) });
    expect(report.ok, found.join('\n')).to.equal(true);
  }

  it('a later REDEEM the engine accepts afresh finds the debit taken: applied from the record, one debit, the later record names it', async () => {
    const member = await seedMember(t.deps, { points: 200 });
    const body = friesRedeem(member.loyaltyIdentifier, 10);
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', body))).to.deep.equal(['free-fries']);
    const laterGuid = randomUUID();
    // 150 points left: the engine would accept the fries again; the ledger's sourceKey says no.
    const again = await toast(t.app, 'LOYALTY_REDEEM', body, { guid: laterGuid });
    expect(applied(again)).to.deep.equal(['free-fries']);
    expect(rejected(again)).to.deep.equal([]);
    expect(String(again.body.checkResponse!.accountInfo!.pointsBalance)).to.equal('150');
    expect(await balanceOf(t.deps, member)).to.equal(150);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    // Recorded like a redemption read up front: a REVERSE of the later REDEEM gives the points back once.
    const stored = await t.deps.models.ToastTransaction.findOne({ transactionGuid: laterGuid }).lean();
    const recorded = recordedEvaluationOf(stored?.evaluation);
    expect(recorded?.already.map((a) => a.applied.identifier)).to.deep.equal(['free-fries']);
    expect(recorded?.redemptions).to.deep.equal([]);
    await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(laterGuid, member.loyaltyIdentifier));
    expect(await balanceOf(t.deps, member)).to.equal(200);
    await verifiedClean();
  });

  it('a later REDEEM of a discount whose redemption was reversed is refused, and debits nothing', async () => {
    const member = await seedMember(t.deps, { points: 200 });
    const body = friesRedeem(member.loyaltyIdentifier, 10);
    const first = randomUUID();
    await toast(t.app, 'LOYALTY_REDEEM', body, { guid: first });
    await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(first, member.loyaltyIdentifier));
    expect(await balanceOf(t.deps, member)).to.equal(200);
    const again = await toast(t.app, 'LOYALTY_REDEEM', body);
    expect(applied(again)).to.deep.equal([]);
    expect(rejected(again)).to.deep.equal(['This reward was reversed; apply it again to redeem it']);
    expect(await balanceOf(t.deps, member)).to.equal(200);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    await verifiedClean();
  });

  it('a limited reward sent again keeps its one unit per day: the later REDEEM takes none, today or tomorrow', async () => {
    const member = await seedMember(t.deps, { programId: 'cafe', points: 1600 });
    const body = pastryRedeem(member);
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', body, { restaurant: CAFE }))).to.deep.equal(['pastry-gold']);
    // Same day: the engine refuses it afresh (the day's unit is used), the record answers it applied.
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', body, { restaurant: CAFE }))).to.deep.equal(['pastry-gold']);
    // The earlier redemption still holds the day's unit: another pastry is refused.
    expect(rejected(await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(member), { restaurant: CAFE }))[0] ?? '').to.match(/limit/i);
    t.clock.advance(24 * 3600 * 1000);
    // Next day: accepted afresh, its unit reserved, then the record found: the unit is given back.
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', body, { restaurant: CAFE }))).to.deep.equal(['pastry-gold']);
    expect(await t.deps.models.RewardRedemption.countDocuments({ memberId: String(member._id) })).to.equal(1);
    expect(applied(await toast(t.app, 'LOYALTY_REDEEM', pastryRedeem(member), { restaurant: CAFE }))).to.deep.equal(['pastry-gold']);
    await verifiedClean();
  });
});
