/**
 * Calendar days in a timezone without luxon objects (issue 11 §4: INQUIRE's expiry instant):
 * the same instants luxon answers, across DST gaps and overlaps, in zones east and west of UTC.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { addZonedDays, zoneOffsetMinutes } from '../../../rules/engine/zone-days.js';
import { addDays } from '../../../server/loyalty/policy/expiry.js';

const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC', 'America/Sao_Paulo'];
const viaLuxon = (at: Date, days: number, zone: string): Date => DateTime.fromJSDate(at, { zone }).plus({ days }).toJSDate();

describe('calendar days in a timezone (zone-days)', () => {
  it('answers what luxon answers for every hour around the 2026 DST changes, forwards and back', () => {
    const starts = ['2026-03-07T00:00:00Z', '2026-03-28T00:00:00Z', '2026-10-03T00:00:00Z', '2026-10-24T00:00:00Z', '2026-10-31T00:00:00Z', '2026-04-04T00:00:00Z'];
    let compared = 0;
    for (const zone of ZONES) {
      for (const start of starts) {
        for (let h = 0; h < 72; h++) {
          const at = new Date(Date.parse(start) + h * 3_600_000 + 17 * 60_000 + 123);
          for (const days of [-90, -1, 1, 2, 30, 365]) {
            expect(addZonedDays(at, days, zone).toISOString(), `${zone} ${at.toISOString()} ${days}`).to.equal(viaLuxon(at, days, zone).toISOString());
            compared++;
          }
        }
      }
    }
    expect(compared).to.equal(ZONES.length * 6 * 72 * 6);
  });

  it('lands in a DST gap the way luxon does (2:30 am on the day clocks skip 2–3 am)', () => {
    const at = new Date('2026-03-07T07:30:00Z'); // 2:30 am EST, the day before the gap
    expect(addZonedDays(at, 1, 'America/New_York').toISOString()).to.equal(viaLuxon(at, 1, 'America/New_York').toISOString());
    expect(addDays(at, 1, 'America/New_York').toISOString()).to.equal('2026-03-08T07:30:00.000Z');
  });

  it('knows the offsets luxon knows', () => {
    for (const zone of ZONES) {
      for (const iso of ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z']) {
        expect(zoneOffsetMinutes(zone, Date.parse(iso)), `${zone} ${iso}`).to.equal(DateTime.fromISO(iso, { zone }).offset);
      }
    }
  });

  it('remembers offsets per hour but never across a change: every minute of the 2026 change days, asked twice, is what luxon says', () => {
    // Lord Howe and Chatham change at :30 or :45 of a UTC hour: those hours must not be remembered.
    const days = ['2026-03-08T00:00:00Z', '2026-03-29T00:00:00Z', '2026-04-05T00:00:00Z', '2026-10-04T00:00:00Z', '2026-10-25T00:00:00Z', '2026-11-01T00:00:00Z', '2026-09-27T00:00:00Z'];
    for (const zone of ZONES) {
      for (const day of days) {
        for (let m = -12 * 60; m < 36 * 60; m++) {
          const ms = Date.parse(day) + m * 60_000 + 59_000;
          const want = DateTime.fromMillis(ms, { zone }).offset;
          expect(zoneOffsetMinutes(zone, ms), `${zone} ${new Date(ms).toISOString()}`).to.equal(want);
          expect(zoneOffsetMinutes(zone, ms - 59_000), `${zone} ${new Date(ms - 59_000).toISOString()} (second ask)`).to.equal(DateTime.fromMillis(ms - 59_000, { zone }).offset);
        }
      }
    }
  });
});
