/** Schema of the daily report answer. */
const int = { type: 'integer' };

const rewardUseSchema = {
  type: 'object',
  required: ['rewardId', 'name', 'uses', 'discountCents'],
  properties: { rewardId: { type: 'string' }, name: { type: 'string' }, uses: int, discountCents: int },
};

const figures = {
  loyaltyChecks: { ...int, description: 'Paid checks credited to a member, net of checks reversed that day.' },
  salesCents: { ...int, description: 'Sales on those checks (after discounts, before tax and tips), cents.' },
  discountCents: { ...int, description: 'Loyalty discounts given, net of reversed redemptions, cents.' },
  pointsEarned: { ...int, description: 'ACCRUE, CLAIM and BONUS points, net of accrual reversals.' },
  pointsRedeemed: { ...int, description: 'Points spent on rewards, net of redemption reversals.' },
  pointsExpired: int,
  pointsAdjusted: { ...int, description: 'Signed sum of admin adjustments.' },
  newMembers: int,
  rewardUses: { type: 'array', items: rewardUseSchema },
};

/** What every report answer starts with: the program and the day range it covers. */
const rangeProperties = {
  programId: { type: 'string' },
  timezone: { type: 'string', description: 'IANA timezone the days are in.' },
  from: { type: 'string', format: 'date' },
  to: { type: 'string', format: 'date' },
  location: { type: ['string', 'null'] },
};

export const dailyReportSchema = {
  type: 'object',
  required: ['programId', 'timezone', 'from', 'to', 'location', 'days', 'totals'],
  properties: {
    ...rangeProperties,
    days: {
      type: 'array',
      items: {
        type: 'object',
        properties: { day: { type: 'string', format: 'date' }, location: { type: ['string', 'null'] }, locationName: { type: ['string', 'null'] }, ...figures },
      },
    },
    totals: { type: 'object', properties: figures },
  },
};

/** Schema of the item report answer. */
export const itemReportSchema = {
  type: 'object',
  required: ['programId', 'timezone', 'from', 'to', 'location', 'items'],
  properties: {
    ...rangeProperties,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['guid', 'name', 'nameSource', 'quantity', 'salesCents'],
        properties: {
          guid: { type: 'string', description: 'Toast menu item GUID.' },
          name: { type: 'string' },
          nameSource: { type: 'string', enum: ['MENU', 'POS', 'GUID'], description: 'MENU: the imported Toast menu; POS: the name on the check line; GUID: neither knew it.' },
          quantity: { type: 'number', description: 'Units net of reversals and refunds (a decimal for weighed items).' },
          salesCents: { ...int, description: 'Net of item and check discounts, cents.' },
        },
      },
    },
  },
};
