/**
 * Fault: the API process dies (SIGKILL) during a REDEEM load and is started again; Toast
 * re-sends every REDEEM it got no answer for with the same GUID, and we also replay answered
 * ones. No REDEEM is doubled or lost: each GUID ends ACCEPT with its reward applied, each
 * answered GUID is replayed byte for byte, and the ledger is consistent.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { burger, fries } from '../support/demo-menu.js';
import { serviceUrls } from '../support/services.js';
import { accrueRequest, check, loyaltyDiscount, paidCheck, redeemRequest, redemption, signupRequest } from '../support/toast-requests.js';
import { freePort, PerkwireProcess, waitFor } from './support/processes.js';
import { ledgerVerifyClean, faultDb, pool, queuePrefix, sendToast, type FaultDb, type LiveReply } from './support/stack.js';

const PAID_AT = '2026-12-01T15:00:00.000+0000';
const MEMBERS = 20;

interface Redeem {
  guid: string;
  body: unknown;
  first?: LiveReply;
}

describe('fault: API restarted during a REDEEM load', function () {
  this.timeout(240_000);
  let db: FaultDb;
  let api: PerkwireProcess;

  before(async () => {
    db = await faultDb();
    api = new PerkwireProcess({ role: 'all', mongodbUri: db.uri, redisUrl: serviceUrls().redisUrl, queuePrefix: queuePrefix(), port: await freePort() });
    await api.start();
  });
  after(async () => {
    await api.stop();
    await db.drop();
  });

  /** A REDEEM of the demo's free fries (50 points) on a burger-and-fries check. */
  function redeemOf(member: string): Redeem {
    const discount = loyaltyDiscount('free-fries', 3.49);
    const friesSel = { ...fries(3.49), appliedDiscounts: [discount] };
    const body = redeemRequest(member, {
      check: check({ selections: [burger(), friesSel] }),
      redemptions: [redemption('free-fries', { selectionGuid: friesSel.guid, appliedDiscountGuid: discount.guid })],
    });
    return { guid: randomUUID(), body };
  }

  async function untilAnswered(r: Redeem): Promise<LiveReply> {
    for (let i = 0; i < 120; i++) {
      const reply = await sendToast(api.baseUrl, 'LOYALTY_REDEEM', r.body, r.guid).catch(() => null);
      if (reply && reply.status === 200) return reply;
      await new Promise((res) => setTimeout(res, 500));
    }
    throw new Error(`REDEEM ${r.guid} never answered ACCEPT`);
  }

  it('neither doubles nor loses a REDEEM across a kill -9 and restart', async () => {
    const members: string[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const r = await sendToast(api.baseUrl, 'LOYALTY_SIGNUP', signupRequest({ email: `restart${i}@example.com` }));
      const id = (r.body.signupResponse as { loyaltyIdentifier: string }).loyaltyIdentifier;
      members.push(id);
      // $100 check → 100 points + 25 bonus.
      await sendToast(api.baseUrl, 'LOYALTY_ACCRUE', accrueRequest(id, { check: { ...paidCheck({ selections: [burger(100)] }), paidDate: PAID_AT, closedDate: PAID_AT } }));
    }
    await waitFor('points posted', async () => (await db.models.Accrual.countDocuments({ state: 'POSTED' })) === MEMBERS, 60_000);

    // Two free-fries REDEEMs per member (2 × 50 of 125 points): all can succeed, once each.
    const redeems = members.flatMap((m) => [redeemOf(m), redeemOf(m)]);
    const firstRound = pool(redeems.map((r) => async () => { r.first = await sendToast(api.baseUrl, 'LOYALTY_REDEEM', r.body, r.guid); }), 6);
    await waitFor('some REDEEMs answered', async () => redeems.filter((r) => r.first).length >= 8, 60_000, 5);
    await api.kill();
    await firstRound;
    const answered = redeems.filter((r) => r.first);
    expect(answered.length).to.be.lessThan(redeems.length);
    console.log(`      answered before the kill: ${answered.length} of ${redeems.length}`);

    await api.start();
    const finals = await Promise.all(redeems.map((r) => untilAnswered(r)));
    finals.forEach((reply, i) => {
      const applied = (reply.body.checkResponse as { appliedRedemptions?: unknown[] }).appliedRedemptions ?? [];
      expect(reply.body.transactionStatus).to.equal('ACCEPT');
      expect(applied, `REDEEM ${i} applied`).to.have.length(1);
      const first = redeems[i]!.first;
      if (first && first.status === 200) expect(reply.text).to.equal(first.text);
    });
    expect(await db.models.LedgerEntry.countDocuments({ kind: 'REDEEM' })).to.equal(2 * MEMBERS);
    const balances = (await db.models.Member.find({}, { pointsBalance: 1 }).lean()).map((m) => m.pointsBalance);
    expect(balances).to.deep.equal(new Array(MEMBERS).fill(25));
    expect(await ledgerVerifyClean(db.uri)).to.match(new RegExp(`^ledger:verify OK: ${MEMBERS} members, .*, 0 violations$`));
  });
});
