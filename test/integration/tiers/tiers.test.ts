/**
 * Tiers end to end on the cafe program (LIFETIME: Silver at 500, ×1.25; Gold at 1,500, ×1.5 and a
 * Gold-only pastry discount): crossing a threshold records one tier change however often the job
 * is delivered, the multiplier applies from the next ACCRUE, the Gold reward from the next
 * INQUIRE, and a voided check that drops lifetime points below a threshold demotes.
 */
import { expect } from 'chai';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { toast } from '../../support/toast-client.js';
import { reverseRequest } from '../../support/toast-requests.js';
import { seedMember } from '../../support/members.js';
import { CAFE, accrue, cafeItem, inquire, line } from '../expiry/helpers.js';

describe('tiers (cafe, LIFETIME)', () => {
  let t: TestApp;

  before(async () => { t = await startTestApp({ dbPrefix: 'tiers' }); });
  after(async () => { await t.close(); });

  async function changes(member: MemberRecord) {
    const rows = await t.deps.models.TierChange.find({ memberId: member._id }).sort({ seq: 1 }).lean();
    return rows.map((r) => [r.from, r.to, r.causeKey.split(':')[0]]);
  }

  async function tierOf(member: MemberRecord): Promise<string | null> {
    return (await t.deps.models.Member.findById(member._id).lean())?.tier ?? null;
  }

  async function pastryGold(member: MemberRecord): Promise<boolean> {
    const reply = await inquire(t, member, CAFE, [cafeItem('pastry', 4)]);
    return reply.body.checkResponse!.offers!.some((o) => o.identifier === 'pastry-gold' && o.applicable);
  }

  it('promotes once per threshold, applies the multiplier and the Gold reward at once, and demotes on a void', async () => {
    const member = await seedMember(t.deps, { programId: 'cafe' });
    expect(await pastryGold(member)).to.equal(false);
    await accrue(t, member, CAFE, [line(60)]); // 600 lifetime → Silver
    expect(await tierOf(member)).to.equal('silver');
    const first = await t.deps.models.Accrual.findOne({ memberId: member._id }).lean();
    expect(await postAccrual(t.deps, String(first!._id), t.clock.now())).to.equal('ALREADY_DONE'); // a duplicate delivery
    expect(await changes(member)).to.deep.equal([[null, 'silver', 'accrual']]);

    expect((await accrue(t, member, CAFE, [line(10)])).points).to.equal(125); // 100 × 1.25 (Silver)
    expect(await pastryGold(member)).to.equal(false);
    const gold = await accrue(t, member, CAFE, [line(80)]); // 800 × 1.25 = 1,000 → 1,725 lifetime → Gold
    expect(gold.points).to.equal(1000);
    expect(await tierOf(member)).to.equal('gold');
    expect(await pastryGold(member)).to.equal(true);
    expect((await accrue(t, member, CAFE, [line(10)])).points).to.equal(150); // ×1.5 (Gold); 1,875 lifetime

    // Voiding the Gold-making check: 1,875 − 1,000 = 875 lifetime points → back to Silver.
    const reversed = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(gold.guid, member.loyaltyIdentifier), { restaurant: CAFE });
    expect(reversed.body.transactionStatus).to.equal('ACCEPT');
    expect(await tierOf(member)).to.equal('silver');
    expect(await pastryGold(member)).to.equal(false);
    expect(await changes(member)).to.deep.equal([[null, 'silver', 'accrual'], ['silver', 'gold', 'accrual'], ['gold', 'silver', 'reverse-accrual']]);
    const stored = await t.deps.models.Member.findById(member._id).lean();
    expect(stored!.lastTierChange).to.include({ from: 'gold', to: 'silver', recorded: true });
  });

  it('records a change the process died before recording, at the next recomputation', async () => {
    const member = await seedMember(t.deps, { programId: 'cafe' });
    await accrue(t, member, CAFE, [line(60)]);
    // What a crash between the tier update and the tierChanges insert leaves behind.
    await t.deps.models.TierChange.deleteMany({ memberId: member._id });
    await t.deps.models.Member.updateOne({ _id: member._id }, { $set: { 'lastTierChange.recorded': false } });
    await accrue(t, member, CAFE, [line(1)]);
    expect(await changes(member)).to.deep.equal([[null, 'silver', 'accrual']]);
  });
});
