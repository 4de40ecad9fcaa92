/** Plain words for the engine's "why not offered" codes (the code itself is shown too). */
const words: Record<string, (arg: string | undefined) => string> = {
  NEEDS_POINTS: (n) => `needs ${n ?? 'more'} more points`,
  OUTSIDE_SCHEDULE: () => 'outside its schedule (day, hours or dates)',
  ITEM_NOT_ON_CHECK: () => 'its item is not on the check',
  EXCLUSIVE_WITH: (id) => `cannot be combined with ${id ?? 'another reward'}`,
  LIMIT_REACHED: () => "the member's limit for this reward is reached",
  NOT_AT_LOCATION: () => 'not offered at this restaurant',
  REQUIRES_REGISTRATION: () => 'starter members may not redeem it',
  MEMBER_SUSPENDED: () => 'the member is suspended',
  NO_MEMBER: () => 'needs a member',
  NOTHING_TO_DISCOUNT: () => 'nothing on the check to discount',
  NON_LOYALTY_DISCOUNT_PRESENT: () => 'the check carries a non-loyalty discount',
  ITEM_HAS_NON_LOYALTY_DISCOUNT: () => 'the item carries a non-loyalty discount',
  ITEM_ALREADY_DISCOUNTED: () => 'the item already has a loyalty discount',
  BUDGET_EXHAUSTED: () => "the reward's budget is used up",
  REDEMPTION_LIMIT_EXCEEDED: () => 'the check reached its redemption limit',
};

export function explainReason(code: string): string {
  const [name, arg] = code.split(/:(.*)/s);
  const say = words[name ?? ''];
  return say ? say(arg) : code.toLowerCase().replace(/_/g, ' ');
}
