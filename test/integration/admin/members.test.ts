/**
 * Member routes: lookup by phone / email / identifier, profile, ledger pages with provenance,
 * adjustments (idempotent under concurrent copies, balance floor and its policy), suspend /
 * reinstate, contact corrections with uniqueness kept; every refusal with its status and code.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import request from 'supertest';
import { buildApp } from '../../../server/http/app.js';
import { createLogger } from '../../../server/logger.js';
import { expect } from 'chai';
import { LoyaltyError } from '../../../server/loyalty/errors.js';
import { requireMember, type MemberRecord } from '../../../server/loyalty/members/members.js';
import type { TestApp } from '../../support/app.js';
import { burger } from '../../support/demo-menu.js';
import { ledgerInvariant, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { accrueRequest, check, paidCheck } from '../../support/toast-requests.js';
import { admin, ADMIN_KEYS, startAdminApp } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const base = '/admin/v1/programs/demo/members';

describe('admin API: members', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  describe('lookup and profile', () => {
    it('finds a member by phone (any punctuation), email (any case) and identifier, and nobody for an unknown one', async () => {
      const m = await seedMember(t.deps, { phone: '2125550101', email: 'Ada@Example.com', firstName: 'Ada', points: 40 });
      for (const q of ['phone=(212)%20555-0101', 'phone=%2B12125550101', 'email=ADA@example.COM', `identifier=${m.loyaltyIdentifier}`]) {
        const res = await admin(t, 'get', `${base}?${q}`);
        expect(res.status, q).to.equal(200);
        expect(res.body.members, q).to.have.length(1);
        expect(res.body.members[0]).to.include({ identifier: m.loyaltyIdentifier, phone: '2125550101', email: 'ada@example.com', pointsBalance: 40, status: 'REGISTERED' });
      }
      const none = await admin(t, 'get', `${base}?phone=2125550199`);
      expect(none.status).to.equal(200);
      expect(none.body.members).to.deep.equal([]);
    });

    it('never logs the phone or email a lookup was made with', async () => {
      const chunks: string[] = [];
      const logger = createLogger('info', new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } }));
      const app = buildApp({ ...t.deps, logger });
      for (const q of ['phone=2125550142', 'email=Log.Me%40example.com']) {
        const res = await request(app).get(`${base}?${q}`).set('Authorization', `Bearer ${ADMIN_KEYS.ops}`);
        expect(res.status).to.equal(200);
      }
      const text = chunks.join('');
      expect(text).to.include('/admin/v1/programs/demo/members?phone=%5Bredacted%5D');
      expect(text).to.not.include('2125550142').and.not.include('example.com');
    });

    it('refuses no criterion, two criteria, a malformed phone and an unknown field (400)', async () => {
      for (const [q, path] of [['', '/'], ['phone=2125550101&email=a@b.co', '/'], ['phone=12-34', '/phone'], ['name=ada', '/name']] as const) {
        const res = await admin(t, 'get', `${base}${q ? `?${q}` : ''}`);
        expect(res.status, q).to.equal(400);
        expect(res.body.error.code).to.equal('VALIDATION_FAILED');
        expect(res.body.error.problems[0], q).to.include({ in: 'query', path });
      }
    });

    it('shows a profile with the ledger balance, tier and status; 404 for an unknown identifier', async () => {
      const m = await seedMember(t.deps, { email: 'grace@example.com', lastName: 'Hopper', points: 75 });
      const res = await admin(t, 'get', `${base}/${m.loyaltyIdentifier}`);
      expect(res.status).to.equal(200);
      expect(res.body.member).to.include({ identifier: m.loyaltyIdentifier, pointsBalance: 75, lifetimePoints: 75, status: 'REGISTERED', tier: null, lastName: 'Hopper', cardCount: 0 });
      const missing = await admin(t, 'get', `${base}/no-such-member`);
      expect(missing.status).to.equal(404);
      expect(missing.body.error).to.include({ code: 'UNKNOWN_MEMBER' });
    });

    it("refuses another program's key (403) before looking anything up, and a bad program id (400)", async () => {
      const m = await seedMember(t.deps, { points: 5 });
      for (const [method, path] of [
        ['get', `${base}?identifier=${m.loyaltyIdentifier}`], ['get', `${base}/${m.loyaltyIdentifier}`], ['get', `${base}/${m.loyaltyIdentifier}/ledger`],
        ['post', `${base}/${m.loyaltyIdentifier}/adjustments`], ['post', `${base}/${m.loyaltyIdentifier}/suspend`],
        ['post', `${base}/${m.loyaltyIdentifier}/reinstate`], ['patch', `${base}/${m.loyaltyIdentifier}`], ['delete', `${base}/${m.loyaltyIdentifier}`],
      ] as const) {
        const res = await admin(t, method, path, ADMIN_KEYS.cafe).send({ points: 5, reason: 'x', idempotencyKey: 'cross-program-1' });
        expect(res.status, `${method} ${path}`).to.equal(403);
        expect(res.body.error.code).to.equal('FORBIDDEN');
      }
      const unauth = await admin(t, 'get', `${base}/${m.loyaltyIdentifier}`, 'wrong-key');
      expect(unauth.status).to.equal(401);
      const bad = await admin(t, 'get', '/admin/v1/programs/Not_A_Program/members?identifier=x');
      expect(bad.status).to.equal(400);
      expect(bad.body.error.problems[0]).to.include({ in: 'path', path: '/programId' });
      expect(await t.deps.models.LedgerEntry.countDocuments({ memberId: m._id, kind: 'ADJUST' })).to.equal(0);
      expect((await t.deps.models.Member.findById(m._id).lean())!.erasedAt).to.equal(null);
    });
  });

  describe('erase (DELETE)', () => {
    it('erases the guest data, keeps the balance and ledger, leaves a tombstone that stays suspended', async () => {
      const m = await seedMember(t.deps, { phone: '6465550123', email: 'erase-me@example.com', firstName: 'Eve', points: 30 });
      const res = await admin(t, 'delete', `${base}/${m.loyaltyIdentifier}`);
      expect(res.status).to.equal(200);
      const tombstone = `erased-${String(m._id)}`;
      expect(res.body.erased).to.include({ memberId: String(m._id), identifier: tombstone });
      expect((await admin(t, 'get', `${base}?phone=6465550123`)).body.members).to.deep.equal([]);
      expect((await admin(t, 'get', `${base}/${m.loyaltyIdentifier}`)).status).to.equal(404);
      const shown = await admin(t, 'get', `${base}/${tombstone}`);
      expect(shown.body.member).to.include({ status: 'SUSPENDED', phone: null, email: null, firstName: null, pointsBalance: 30 });
      expect(shown.body.member.erasedAt).to.equal(t.clock.now().toISOString());
      expect((await ledgerInvariant(t.deps, m))).to.deep.equal({ projection: 30, sum: 30, head: 30 });
      const reinstate = await admin(t, 'post', `${base}/${tombstone}/reinstate`);
      expect([reinstate.status, reinstate.body.error.code]).to.deep.equal([409, 'MEMBER_ERASED']);
      const patch = await admin(t, 'patch', `${base}/${tombstone}`).send({ phone: '6465550123' });
      expect([patch.status, patch.body.error.code]).to.deep.equal([409, 'MEMBER_ERASED']);
      // Repeating with the tombstone finishes an interrupted erase; nothing left to remove.
      const again = await admin(t, 'delete', `${base}/${tombstone}`);
      expect(again.status).to.equal(200);
      expect(again.body.erased.removed.lookupKeys).to.equal(0);
      const audit = await t.deps.models.AuditEntry.find({ action: 'member.erase' }).lean();
      expect(audit).to.have.length(2);
      expect(JSON.stringify(audit)).to.not.include(m.loyaltyIdentifier);
      const missing = await admin(t, 'delete', `${base}/nobody`);
      expect([missing.status, missing.body.error.code]).to.deep.equal([404, 'UNKNOWN_MEMBER']);
    });
  });

  describe('ledger pages', () => {
    it('pages newest first with a bounded page size and an opaque cursor, each entry with provenance', async () => {
      const m = await seedMember(t.deps, { points: 1 });
      for (let i = 0; i < 6; i++) {
        const res = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/adjustments`).send({ points: i + 1, reason: `goodwill ${i}`, idempotencyKey: `page-test-${i}` });
        expect(res.status).to.equal(201);
      }
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: Json = await admin(t, 'get', `${base}/${m.loyaltyIdentifier}/ledger?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).to.equal(200);
        expect(res.body.entries.length).to.be.at.most(3);
        seen.push(...res.body.entries.map((e: Json) => e.seq));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).to.equal(3);
      expect(seen).to.deep.equal([7, 6, 5, 4, 3, 2, 1]);
      const first = await admin(t, 'get', `${base}/${m.loyaltyIdentifier}/ledger?limit=1`);
      expect(first.body.entries[0]).to.deep.include({ seq: 7, kind: 'ADJUST', delta: 6, balanceAfter: 22 });
      expect(first.body.entries[0].provenance).to.include({ ruleSetVersion: '2026.11.0', reason: 'goodwill 5', transactionGuid: null, cause: null });
      expect(first.body.entries[0].provenance.by).to.be.a('string').and.not.include(ADMIN_KEYS.ops);
    });

    it('refuses a forged cursor and an out-of-range limit (400), an unknown member (404)', async () => {
      const m = await seedMember(t.deps, { points: 1 });
      const forged = await admin(t, 'get', `${base}/${m.loyaltyIdentifier}/ledger?cursor=${Buffer.from('seq:-1').toString('base64url')}`);
      expect(forged.status).to.equal(400);
      expect(forged.body.error.problems[0]).to.include({ in: 'query', path: '/cursor', message: 'is not a cursor this API gave out' });
      for (const limit of ['0', '101', 'ten']) {
        const res = await admin(t, 'get', `${base}/${m.loyaltyIdentifier}/ledger?limit=${limit}`);
        expect(res.status, limit).to.equal(400);
        expect(res.body.error.problems[0]).to.include({ in: 'query', path: '/limit' });
      }
      const missing = await admin(t, 'get', `${base}/nobody/ledger`);
      expect(missing.status).to.equal(404);
    });
  });

  describe('adjustments', () => {
    it('appends one ADJUST entry for 20 concurrent copies of one request', async () => {
      const m = await seedMember(t.deps, { points: 10 });
      const body = { points: 25, reason: 'missed visit on 11/28', idempotencyKey: 'adj-concurrent-0001' };
      const answers = await Promise.all(Array.from({ length: 20 }, () => admin(t, 'post', `${base}/${m.loyaltyIdentifier}/adjustments`).send(body)));
      expect(answers.filter((a) => a.status === 201)).to.have.length(1);
      expect(answers.filter((a) => a.status === 200)).to.have.length(19);
      expect(answers.every((a) => a.body.entry.seq === answers[0]!.body.entry.seq)).to.equal(true);
      expect(await t.deps.models.LedgerEntry.countDocuments({ memberId: m._id, kind: 'ADJUST' })).to.equal(1);
      const inv = await ledgerInvariant(t.deps, m);
      expect(inv).to.deep.equal({ projection: 35, sum: 35, head: 35 });
      expect(await t.deps.models.AuditEntry.countDocuments({ action: 'member.adjust', target: `demo/${m.loyaltyIdentifier}` })).to.equal(20);
    });

    it('refuses a debit below zero (422), a reused key with other points (409), and never writes for them', async () => {
      const m = await seedMember(t.deps, { points: 10 });
      const below = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/adjustments`).send({ points: -11, reason: 'fraud', idempotencyKey: 'adj-below-0001' });
      expect(below.status).to.equal(422);
      expect(below.body.error).to.include({ code: 'BELOW_BALANCE_FLOOR' });
      expect(below.body.error.message).to.include('the balance is 10');
      const ok = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/adjustments`).send({ points: -10, reason: 'fraud', idempotencyKey: 'adj-below-0002' });
      expect(ok.status).to.equal(201);
      expect(ok.body).to.deep.include({ balance: 0, replayed: false });
      const reused = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/adjustments`).send({ points: 5, reason: 'fraud', idempotencyKey: 'adj-below-0002' });
      expect(reused.status).to.equal(409);
      expect(reused.body.error.code).to.equal('IDEMPOTENCY_KEY_REUSED');
      expect(await t.deps.models.LedgerEntry.countDocuments({ memberId: m._id, kind: 'ADJUST' })).to.equal(1);
    });

    it('refuses malformed bodies with each problem located (400), an unknown member (404)', async () => {
      const m = await seedMember(t.deps, { points: 10 });
      const cases: [unknown, string][] = [
        [{ points: 0, reason: 'x', idempotencyKey: 'adj-bad-0001' }, '/points'],
        [{ points: 1.5, reason: 'x', idempotencyKey: 'adj-bad-0001' }, '/points'],
        [{ points: '5', reason: 'x', idempotencyKey: 'adj-bad-0001' }, '/points'],
        [{ points: 2_000_000, reason: 'x', idempotencyKey: 'adj-bad-0001' }, '/points'],
        [{ points: 5, reason: '', idempotencyKey: 'adj-bad-0001' }, '/reason'],
        [{ points: 5, reason: 'x'.repeat(501), idempotencyKey: 'adj-bad-0001' }, '/reason'],
        [{ points: 5, reason: 'x', idempotencyKey: 'short' }, '/idempotencyKey'],
        [{ points: 5, reason: 'x', idempotencyKey: 'has space in it' }, '/idempotencyKey'],
        [{ points: 5, reason: 'x' }, '/idempotencyKey'],
        [{ points: 5, reason: 'x', idempotencyKey: 'adj-bad-0001', extra: 1 }, '/extra'],
      ];
      for (const [body, path] of cases) {
        const res = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/adjustments`).send(body as object);
        expect(res.status, JSON.stringify(body)).to.equal(400);
        expect(res.body.error.problems.map((p: Json) => p.path), JSON.stringify(body)).to.include(path);
      }
      const malformed = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/adjustments`).set('Content-Type', 'application/json').send('{"points":');
      expect(malformed.status).to.equal(400);
      expect(malformed.body.error.code).to.equal('MALFORMED_JSON');
      const missing = await admin(t, 'post', `${base}/nobody/adjustments`).send({ points: 5, reason: 'x', idempotencyKey: 'adj-bad-0002' });
      expect(missing.status).to.equal(404);
      expect(missing.body.error.code).to.equal('UNKNOWN_MEMBER');
      expect(await t.deps.models.LedgerEntry.countDocuments({ memberId: m._id, kind: 'ADJUST' })).to.equal(0);
    });
  });

  describe('suspend and reinstate', () => {
    it('suspends (the register then refuses the account) and reinstates to the earlier status; repeats are 409', async () => {
      const m = await seedMember(t.deps, { status: 'STARTER', phone: '2125550177', points: 3 });
      const s = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/suspend`);
      expect(s.status).to.equal(200);
      expect(s.body.member.status).to.equal('SUSPENDED');
      let refused: unknown = null;
      await requireMember(t.deps.models, 'demo', m.loyaltyIdentifier).catch((err: unknown) => { refused = err; });
      expect(refused).to.be.instanceOf(LoyaltyError).and.to.include({ code: 'ACCOUNT_INVALID' });
      const again = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/suspend`);
      expect(again.status).to.equal(409);
      expect(again.body.error.code).to.equal('ALREADY_SUSPENDED');
      // Suspended members stay findable for operators.
      const found = await admin(t, 'get', `${base}?phone=2125550177`);
      expect(found.body.members[0].status).to.equal('SUSPENDED');
      const r = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/reinstate`);
      expect(r.status).to.equal(200);
      expect(r.body.member.status).to.equal('STARTER');
      const twice = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/reinstate`);
      expect(twice.status).to.equal(409);
      expect(twice.body.error.code).to.equal('NOT_SUSPENDED');
      expect(await t.deps.models.AuditEntry.countDocuments({ action: { $in: ['member.suspend', 'member.reinstate'] }, target: `demo/${m.loyaltyIdentifier}` })).to.equal(2);
      const missing = await admin(t, 'post', `${base}/nobody/suspend`);
      expect(missing.status).to.equal(404);
    });
  });

  describe('reinstate releases withheld checks', () => {
    async function accrueWhileSuspended(member: MemberRecord): Promise<string> {
      const paid = paidCheck(check({ selections: [burger(10)] }));
      const r = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paid }));
      expect(r.body.transactionStatus).to.equal('ACCEPT');
      const acc = await t.deps.models.Accrual.findOne({ checkGuid: paid.guid }).lean();
      expect(acc).to.include({ state: 'WITHHELD' });
      return String(acc!._id);
    }

    it('posts the points of checks paid while suspended (demo: WITHHOLD) when reinstated, once', async () => {
      const m = await seedMember(t.deps, { points: 5 });
      expect((await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/suspend`)).status).to.equal(200);
      const accrualId = await accrueWhileSuspended(m);
      const r = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/reinstate`);
      expect(r.status).to.equal(200);
      expect(r.body.withheld).to.deep.equal({ released: 1, posted: 1 });
      const posted = await t.deps.models.Accrual.findById(accrualId).lean();
      expect(posted).to.include({ state: 'POSTED' });
      expect(posted!.points).to.be.greaterThan(0);
      expect(r.body.member.status).to.equal('REGISTERED');
      expect((await admin(t, 'get', `${base}/${m.loyaltyIdentifier}`)).body.member.pointsBalance).to.equal(5 + posted!.points!);
      const again = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/reinstate`);
      expect([again.status, again.body.error.code]).to.deep.equal([409, 'NOT_SUSPENDED']);
      expect((await ledgerInvariant(t.deps, m)).sum).to.equal(5 + posted!.points!);
    });

    it('finishes a reinstate interrupted before the release: the repeat posts the withheld check (200)', async () => {
      const m = await seedMember(t.deps, {});
      expect((await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/suspend`)).status).to.equal(200);
      const accrualId = await accrueWhileSuspended(m);
      // The status flip happened, the release did not (a crash in between).
      await t.deps.models.Member.updateOne({ _id: m._id }, { $set: { status: 'REGISTERED', statusBeforeSuspension: null } });
      const r = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/reinstate`);
      expect(r.status).to.equal(200);
      expect(r.body.withheld).to.deep.equal({ released: 1, posted: 1 });
      const posted = await t.deps.models.Accrual.findById(accrualId).lean();
      expect((await admin(t, 'get', `${base}/${m.loyaltyIdentifier}`)).body.member.pointsBalance).to.equal(posted!.points).and.to.be.greaterThan(0);
    });
  });

  describe('contact corrections (PATCH)', () => {
    it('sets names, email and phone; the old phone no longer finds the member, the new one does', async () => {
      const m = await seedMember(t.deps, { phone: '3125550100' });
      const res = await admin(t, 'patch', `${base}/${m.loyaltyIdentifier}`).send({ firstName: 'Lin', lastName: 'Ng', email: 'Lin@Example.org', phone: '312-555-0111' });
      expect(res.status).to.equal(200);
      expect(res.body.member).to.include({ firstName: 'Lin', lastName: 'Ng', email: 'lin@example.org', phone: '3125550111' });
      expect((await admin(t, 'get', `${base}?phone=3125550100`)).body.members).to.deep.equal([]);
      expect((await admin(t, 'get', `${base}?phone=3125550111`)).body.members[0].identifier).to.equal(m.loyaltyIdentifier);
      expect((await admin(t, 'get', `${base}?email=lin@example.org`)).body.members[0].identifier).to.equal(m.loyaltyIdentifier);
      // The freed phone can be taken by someone else.
      await seedMember(t.deps, { phone: '3125550100' });
      const audit = await t.deps.models.AuditEntry.findOne({ action: 'member.update', target: `demo/${m.loyaltyIdentifier}` }).lean();
      expect(JSON.stringify(audit)).to.not.include('3125550111').and.not.include('lin@example.org');
      const cleared = await admin(t, 'patch', `${base}/${m.loyaltyIdentifier}`).send({ email: null });
      expect(cleared.status).to.equal(200);
      expect(cleared.body.member.email).to.equal(null);
      expect((await admin(t, 'get', `${base}?email=lin@example.org`)).body.members).to.deep.equal([]);
    });

    it("refuses another member's phone or email (409) and leaves both members unchanged", async () => {
      const a = await seedMember(t.deps, { phone: '4155550100', email: 'a@example.com' });
      const b = await seedMember(t.deps, { phone: '4155550101', email: 'b@example.com' });
      const phone = await admin(t, 'patch', `${base}/${b.loyaltyIdentifier}`).send({ phone: '4155550100', firstName: 'B' });
      expect(phone.status).to.equal(409);
      expect(phone.body.error.code).to.equal('PHONE_TAKEN');
      const email = await admin(t, 'patch', `${base}/${b.loyaltyIdentifier}`).send({ phone: '4155550102', email: 'A@example.com' });
      expect(email.status).to.equal(409);
      expect(email.body.error.code).to.equal('EMAIL_TAKEN');
      // The phone claimed before the email clash was released again.
      const c = await seedMember(t.deps, { phone: '4155550102' });
      expect(c.phone).to.equal('4155550102');
      const stored = await t.deps.models.Member.findById(b._id).lean();
      expect(stored).to.include({ phone: '4155550101', email: 'b@example.com', firstName: null });
      expect((await admin(t, 'get', `${base}?phone=4155550100`)).body.members[0].identifier).to.equal(a.loyaltyIdentifier);
    });

    it('gives a phone to exactly one of 10 members asking for it at once', async () => {
      const members = await Promise.all(Array.from({ length: 10 }, () => seedMember(t.deps, {})));
      const answers = await Promise.all(members.map((m) => admin(t, 'patch', `${base}/${m.loyaltyIdentifier}`).send({ phone: '5105550199' })));
      expect(answers.filter((a) => a.status === 200)).to.have.length(1);
      expect(answers.filter((a) => a.status === 409 && a.body.error.code === 'PHONE_TAKEN')).to.have.length(9);
      const winner = answers.find((a) => a.status === 200)!.body.member.identifier;
      expect((await admin(t, 'get', `${base}?phone=5105550199`)).body.members[0].identifier).to.equal(winner);
      expect(await t.deps.models.Member.countDocuments({ programId: 'demo', phone: '5105550199' })).to.equal(1);
    });

    it('refuses an empty body, a bad email, a bad phone, unknown fields (400) and an unknown member (404)', async () => {
      const m = await seedMember(t.deps, {});
      for (const [body, path] of [[{}, '/'], [{ email: 'not-an-email' }, '/email'], [{ phone: '555' }, '/phone'], [{ tier: 'gold' }, '/tier'], [{ firstName: '' }, '/firstName']] as const) {
        const res = await admin(t, 'patch', `${base}/${m.loyaltyIdentifier}`).send(body);
        expect(res.status, JSON.stringify(body)).to.equal(400);
        expect(res.body.error.problems.map((p: Json) => p.path), JSON.stringify(body)).to.include(path);
      }
      const missing = await admin(t, 'patch', `${base}/nobody`).send({ firstName: 'X' });
      expect(missing.status).to.equal(404);
    });
  });
});

describe('admin API: adjustments under a policy that allows negative balances', function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  it('takes the balance below zero when policies.adjustments.allowNegativeBalance is true', async () => {
    const file = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Json;
    file.version = '2026.11.1-neg';
    file.policies.adjustments = { allowNegativeBalance: true };
    const published = await admin(t, 'post', '/admin/v1/programs/demo/versions').send(file);
    expect(published.status).to.equal(201);
    const activated = await admin(t, 'post', '/admin/v1/programs/demo/versions/2026.11.1-neg/activate');
    expect(activated.status).to.equal(200);
    const m = await seedMember(t.deps, { points: 10 });
    const res = await admin(t, 'post', `${base}/${m.loyaltyIdentifier}/adjustments`).send({ points: -30, reason: 'chargeback', idempotencyKey: 'adj-negative-0001' });
    expect(res.status).to.equal(201);
    expect(res.body.balance).to.equal(-20);
    expect(res.body.entry.provenance.ruleSetVersion).to.equal('2026.11.1-neg');
  });
});
