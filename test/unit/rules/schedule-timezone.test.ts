import { expect } from 'chai';
import { accrual, offers, periodStarts, type Reward } from '../../../rules/index.js';
import { ctx, fiveOff, ITEM, LOC, program, sel, toastCheck } from './helpers.js';

const scheduled = (schedule: Reward['schedule']): Reward => ({ ...fiveOff, pointsCost: 0, schedule });
const allowed = async (schedule: Reward['schedule'], now: string) =>
  (await offers(program([scheduled(schedule)]), ctx(toastCheck([sel(ITEM.burger, 8.99)]), { now }))).offers[0]?.applicable;

describe('schedules in the location timezone (America/New_York)', () => {
  it('hours are local wall-clock time in summer (EDT) and winter (EST)', async () => {
    const s = { days: ['WED' as const], hours: [{ start: '14:00', end: '17:00' }] };
    expect(await allowed(s, '2026-07-15T18:30:00Z')).to.equal(true); // 14:30 EDT
    expect(await allowed(s, '2026-12-16T18:30:00Z')).to.equal(false); // 13:30 EST
    expect(await allowed(s, '2026-12-16T19:30:00Z')).to.equal(true); // 14:30 EST
    expect(await allowed(s, '2026-07-15T21:00:00Z')).to.equal(false); // 17:00 EDT: end is exclusive
  });

  it('a window across midnight belongs to the day it starts on', async () => {
    const s = { days: ['FRI' as const], hours: [{ start: '22:00', end: '02:00' }] };
    expect(await allowed(s, '2026-07-18T02:30:00Z')).to.equal(true); // Fri 22:30 EDT
    expect(await allowed(s, '2026-07-18T05:30:00Z')).to.equal(true); // Sat 01:30 EDT (Friday's window)
    expect(await allowed(s, '2026-07-18T06:30:00Z')).to.equal(false); // Sat 02:30
    expect(await allowed(s, '2026-07-19T02:30:00Z')).to.equal(false); // Sat 22:30: Saturday not listed
    expect(await allowed(s, '2026-07-17T05:30:00Z')).to.equal(false); // Fri 01:30 belongs to Thursday
  });

  it('spring forward (2026-03-08): a Saturday-night window across midnight is 3 real hours long', async () => {
    const s = { days: ['SAT' as const], hours: [{ start: '23:00', end: '03:00' }] };
    expect(await allowed(s, '2026-03-08T04:30:00Z')).to.equal(true); // Sat 23:30 EST
    expect(await allowed(s, '2026-03-08T06:30:00Z')).to.equal(true); // Sun 01:30 EST
    expect(await allowed(s, '2026-03-08T07:00:00Z')).to.equal(false); // Sun 03:00 EDT (02:00 never happened)
  });

  it('fall back (2026-11-01): the repeated 1 am hour is inside the window both times', async () => {
    const s = { days: ['SAT' as const], hours: [{ start: '23:00', end: '02:00' }] };
    expect(await allowed(s, '2026-11-01T05:30:00Z')).to.equal(true); // Sun 01:30 EDT
    expect(await allowed(s, '2026-11-01T06:30:00Z')).to.equal(true); // Sun 01:30 EST
    expect(await allowed(s, '2026-11-01T07:00:00Z')).to.equal(false); // Sun 02:00 EST
  });

  it('date ranges are inclusive local dates', async () => {
    const s = { dateRange: { from: '2026-07-01', to: '2026-07-31' } };
    expect(await allowed(s, '2026-08-01T03:59:00Z')).to.equal(true); // 23:59 on Jul 31 in New York
    expect(await allowed(s, '2026-08-01T04:00:00Z')).to.equal(false);
  });

  it('double points 2–5 pm follow the local clock in accrual too', async () => {
    const p = program([], { promotions: [{ id: 'dbl', name: 'Double', kind: 'MULTIPLIER', multiplier: 2, schedule: { hours: [{ start: '14:00', end: '17:00' }] } }] });
    const pts = async (now: string) => (await accrual(p, ctx(toastCheck([sel(ITEM.burger, 10)]), { now }))).points;
    expect([await pts('2026-07-15T18:00:00Z'), await pts('2026-12-16T18:00:00Z')]).to.deep.equal([20, 10]);
  });

  it('periodStarts gives local day, ISO week and month starts as UTC instants', () => {
    const p = program([]);
    expect(periodStarts(p, LOC, '2026-07-15T03:00:00Z')).to.deep.equal({
      day: '2026-07-14T04:00:00.000Z', week: '2026-07-13T04:00:00.000Z', month: '2026-07-01T04:00:00.000Z',
    });
    // Sunday after fall-back: the week began on Monday in EDT, the day in EDT too (midnight precedes 2 am)
    expect(periodStarts(p, LOC, '2026-11-01T12:00:00Z')).to.deep.equal({
      day: '2026-11-01T04:00:00.000Z', week: '2026-10-26T04:00:00.000Z', month: '2026-11-01T04:00:00.000Z',
    });
  });
});
