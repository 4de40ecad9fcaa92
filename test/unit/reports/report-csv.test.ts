/** The CSV report: RFC 4180 quoting, signed dollar amounts, no spreadsheet formulas from names. */
import { expect } from 'chai';
import type { DailyReport } from '../../../server/reports/daily-report.js';
import { reportCsv } from '../../../server/reports/report-csv.js';

const zero = { loyaltyChecks: 0, salesCents: 0, discountCents: 0, pointsEarned: 0, pointsRedeemed: 0, pointsExpired: 0, pointsAdjusted: 0, newMembers: 0 };

describe('report CSV', () => {
  it('quotes names with commas and quotes, neutralises formulas, writes signed dollars', () => {
    const report: DailyReport = {
      programId: 'p', timezone: 'UTC', from: '2026-12-01', to: '2026-12-01', location: null,
      days: [
        { ...zero, day: '2026-12-01', location: 'r1', locationName: 'Joe\'s, "Downtown"', salesCents: 123456, discountCents: -5, rewardUses: [{ rewardId: 'a', name: '=HYPERLINK("x")', uses: 2, discountCents: 5 }] },
        { ...zero, day: '2026-12-01', location: null, locationName: null, newMembers: 3, rewardUses: [] },
      ],
      totals: { ...zero, rewardUses: [{ rewardId: 'a', name: '=HYPERLINK("x")', uses: 2, discountCents: 5 }] },
    };
    const lines = reportCsv(report).split('\r\n');
    expect(lines[0]).to.equal('day,location,location_name,loyalty_checks,sales,discounts,points_earned,points_redeemed,points_expired,points_adjusted,new_members,"uses: =HYPERLINK(""x"")"');
    expect(lines[1]).to.equal('2026-12-01,r1,"Joe\'s, ""Downtown""",0,1234.56,-0.05,0,0,0,0,0,2');
    expect(lines[2]).to.equal('2026-12-01,,,0,0.00,0.00,0,0,0,0,3,0');
    expect(lines[3]).to.equal('');
    const formula: DailyReport = { ...report, days: [{ ...report.days[0]!, locationName: '=cmd()' }] };
    expect(reportCsv(formula).split('\r\n')[1]).to.include(",'=cmd(),");
  });
});
