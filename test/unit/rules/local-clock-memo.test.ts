/**
 * Timezone arithmetic once per location and minute (issue 11 §4): every request of the same
 * minute shares one local clock (and one set of period starts per local day), while the instant
 * stays exact and a DST change — always on a whole minute — is still seen the minute it happens.
 */
import { expect } from 'chai';
import { localClock } from '../../../rules/engine/clock.js';
import { periodStarts } from '../../../rules/index.js';
import { LOC, program } from './helpers.js';

describe('local clock memo (per location and minute)', () => {
  const p = program([]);

  it('shares the local clock within a minute and keeps each instant exact', () => {
    const a = localClock(p, LOC, '2026-07-15T15:00:00.123Z');
    const b = localClock(p, LOC, '2026-07-15T15:00:59.456Z');
    expect(b.local).to.equal(a.local);
    expect([a.instant.toMillis(), b.instant.toMillis()]).to.deep.equal([Date.parse('2026-07-15T15:00:00.123Z'), Date.parse('2026-07-15T15:00:59.456Z')]);
    expect([b.day, b.minuteOfDay, b.localDate]).to.deep.equal(['WED', 11 * 60, '2026-07-15']);
    const next = localClock(p, LOC, '2026-07-15T15:01:00.000Z');
    expect(next.local).to.not.equal(a.local);
    expect(next.minuteOfDay).to.equal(11 * 60 + 1);
  });

  it('sees a DST change the minute it happens (New York, 8 March 2026)', () => {
    expect(localClock(p, LOC, '2026-03-08T06:59:59.999Z').minuteOfDay).to.equal(1 * 60 + 59);
    expect(localClock(p, LOC, '2026-03-08T07:00:00.000Z').minuteOfDay).to.equal(3 * 60);
    expect(localClock(p, LOC, Date.parse('2026-11-01T05:59:00Z')).minuteOfDay).to.equal(1 * 60 + 59);
    expect(localClock(p, LOC, Date.parse('2026-11-01T06:00:00Z')).minuteOfDay).to.equal(1 * 60);
  });

  it('still refuses a clock value that is not an instant', () => {
    expect(() => localClock(p, LOC, 'not a date')).to.throw(RangeError);
  });

  it('period starts are the local day, ISO week and month, computed once per local day', () => {
    const a = periodStarts(p, LOC, '2026-07-15T15:00:00.000Z');
    expect(a).to.deep.equal({ day: '2026-07-15T04:00:00.000Z', week: '2026-07-13T04:00:00.000Z', month: '2026-07-01T04:00:00.000Z' });
    expect(periodStarts(p, LOC, '2026-07-16T03:59:59.999Z')).to.equal(a);
    expect(periodStarts(p, LOC, '2026-07-16T04:00:00.000Z').day).to.equal('2026-07-16T04:00:00.000Z');
  });
});
