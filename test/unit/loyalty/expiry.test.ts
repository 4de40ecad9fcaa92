/** The pure expiry model: INACTIVITY activity, PER_LOT lots (FIFO, restored redemptions, deficits), reward dates. */
import { expect } from 'chai';
import { expiryOutlook, lastActivity, rewardExpiry, type LedgerLine } from '../../../server/loyalty/policy/expiry.js';
import { allLots, replayLots } from '../../../server/loyalty/policy/expiry-lots.js';

const tz = 'America/New_York';
const day = (n: number): Date => new Date(Date.UTC(2026, 0, 1 + n, 17));
const e = (kind: string, delta: number, n: number, sourceKey = `${kind}:${n}`): LedgerLine => ({ kind, delta, createdAt: day(n), sourceKey });

describe('expiry model', () => {
  it('INACTIVITY: activity is the latest ACCRUE, CLAIM or REDEEM; reversals and bonuses do not count', () => {
    const entries = [e('BONUS', 10, 0), e('ACCRUE', 50, 5), e('REDEEM', -20, 40), e('REVERSE_REDEEM', 20, 90), e('BONUS', 5, 95)];
    expect(lastActivity(entries)).to.deep.equal(day(40));
    expect(lastActivity([e('BONUS', 10, 3)])).to.deep.equal(day(3));
    const policy = { mode: 'INACTIVITY' as const, days: 100 };
    expect(expiryOutlook(policy, entries, day(139), 'UTC')).to.deep.equal({ due: 0, upcoming: [{ at: day(140), points: 65 }] });
    expect(expiryOutlook(policy, entries, day(140), 'UTC')).to.deep.equal({ due: 65, upcoming: [] });
    expect(expiryOutlook({ mode: 'NONE' }, entries, day(999), tz)).to.deep.equal({ due: 0, upcoming: [] });
  });

  it('PER_LOT: debits take the oldest lots first; a reversed redemption returns to its original lots', () => {
    const entries = [e('ACCRUE', 100, 0), e('ACCRUE', 50, 10), e('REDEEM', -120, 20, 'redeem:x'), e('REVERSE_REDEEM', 120, 21, 'reverse:redeem:x')];
    expect(allLots(replayLots(entries.slice(0, 3))).toArray()).to.deep.equal([{ earnedAt: day(10), points: 30 }]);
    expect(allLots(replayLots(entries)).toArray()).to.deep.equal([{ earnedAt: day(0), points: 100 }, { earnedAt: day(10), points: 50 }]);
    const outlook = expiryOutlook({ mode: 'PER_LOT', days: 30 }, entries, day(35), 'UTC');
    expect(outlook).to.deep.equal({ due: 100, upcoming: [{ at: day(40), points: 50 }] });
  });

  it('PER_LOT: a reversal into a negative balance leaves a deficit that later credits pay first', () => {
    const entries = [e('ACCRUE', 40, 0), e('REDEEM', -40, 1), e('REVERSE_ACCRUE', -40, 2), e('ACCRUE', 70, 3)];
    const paid = replayLots(entries);
    expect([allLots(paid).toArray(), paid.deficit]).to.deep.equal([[{ earnedAt: day(3), points: 30 }], 0]);
    const owed = replayLots(entries.slice(0, 3));
    expect([allLots(owed).toArray(), owed.deficit]).to.deep.equal([[], 40]);
  });

  it('counts days on the program\'s calendar: a DST change does not move the hour', () => {
    const march = [{ kind: 'ACCRUE', delta: 10, sourceKey: 'a', createdAt: new Date('2027-03-13T15:00:00Z') }];
    expect(expiryOutlook({ mode: 'PER_LOT', days: 1 }, march, new Date('2027-03-13T16:00:00Z'), tz).upcoming[0]!.at.toISOString())
      .to.equal('2027-03-14T14:00:00.000Z');
  });

  it('dates a reward by the first expiration that leaves the balance below its cost', () => {
    const upcoming = [{ at: day(10), points: 30 }, { at: day(20), points: 50 }];
    expect(rewardExpiry(50, 100, upcoming)).to.deep.equal(day(20));
    expect(rewardExpiry(80, 100, upcoming)).to.deep.equal(day(10));
    expect(rewardExpiry(10, 100, upcoming)).to.equal(null);
    expect(rewardExpiry(150, 100, upcoming)).to.equal(null);
    expect(rewardExpiry(0, 100, upcoming)).to.equal(null);
  });
});
