/**
 * Reports as CSV (RFC 4180, CRLF), money in dollars with two decimals. The daily report: one
 * line per day and location, one `uses: <reward>` column per reward used in the range.
 */
import type { DailyReport } from './daily-report.js';
import type { ItemReport } from './item-report.js';

const dollars = (cents: number): string => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/**
 * A text cell (names, ids): quoted when needed; a leading = + - @ is neutralised so a
 * spreadsheet never runs it as a formula. Numbers and amounts are written as they are.
 */
function text(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(report: DailyReport): string {
  const rewards = report.totals.rewardUses.map((u) => ({ id: u.rewardId, name: u.name }));
  const header = ['day', 'location', 'location_name', 'loyalty_checks', 'sales', 'discounts', 'points_earned', 'points_redeemed',
    'points_expired', 'points_adjusted', 'new_members', ...rewards.map((r) => `uses: ${r.name}`)];
  const lines = [header.map(text).join(',')];
  for (const d of report.days) {
    const uses = rewards.map((r) => d.rewardUses.find((u) => u.rewardId === r.id)?.uses ?? 0);
    lines.push([text(d.day), text(d.location), text(d.locationName), d.loyaltyChecks, dollars(d.salesCents), dollars(d.discountCents), d.pointsEarned,
      d.pointsRedeemed, d.pointsExpired, d.pointsAdjusted, d.newMembers, ...uses].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The item report as CSV: one line per menu item, largest sales first. */
export function itemReportCsv(report: ItemReport): string {
  const lines = [['item', 'name', 'name_source', 'quantity', 'sales'].join(',')];
  for (const i of report.items) lines.push([text(i.guid), text(i.name), i.nameSource, i.quantity, dollars(i.salesCents)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
