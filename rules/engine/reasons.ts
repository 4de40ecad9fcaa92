/** Human messages for machine reasons (shown to staff via Toast; never contain PII). */
const MESSAGES: Record<string, string> = {
  UNKNOWN_REWARD: 'This reward is not part of the loyalty program',
  INVALID_QUANTITY: 'The reward quantity is not valid',
  QUANTITY_NOT_ALLOWED: 'An item reward can be applied only once per selection',
  NOT_AT_LOCATION: 'This reward is not available at this location',
  EXPIRED: 'This reward has expired',
  NO_MEMBER: 'No loyalty account is attached to the check',
  MEMBER_SUSPENDED: 'The loyalty account is suspended',
  STATUS_REQUIRED: 'This reward is not available for this account type',
  TIER_REQUIRED: 'This reward requires a higher tier',
  BUDGET_EXHAUSTED: 'This reward is no longer available',
  NEEDS_POINTS: 'Not enough points for this reward',
  REQUIRES_REGISTRATION: 'Complete registration to redeem rewards',
  OUTSIDE_SCHEDULE: 'This reward is not available at this time',
  LIMIT_REACHED: 'This reward has reached its usage limit',
  CONDITIONS_NOT_MET: 'The check does not meet the reward conditions',
  NON_LOYALTY_DISCOUNT_PRESENT: 'This reward cannot be combined with other discounts',
  EXCLUSIVE_WITH: 'This reward cannot be combined with another applied reward',
  REDEMPTION_LIMIT_EXCEEDED: 'Too many rewards on this check',
  ITEM_NOT_ON_CHECK: 'The reward item is not on the check',
  ITEM_HAS_NON_LOYALTY_DISCOUNT: 'The item already has a discount',
  ITEM_ALREADY_DISCOUNTED: 'The item already has a reward applied',
  BUY_ITEMS_MISSING: 'The items required for this offer are not on the check',
  MULTI_ITEM_NEEDS_SEPARATE_SELECTIONS: 'Each bundle item must be a separate selection of quantity 1',
  MIN_SUBTOTAL: 'The check total is below the minimum for this reward',
  NOTHING_TO_DISCOUNT: 'Nothing left on the check to discount',
};

/** Message for a reason like `NEEDS_POINTS:40` (the part before the colon picks the text). */
export function messageFor(reason: string): string {
  const code = reason.split(':', 1)[0] ?? reason;
  return MESSAGES[code] ?? 'Reward no longer available';
}
