/** Report days are local calendar days: 23 or 25 hours long across a DST change. */
import { expect } from 'chai';
import { dayBounds, dayOf, daysBetween } from '../../../server/reports/report-days.js';

describe('report days', () => {
  it('bounds a local day in the program timezone, DST days included', () => {
    expect(dayBounds('2026-12-01', 'America/New_York')).to.deep.equal({ start: new Date('2026-12-01T05:00:00Z'), end: new Date('2026-12-02T05:00:00Z') });
    const spring = dayBounds('2026-03-08', 'America/New_York');
    expect(spring.end.getTime() - spring.start.getTime()).to.equal(23 * 3600 * 1000);
    const fall = dayBounds('2026-11-01', 'America/New_York');
    expect(fall.end.getTime() - fall.start.getTime()).to.equal(25 * 3600 * 1000);
  });

  it('places an instant on its local day', () => {
    expect(dayOf(new Date('2026-12-02T03:30:00Z'), 'America/New_York')).to.equal('2026-12-01');
    expect(dayOf(new Date('2026-12-02T03:30:00Z'), 'UTC')).to.equal('2026-12-02');
  });

  it('lists the days of a range, both ends included, across month ends', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).to.deep.equal(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-03-02', '2026-03-01')).to.deep.equal([]);
  });

  it('refuses a day that does not exist', () => {
    expect(() => dayBounds('2026-02-30', 'UTC')).to.throw(RangeError);
  });
});
