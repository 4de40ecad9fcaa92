/**
 * Daily reports: rollups computed from real Toast traffic (REDEEM, ACCRUE posted by the
 * worker's function, REVERSE of both), admin adjustments and expiry, across days in the
 * program's timezone; totals equal the ledger's; JSON and CSV; every refusal.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { appendEntry } from '../../../server/loyalty/ledger/ledger.js';
import type { MemberRecord } from '../../../server/loyalty/members/members.js';
import { rebuildRollups, refreshRecentDays } from '../../../server/reports/daily-rollup.js';
import type { TestApp } from '../../support/app.js';
import { burger } from '../../support/demo-menu.js';
import { seedMember } from '../../support/members.js';
import { serviceUrls } from '../../support/services.js';
import { toast } from '../../support/toast-client.js';
import { accrueRequest, check, DEMO_RESTAURANT_GUID, loyaltyDiscount, paidCheck, redeemRequest, redemption, reverseRequest } from '../../support/toast-requests.js';
import { admin, ADMIN_KEYS, startAdminApp } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const HOUR = 3600 * 1000;
const CAFE = 'c0ffee00-5a1e-4c3b-8d2e-1f7a9b3c5d01';
const report = '/admin/v1/programs/demo/reports/daily';

describe('admin API: daily reports', function () {
  this.timeout(60_000);
  let t: TestApp;
  // Starts Tuesday 2026-12-01 10:00 in New York (the demo's timezone).
  before(async () => { t = await startAdminApp(); });
  after(async () => { await t.close(); });

  async function pay(member: MemberRecord, dollars: number): Promise<string> {
    const guid = randomUUID();
    const at = t.clock.now().toISOString();
    const c = { ...paidCheck(check({ selections: [burger(dollars)] })), amount: dollars, paidDate: at, closedDate: at };
    const reply = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: c }), { guid });
    expect(reply.status).to.equal(200);
    const stored = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
    expect(await postAccrual(t.deps, stored!.accrualId!, t.clock.now())).to.equal('POSTED');
    return guid;
  }

  async function redeemTenOff(member: MemberRecord): Promise<string> {
    const guid = randomUUID();
    const discount = loyaltyDiscount('ten-off', 10);
    const c = check({ selections: [burger(12), burger(12)], appliedDiscounts: [discount] });
    const reply = await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(member.loyaltyIdentifier, { check: c, redemptions: [redemption('ten-off', { appliedDiscountGuid: discount.guid })] }), { guid });
    expect(reply.body.checkResponse!.appliedRedemptions![0]).to.include({ identifier: 'ten-off', amount: 10 });
    return guid;
  }

  async function ledgerSums(): Promise<Json> {
    const entries = await t.deps.models.LedgerEntry.find({ programId: 'demo' }).lean();
    const sum = (kinds: string[]): number => entries.filter((e) => kinds.includes(e.kind)).reduce((s, e) => s + e.delta, 0);
    const members = await t.deps.models.Member.find({ programId: 'demo' }).lean();
    return {
      earned: sum(['ACCRUE', 'CLAIM', 'BONUS', 'REVERSE_ACCRUE']), redeemed: -sum(['REDEEM', 'REVERSE_REDEEM']), expired: -sum(['EXPIRE']),
      adjusted: sum(['ADJUST']), all: sum(['ACCRUE', 'CLAIM', 'BONUS', 'REVERSE_ACCRUE', 'REDEEM', 'REVERSE_REDEEM', 'EXPIRE', 'ADJUST']),
      balances: members.reduce((s, m) => s + m.pointsBalance, 0), entries: entries.length,
    };
  }

  let dayOneRedeem = '';

  it('reports what happened on each local day and location, and its totals equal the ledger\'s', async () => {
    // Day 1 (Dec 1, New York).
    const ada = await seedMember(t.deps, { points: 200 });
    const bo = await seedMember(t.deps, {});
    dayOneRedeem = await redeemTenOff(ada);
    await pay(ada, 24);
    const voided = await pay(bo, 30);
    expect((await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(voided, bo.loyaltyIdentifier))).status).to.equal(200);
    expect((await admin(t, 'post', `/admin/v1/programs/demo/members/${ada.loyaltyIdentifier}/adjustments`).send({ points: 7, reason: 'late check', idempotencyKey: 'report-adj-0001' })).status).to.equal(201);
    // 22:30 in New York is still Dec 1 there (03:30 UTC on Dec 2).
    t.clock.advance(12.5 * HOUR);
    expect((await admin(t, 'post', `/admin/v1/programs/demo/members/${ada.loyaltyIdentifier}/adjustments`).send({ points: -3, reason: 'typo', idempotencyKey: 'report-adj-0002' })).status).to.equal(201);
    // Day 2 (Dec 2): the redemption is voided, Bo pays again, some points expire.
    t.clock.advance(11.5 * HOUR);
    expect((await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(dayOneRedeem, ada.loyaltyIdentifier))).status).to.equal(200);
    await pay(bo, 15);
    await appendEntry(t.deps.models, { programId: 'demo', memberId: bo._id, delta: -5, kind: 'EXPIRE', sourceKey: 'expire:test', floor: 'CLAMP_AT_ZERO' }, t.clock.now());

    // The worker's step (today and yesterday) and the rebuild command's function.
    expect((await refreshRecentDays(t.deps.models, t.clock.now())).rows).to.be.greaterThan(0);
    const res = await admin(t, 'get', `${report}?from=2026-11-30&to=2026-12-03`);
    expect(res.status).to.equal(200);
    const body = res.body as Json;
    expect(body).to.include({ programId: 'demo', timezone: 'America/New_York', from: '2026-11-30', to: '2026-12-03', location: null });

    const sums = await ledgerSums();
    expect(body.totals).to.include({ pointsEarned: sums.earned, pointsRedeemed: sums.redeemed, pointsExpired: sums.expired, pointsAdjusted: sums.adjusted });
    expect(body.totals.pointsEarned - body.totals.pointsRedeemed - body.totals.pointsExpired + body.totals.pointsAdjusted).to.equal(sums.all).and.to.equal(sums.balances);
    expect(body.totals).to.include({ loyaltyChecks: 2, salesCents: 3900, discountCents: 0, newMembers: 2, pointsAdjusted: 4, pointsExpired: 5 });

    const row = (day: string, location: string | null): Json => body.days.find((d: Json) => d.day === day && d.location === location);
    expect(row('2026-12-01', DEMO_RESTAURANT_GUID)).to.deep.include({ loyaltyChecks: 1, salesCents: 2400, discountCents: 1000, pointsRedeemed: 150, locationName: 'Demo Burger Co. - Union Square' });
    expect(row('2026-12-01', DEMO_RESTAURANT_GUID).rewardUses).to.deep.equal([{ rewardId: 'ten-off', name: '$10 Off Your Check', uses: 1, discountCents: 1000 }]);
    expect(row('2026-12-01', null)).to.deep.include({ newMembers: 2, pointsEarned: 200, pointsAdjusted: 4, loyaltyChecks: 0 });
    expect(row('2026-12-02', DEMO_RESTAURANT_GUID)).to.deep.include({ loyaltyChecks: 1, salesCents: 1500, discountCents: -1000, pointsRedeemed: -150 });
    expect(row('2026-12-02', DEMO_RESTAURANT_GUID).rewardUses).to.deep.equal([{ rewardId: 'ten-off', name: '$10 Off Your Check', uses: -1, discountCents: -1000 }]);
    expect(row('2026-12-02', null)).to.deep.include({ pointsExpired: 5, newMembers: 0 });
    expect(body.days.map((d: Json) => d.day)).to.deep.equal(['2026-12-01', '2026-12-01', '2026-12-02', '2026-12-02']);

    // A rebuild of the whole history gives the same report (idempotent), and so does a repeat.
    expect(await rebuildRollups(t.deps.models, 'demo', {}, t.clock.now())).to.deep.include({ status: 'REBUILT', from: '2026-12-01', to: '2026-12-02', days: 2 });
    await refreshRecentDays(t.deps.models, t.clock.now());
    expect((await admin(t, 'get', `${report}?from=2026-11-30&to=2026-12-03`)).body).to.deep.equal(body);

    const one = await admin(t, 'get', `${report}?from=2026-12-01&to=2026-12-02&location=${DEMO_RESTAURANT_GUID}`);
    expect(one.status).to.equal(200);
    expect(one.body.days.map((d: Json) => d.location)).to.deep.equal([DEMO_RESTAURANT_GUID, DEMO_RESTAURANT_GUID]);
  });

  it('answers from the rollups, never the ledger: new entries appear after the next refresh', async () => {
    const before = (await admin(t, 'get', `${report}?from=2026-12-02&to=2026-12-02`)).body;
    const cy = await seedMember(t.deps, { points: 11 });
    expect((await admin(t, 'get', `${report}?from=2026-12-02&to=2026-12-02`)).body).to.deep.equal(before);
    await refreshRecentDays(t.deps.models, t.clock.now());
    const after = (await admin(t, 'get', `${report}?from=2026-12-02&to=2026-12-02`)).body;
    expect(after.totals.pointsEarned).to.equal(before.totals.pointsEarned + 11);
    expect(after.totals.newMembers).to.equal(before.totals.newMembers + 1);
    expect(cy.pointsBalance).to.equal(11);
  });

  it('npm run reports -- rebuild recomputes deleted rollups to the same report; bad usage exits 2, an unknown program 1', async () => {
    const before = (await admin(t, 'get', `${report}?from=2026-11-30&to=2026-12-03`)).body;
    await t.deps.models.DailyRollup.deleteMany({});
    const url = new URL(serviceUrls().mongodbUri);
    url.pathname = `/${t.deps.conn.name}`;
    const cli = async (args: string[]): Promise<{ code: number; out: string }> => {
      try {
        const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/reports.ts', ...args], { env: { ...process.env, MONGODB_URI: url.toString() } });
        return { code: 0, out: stdout };
      } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, out: e.stdout + e.stderr };
      }
    };
    const rebuilt = await cli(['rebuild', '--program', 'demo', '--from', '2026-12-01', '--to', '2026-12-02']);
    expect(rebuilt).to.deep.equal({ code: 0, out: 'reports rebuild: demo 2026-12-01..2026-12-02: 2 days, 4 rows\n' });
    expect((await admin(t, 'get', `${report}?from=2026-11-30&to=2026-12-03`)).body).to.deep.equal(before);
    expect((await cli(['rebuild', '--program', 'demo', '--from', '2026-12-02', '--to', '2026-12-01'])).code).to.equal(2);
    expect((await cli(['rebuild'])).code).to.equal(2);
    const unknown = await cli(['rebuild', '--program', 'nobody']);
    expect(unknown).to.deep.equal({ code: 1, out: 'reports rebuild: no active program nobody\n' });
  });

  it('answers CSV for Accept: text/csv, one line per day and location, dollars with two decimals', async () => {
    const res = await admin(t, 'get', `${report}?from=2026-12-01&to=2026-12-02`).set('Accept', 'text/csv');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/^text\/csv/);
    expect(res.headers['content-disposition']).to.equal('attachment; filename="demo-daily-2026-12-01-2026-12-02.csv"');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).to.equal('day,location,location_name,loyalty_checks,sales,discounts,points_earned,points_redeemed,points_expired,points_adjusted,new_members,uses: $10 Off Your Check');
    expect(lines).to.have.length(5);
    expect(lines[1]).to.match(new RegExp(`^2026-12-01,${DEMO_RESTAURANT_GUID},Demo Burger Co. - Union Square,1,24.00,10.00,\\d+,150,0,0,0,1$`));
    expect(lines[3]).to.match(new RegExp(`^2026-12-02,${DEMO_RESTAURANT_GUID},Demo Burger Co. - Union Square,1,15.00,-10.00,\\d+,-150,0,0,0,-1$`));
  });

  it('refuses missing or malformed days, a reversed or too long range (400), a foreign or unknown location (404), another program\'s key (403)', async () => {
    for (const [q, path] of [
      ['to=2026-12-01', '/from'], ['from=2026-12-01', '/to'], ['from=12/01/2026&to=2026-12-02', '/from'], ['from=2026-02-30&to=2026-03-01', '/from'],
      ['from=2026-12-02&to=2026-12-01', '/to'], ['from=2025-01-01&to=2026-12-01', '/to'], ['from=2026-12-01&to=2026-12-01&fields=x', '/fields'],
    ] as const) {
      const res = await admin(t, 'get', `${report}?${q}`);
      expect(res.status, q).to.equal(400);
      expect(res.body.error.problems.map((p: Json) => p.path), q).to.include(path);
    }
    for (const location of [CAFE, 'no-such-restaurant']) {
      const res = await admin(t, 'get', `${report}?from=2026-12-01&to=2026-12-01&location=${location}`);
      expect(res.status).to.equal(404);
      expect(res.body.error.code).to.equal('UNKNOWN_LOCATION');
    }
    const foreign = await admin(t, 'get', `${report}?from=2026-12-01&to=2026-12-01`, ADMIN_KEYS.cafe);
    expect(foreign.status).to.equal(403);
    const unauth = await admin(t, 'get', `${report}?from=2026-12-01&to=2026-12-01`, 'nope');
    expect(unauth.status).to.equal(401);
    const unknown = await admin(t, 'get', '/admin/v1/programs/nobody/reports/daily?from=2026-12-01&to=2026-12-01');
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal('UNKNOWN_PROGRAM');
  });
});
