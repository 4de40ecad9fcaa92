/**
 * Issue 9 item 6: erasing a guest. After a visit that touches every place guest data could
 * land (SEARCH and INQUIRE by phone, INQUIRE by card, REDEEM, ACCRUE of a check naming the guest,
 * a card TRANSFER), `npm run members -- erase <phone>` leaves nothing of the guest in any
 * collection or log line, while the ledger keeps its amounts and ids.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { Express } from 'express';
import { buildApp } from '../../../server/http/app.js';
import { createLogger } from '../../../server/logger.js';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { eraseMember, tombstoneIdentifier } from '../../../server/loyalty/members/erase.js';
import { verifyLedger } from '../../../server/loyalty/ledger/ledger-verify.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { burger, fries } from '../../support/demo-menu.js';
import { seedMember } from '../../support/members.js';
import { serviceUrls } from '../../support/services.js';
import {
  accrueRequest, check, inquireRequest, loyaltyDiscount, paidCheck, redeemRequest, redemption, searchRequest, toastHeaders, transferRequest,
} from '../../support/toast-requests.js';
import type { TransactionType } from '../../../server/toast/transaction-types.js';

const GUEST = { phone: '6175550188', email: 'erasmus.guest@example.com', firstName: 'Erasmus', lastName: 'Rotterdamus', card: 'CARD-ERASE-77', newCard: 'CARD-ERASE-78' };
const PAID_AT = '2026-12-01T15:00:00.000+0000';

describe('erasing a guest', function () {
  this.timeout(60_000);
  let t: TestApp;
  let app: Express;
  const logLines: string[] = [];

  before(async () => {
    t = await startTestApp({ dbPrefix: 'erase' });
    const logger = createLogger('debug', new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } }));
    app = buildApp({ ...t.deps, logger });
  });
  after(async () => { await t.close(); });

  async function send(type: TransactionType, body: unknown, guid = randomUUID()) {
    const res = await request(app).post('/toast/loyalty').set(toastHeaders(type, { guid })).send(body as object);
    return { status: res.status, text: res.text, body: JSON.parse(res.text) as Record<string, unknown>, guid };
  }

  /** Every document of every collection of the test database, as text. */
  async function everything(): Promise<string> {
    const db = t.deps.conn.db!;
    const parts: string[] = [];
    for (const c of await db.listCollections().toArray()) parts.push(JSON.stringify(await db.collection(c.name).find({}).toArray()));
    return parts.join('\n');
  }

  it('removes the guest everywhere and keeps the ledger', async () => {
    const member = await seedMember(t.deps, {
      phone: GUEST.phone, email: GUEST.email, firstName: GUEST.firstName, lastName: GUEST.lastName, cardNumbers: [GUEST.card], points: 500,
    });
    const identifier = member.loyaltyIdentifier;
    expect((await send('LOYALTY_SEARCH', searchRequest({ phone: GUEST.phone }))).text).to.include(GUEST.lastName);
    await send('LOYALTY_INQUIRE', inquireRequest(GUEST.phone));
    await send('LOYALTY_INQUIRE', inquireRequest(GUEST.card));
    const target = fries(3.49);
    const discount = loyaltyDiscount('free-fries', 3.49);
    const c = check({ selections: [burger(), { ...target, appliedDiscounts: [discount] }] });
    const redeem = await send('LOYALTY_REDEEM', redeemRequest(identifier, {
      check: c, redemptions: [redemption('free-fries', { selectionGuid: target.guid, appliedDiscountGuid: discount.guid })],
    }));
    expect(redeem.body.transactionStatus).to.equal('ACCEPT');
    const paid = {
      ...paidCheck(c), paidDate: PAID_AT, closedDate: PAID_AT, tabName: `${GUEST.firstName} ${GUEST.lastName}`,
      customer: { firstName: GUEST.firstName, lastName: GUEST.lastName, phone: GUEST.phone, email: GUEST.email },
    };
    const accrue = await send('LOYALTY_ACCRUE', accrueRequest(identifier, { check: paid }));
    expect(accrue.body.transactionStatus).to.equal('ACCEPT');
    const stored = await t.deps.models.ToastTransaction.findOne({ transactionGuid: accrue.guid }).lean();
    await postAccrual(t.deps, stored!.accrualId!, t.clock.now());
    expect((await send('LOYALTY_TRANSFER', transferRequest(GUEST.card, GUEST.newCard))).body.transactionStatus).to.equal('ACCEPT');

    const ledgerBefore = await t.deps.models.LedgerEntry.find({ memberId: member._id }, { _id: 0, seq: 1, delta: 1, balanceAfter: 1, kind: 1, sourceKey: 1 }).sort({ seq: 1 }).lean();
    expect(ledgerBefore.length).to.be.at.least(3);

    const before = await everything();
    for (const value of [GUEST.phone, GUEST.email, GUEST.lastName, GUEST.newCard, identifier]) expect(before, 'the dump sees the guest before').to.include(value);

    // The operator's command, by phone, program inferred.
    const uri = new URL(serviceUrls().mongodbUri);
    uri.pathname = `/${t.deps.conn.name}`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/members.ts', 'erase', GUEST.phone], {
      env: { ...process.env, MONGODB_URI: uri.toString() }, encoding: 'utf8', timeout: 60_000,
    });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(new RegExp(`^erased member ${String(member._id)} of program demo: `));
    expect(run.stdout + run.stderr).to.not.include(GUEST.phone);

    const all = await everything();
    for (const [what, value] of Object.entries({ ...GUEST, identifier })) expect(all, `${what} still stored`).to.not.include(value);
    const logs = logLines.join('');
    expect(logs.length).to.be.greaterThan(0);
    for (const [what, value] of Object.entries(GUEST)) expect(logs, `${what} in the logs`).to.not.include(value);

    const ledgerAfter = await t.deps.models.LedgerEntry.find({ memberId: member._id }, { _id: 0, seq: 1, delta: 1, balanceAfter: 1, kind: 1, sourceKey: 1 }).sort({ seq: 1 }).lean();
    expect(ledgerAfter).to.deep.equal(ledgerBefore);
    const tombstone = (await t.deps.models.Member.findById(member._id).lean())!;
    expect(tombstone).to.include({ status: 'SUSPENDED', phone: null, email: null, firstName: null, lastName: null, pointsBalance: ledgerBefore.at(-1)!.balanceAfter });
    expect(tombstone.cardNumbers).to.deep.equal([]);
    expect((await verifyLedger(t.deps.models)).violations).to.equal(0);

    // Nothing answers to the guest any more; a replayed answer carries none of the guest's data.
    for (const value of [GUEST.newCard, identifier]) {
      expect((await send('LOYALTY_INQUIRE', inquireRequest(value))).body.transactionStatus, value).to.equal('ERROR_ACCOUNT_INVALID');
    }
    // The phone keyed again at the register names nobody, so the demo program enrols a new STARTER
    // (issue 8 §5): a fresh account, never the erased one or its points.
    const rekeyed = ((await send('LOYALTY_INQUIRE', inquireRequest(GUEST.phone))).body as { checkResponse?: { accountInfo?: { identifier?: string; pointsBalance?: string } } }).checkResponse?.accountInfo;
    expect(rekeyed?.identifier).to.not.be.oneOf([identifier, tombstoneIdentifier(member._id)]);
    expect(rekeyed?.pointsBalance).to.equal('0');
    const replay = await send('LOYALTY_REDEEM', redeemRequest(identifier, { check: c, redemptions: [] }), redeem.guid);
    for (const value of Object.values({ ...GUEST, identifier })) expect(replay.text).to.not.include(value);
  });

  it('is what the admin API calls: NOT_FOUND for nobody, repeatable by the tombstone', async () => {
    expect(await eraseMember(t.deps.models, 'demo', 'no-such-guest', t.clock.now())).to.deep.equal({ status: 'NOT_FOUND' });
    const member = await seedMember(t.deps, { email: 'twice@example.com' });
    const first = await eraseMember(t.deps.models, 'demo', member.loyaltyIdentifier, t.clock.now());
    expect(first).to.deep.include({ status: 'ERASED', memberId: String(member._id) });
    const again = await eraseMember(t.deps.models, 'demo', `erased-${String(member._id)}`, t.clock.now());
    expect(again.status).to.equal('ERASED');
  });
});
