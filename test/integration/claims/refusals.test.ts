/**
 * Every way `POST /v1/claims` says no, each with its status and `{error:{code,message}}`:
 * authentication and scope, malformed bodies (with JSON paths), unknown receipts and members,
 * checks already credited or voided, and the claim window (moved with the injected clock).
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { reverseAccrual } from '../../../server/loyalty/accrual/accrual.js';
import type { TestApp } from '../../support/app.js';
import { CAFE_RESTAURANT, DEMO_RESTAURANT, KEYS, claim, newMember, payCheck, startClaimsApp } from './helpers.js';

const dayMs = 24 * 3600 * 1000;

describe('receipt claims: refusals', () => {
  let t: TestApp;

  before(async () => { t = await startClaimsApp(); });
  after(async () => { await t.close(); });

  async function expectError(res: request.Response, status: number, code: string): Promise<void> {
    expect(res.status, JSON.stringify(res.body)).to.equal(status);
    expect(res.body.error).to.include({ code });
    expect(res.body.error.message).to.be.a('string').with.length.greaterThan(0);
  }

  async function valid() {
    return { receipt: (await payCheck(t)).receipt, loyaltyIdentifier: (await newMember(t)).loyaltyIdentifier };
  }

  describe('authentication', () => {
    it('401 without a key, with an unknown key, or with a non-Bearer Authorization', async () => {
      const body = await valid();
      await expectError(await claim(t, body, null), 401, 'UNAUTHORIZED');
      await expectError(await claim(t, body, 'not-a-key'), 401, 'UNAUTHORIZED');
      await expectError(await claim(t, body, `${KEYS.demo}x`), 401, 'UNAUTHORIZED');
      await expectError(await request(t.app).post('/v1/claims').set('Authorization', `Basic ${KEYS.demo}`).send(body), 401, 'UNAUTHORIZED');
    });

    it('accepts the key in X-Api-Key as well as in Authorization: Bearer', async () => {
      expect((await claim(t, await valid(), KEYS.demo, 'x-api-key')).status).to.equal(201);
      expect((await claim(t, await valid(), KEYS.demo, 'bearer')).status).to.equal(201);
    });

    it('403 when the body names a program outside the key\'s scope', async () => {
      await expectError(await claim(t, { ...(await valid()), programId: 'cafe' }, KEYS.demo), 403, 'FORBIDDEN');
    });

    it('checks the key before reading the body', async () => {
      await expectError(await request(t.app).post('/v1/claims').set('Content-Type', 'application/json').send('{nope'), 401, 'UNAUTHORIZED');
    });
  });

  describe('malformed requests', () => {
    it('400 MALFORMED_RECEIPT, with the receipt\'s path, for a payload that is not three GUIDs', async () => {
      const { loyaltyIdentifier } = await valid();
      for (const receipt of ['', 'abc', `${DEMO_RESTAURANT}:only-two`, 'a:b:c:d', 'a::c', `${DEMO_RESTAURANT}:x y:z`, 42]) {
        const res = await claim(t, { receipt, loyaltyIdentifier });
        await expectError(res, 400, 'MALFORMED_RECEIPT');
        expect(res.body.error.problems.map((p: { path: string }) => p.path)).to.include('/receipt');
      }
    });

    it('400 VALIDATION_FAILED listing every problem with its JSON path', async () => {
      const res = await claim(t, { receipt: `${DEMO_RESTAURANT}:a:b`, color: 'red' });
      await expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error.problems.map((p: { path: string }) => p.path)).to.have.members(['/loyaltyIdentifier', '/color']);
      const notAnObject = await claim(t, [1, 2]);
      await expectError(notAnObject, 400, 'VALIDATION_FAILED');
      expect(notAnObject.body.error.problems[0].path).to.equal('/');
    });

    it('400 MALFORMED_JSON for a body that is not JSON', async () => {
      const res = await request(t.app).post('/v1/claims').set('Authorization', `Bearer ${KEYS.demo}`).set('Content-Type', 'application/json').send('{"receipt":');
      await expectError(res, 400, 'MALFORMED_JSON');
    });
  });

  describe('unknown receipts and members', () => {
    it('404 UNKNOWN_RECEIPT for an unknown check, restaurant or order', async () => {
      const paid = await payCheck(t);
      const { loyaltyIdentifier } = await newMember(t);
      const [restaurant, order, check] = paid.receipt.split(':') as [string, string, string];
      for (const receipt of [`${restaurant}:${order}:${randomUUID()}`, `${randomUUID()}:${order}:${check}`, `${restaurant}:${randomUUID()}:${check}`]) {
        await expectError(await claim(t, { receipt, loyaltyIdentifier }), 404, 'UNKNOWN_RECEIPT');
      }
    });

    it('404 UNKNOWN_RECEIPT for a restaurant of another program, whatever the member', async () => {
      const cafeCheck = await payCheck(t, { restaurant: CAFE_RESTAURANT, programId: 'cafe' });
      const demoMember = await newMember(t);
      const cafeMember = await newMember(t, 'cafe');
      await expectError(await claim(t, { receipt: cafeCheck.receipt, loyaltyIdentifier: demoMember.loyaltyIdentifier }), 404, 'UNKNOWN_RECEIPT');
      await expectError(await claim(t, { receipt: cafeCheck.receipt, loyaltyIdentifier: cafeMember.loyaltyIdentifier }), 404, 'UNKNOWN_RECEIPT');
      await expectError(await claim(t, { receipt: cafeCheck.receipt, loyaltyIdentifier: cafeMember.loyaltyIdentifier, programId: 'demo' }, KEYS.ops), 404, 'UNKNOWN_RECEIPT');
      expect((await claim(t, { receipt: cafeCheck.receipt, loyaltyIdentifier: cafeMember.loyaltyIdentifier }, KEYS.cafe)).status).to.equal(201);
    });

    it('404 UNKNOWN_MEMBER for an identifier that is not a member of the receipt\'s program', async () => {
      const paid = await payCheck(t);
      const cafeMember = await newMember(t, 'cafe');
      await expectError(await claim(t, { receipt: paid.receipt, loyaltyIdentifier: cafeMember.loyaltyIdentifier }), 404, 'UNKNOWN_MEMBER');
      await expectError(await claim(t, { receipt: paid.receipt, loyaltyIdentifier: randomUUID() }), 404, 'UNKNOWN_MEMBER');
    });

    it('422 MEMBER_SUSPENDED, leaving the check claimable', async () => {
      const paid = await payCheck(t);
      const member = await newMember(t);
      await t.deps.models.Member.updateOne({ _id: member._id }, { $set: { status: 'SUSPENDED' } });
      await expectError(await claim(t, { receipt: paid.receipt, loyaltyIdentifier: member.loyaltyIdentifier }), 422, 'MEMBER_SUSPENDED');
      expect((await t.deps.models.Accrual.findById(paid.accrualId).lean())!.state).to.equal('UNCLAIMED');
    });
  });

  describe('checks that cannot be claimed', () => {
    it('409 ALREADY_CLAIMED for a check credited at the register', async () => {
      const atRegister = await newMember(t);
      const paid = await payCheck(t, { member: atRegister });
      await expectError(await claim(t, { receipt: paid.receipt, loyaltyIdentifier: atRegister.loyaltyIdentifier }), 409, 'ALREADY_CLAIMED');
    });

    it('409 ALREADY_CLAIMED for a check another member claimed', async () => {
      const paid = await payCheck(t);
      const first = await newMember(t);
      const second = await newMember(t);
      expect((await claim(t, { receipt: paid.receipt, loyaltyIdentifier: first.loyaltyIdentifier })).status).to.equal(201);
      await expectError(await claim(t, { receipt: paid.receipt, loyaltyIdentifier: second.loyaltyIdentifier }), 409, 'ALREADY_CLAIMED');
    });

    it('409 REVERSED for a voided check', async () => {
      const paid = await payCheck(t);
      await reverseAccrual({ models: t.deps.models }, { programId: 'demo', transactionGuid: paid.transactionGuid, now: t.clock.now() });
      await expectError(await claim(t, { receipt: paid.receipt, loyaltyIdentifier: (await newMember(t)).loyaltyIdentifier }), 409, 'REVERSED');
    });

    it('422 CLAIM_WINDOW_EXPIRED once the check is older than CLAIM_WINDOW_DAYS (30)', async () => {
      const inTime = await payCheck(t);
      const late = await payCheck(t);
      const member = await newMember(t);
      t.clock.advance(30 * dayMs);
      expect((await claim(t, { receipt: inTime.receipt, loyaltyIdentifier: member.loyaltyIdentifier })).status).to.equal(201);
      t.clock.advance(1000);
      await expectError(await claim(t, { receipt: late.receipt, loyaltyIdentifier: member.loyaltyIdentifier }), 422, 'CLAIM_WINDOW_EXPIRED');
      // A claim made in time stays answerable after the window closes.
      expect((await claim(t, { receipt: inTime.receipt, loyaltyIdentifier: member.loyaltyIdentifier })).status).to.equal(200);
    });

    it('uses the program\'s own window when its rule file sets one (cafe: 14 days)', async () => {
      const inTime = await payCheck(t, { restaurant: CAFE_RESTAURANT, programId: 'cafe' });
      const late = await payCheck(t, { restaurant: CAFE_RESTAURANT, programId: 'cafe' });
      const member = await newMember(t, 'cafe');
      t.clock.advance(14 * dayMs);
      expect((await claim(t, { receipt: inTime.receipt, loyaltyIdentifier: member.loyaltyIdentifier }, KEYS.cafe)).status).to.equal(201);
      t.clock.advance(1000);
      await expectError(await claim(t, { receipt: late.receipt, loyaltyIdentifier: member.loyaltyIdentifier }, KEYS.cafe), 422, 'CLAIM_WINDOW_EXPIRED');
    });
  });
});
