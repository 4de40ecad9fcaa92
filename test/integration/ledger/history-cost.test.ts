/**
 * A request's cost does not grow with the member's history (issue 11 §1): after the one-time
 * build of its projections, INQUIRE and REDEEM of a cafe (PER_LOT) member with 5,000 ledger
 * entries send exactly the MongoDB commands they send for a member with 10 (counted with the
 * driver's command monitoring; the wall-clock comparison is `npm run bench:history`).
 */
import { expect } from 'chai';
import { memberWithHistory, type HistoryMember } from '../../../bench/history/long-history.js';
import { withoutLotDetail } from '../../../server/loyalty/ledger/lot-projection.js';
import { resolveMember } from '../../../server/loyalty/members/members.js';
import { expireMember, memberExpiryOutlook } from '../../../server/loyalty/expiry/member-expiry.js';
import { activeProgram } from '../../../server/loyalty/programs/program-cache.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { CAFE, drinkRedeem, pastryRedeem } from '../../support/cafe.js';
import { commandCounter, describeCommands, type CommandCounter } from '../../support/command-counter.js';
import { toast } from '../../support/toast-client.js';
import { inquireRequest } from '../../support/toast-requests.js';

describe('cost of a request with a long history', function () {
  this.timeout(60_000);
  let t: TestApp;
  let counter: CommandCounter;
  let short: HistoryMember;
  let long: HistoryMember;
  let earner: HistoryMember;

  before(async () => {
    t = await startTestApp({ dbPrefix: 'history', monitorCommands: true });
    counter = commandCounter(t.deps.conn);
    short = await memberWithHistory(t.deps.conn, { entries: 10, balance: 50_000, now: t.clock.now() });
    long = await memberWithHistory(t.deps.conn, { entries: 5000, balance: 50_000, now: t.clock.now() });
    earner = await memberWithHistory(t.deps.conn, { entries: 5000, balance: 50_000, now: t.clock.now(), earnOnly: true });
  });
  after(async () => {
    counter.stop();
    await t.close();
  });

  async function commandsOf(type: 'LOYALTY_INQUIRE' | 'LOYALTY_REDEEM', body: unknown): Promise<string> {
    const { result, commands } = await counter.during(() => toast(t.app, type, body, { restaurant: CAFE }));
    expect(result.status, result.text).to.equal(200);
    // The location and rule-set caches refresh once a second, whoever asks: not the member's cost.
    return describeCommands(commands.filter((c) => c.collection !== 'locations' && c.collection !== 'programs'));
  }

  it('builds the projections of a 5,000-entry member once, then INQUIRE and REDEEM cost what they cost with 10 entries', async () => {
    expect(long.entries).to.equal(5000);
    expect(short.entries).to.equal(10);
    // First request of each: the one-time build (reads the whole ledger and the redemptions).
    for (const m of [short, long]) await commandsOf('LOYALTY_INQUIRE', inquireRequest(m.loyaltyIdentifier));
    const inquire = [];
    for (const m of [short, long]) inquire.push(await commandsOf('LOYALTY_INQUIRE', inquireRequest(m.loyaltyIdentifier)));
    expect(inquire[1]).to.equal(inquire[0]);
    expect(inquire[0]!.split(', ')).to.have.length.at.most(2);
    for (const redeem of [drinkRedeem, pastryRedeem]) {
      const counted = [];
      for (const m of [short, long]) counted.push(await commandsOf('LOYALTY_REDEEM', redeem(m)));
      expect(counted[1], redeem.name).to.equal(counted[0]);
    }
  });

  it('a member holding 5,000 unexpired lots: INQUIRE reads their head and tail, not every lot, and costs what 10 entries cost', async () => {
    await commandsOf('LOYALTY_INQUIRE', inquireRequest(earner.loyaltyIdentifier)); // the one-time build
    const stored = (await t.deps.models.Member.findById(earner.id).lean())!;
    expect(stored.lotCount).to.equal(4999); // 4,998 ACCRUE lots and the closing BONUS
    const inquire = [];
    for (const m of [short, earner]) inquire.push(await commandsOf('LOYALTY_INQUIRE', inquireRequest(m.loyaltyIdentifier)));
    expect(inquire[1]).to.equal(inquire[0]);
    // The member as INQUIRE reads it: the head and the tail of the lots (at most 3 × 128 lots of 16 bytes), not 80 KB of lots.
    const read = (await resolveMember(t.deps.models, 'cafe', earner.loyaltyIdentifier, { leave: withoutLotDetail }))!;
    expect([read.lotPages, read.lotTraces]).to.deep.equal([undefined, undefined]);
    const bytes = (field: unknown): number => (field as { position: number }).position;
    expect(bytes(read.lotHead) + bytes(read.lotTail)).to.be.at.most(3 * 128 * 16);
    expect(stored.lotPageCount).to.be.greaterThan(30);
    // (The pastry's one-a-day limit was used by the short member above.)
    const counted = [];
    for (const m of [short, earner]) counted.push(await commandsOf('LOYALTY_REDEEM', drinkRedeem(m)));
    expect(counted[1]).to.equal(counted[0]);
  });

  it('the daily expiry job costs a 5,000-lot member what it costs a 10-entry one: it reads the lots\' oldest end, not the ledger', async () => {
    const few = await memberWithHistory(t.deps.conn, { entries: 10, balance: 50_000, now: t.clock.now(), earnOnly: true });
    await commandsOf('LOYALTY_INQUIRE', inquireRequest(few.loyaltyIdentifier)); // the one-time build (the earner's was built above)
    const cafe = (await activeProgram(t.deps.models, 'cafe'))!.program;
    // 67 days on, each member's lots earned over 298 days ago are past the cafe's 365 days (the earner's: a few dozen, in the head).
    const now = new Date(t.clock.now().getTime() + 67 * 24 * 3600_000);
    const runs = [];
    for (const m of [few, earner]) {
      const due = (await memberExpiryOutlook(t.deps.models, cafe, m.id, now)).due;
      expect(due, 'due from the ledger').to.be.greaterThan(0);
      const { result, commands } = await counter.during(() => expireMember(t.deps.models, cafe, m.id, now));
      expect(result.expired).to.equal(due);
      runs.push(describeCommands(commands));
    }
    expect(runs[1]).to.equal(runs[0]);
    expect(runs[0]).not.to.include('getMore');
  });
});
