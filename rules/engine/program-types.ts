/**
 * Types of a validated program rule file (mirrors `rules/schema/program.schema.json`).
 * A value of type {@link Program} has passed `validateProgram`; inside the engine it is trusted.
 * Money is integer cents; multipliers are decimals with at most two places (1.25 = ×1.25).
 */

/** A json-rules-engine condition tree over the documented fact vocabulary (rules/README.md). */
export type ConditionTree =
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode };

/** One leaf or nested tree inside a {@link ConditionTree}. */
export type ConditionNode =
  | ConditionTree
  | { fact: string; operator: string; value: unknown; params?: Record<string, unknown> };

/** Three-letter day names, Monday first. */
export type DayName = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

/**
 * When something applies, in the location's timezone. Absent members mean "always".
 * An hours window whose end is before its start runs across midnight and belongs to the day it starts on.
 */
export interface Schedule {
  days?: DayName[];
  hours?: { start: string; end: string }[];
  /** Inclusive local calendar dates, `YYYY-MM-DD`. */
  dateRange?: { from?: string; to?: string };
}

/** Matches a check line by menu item, menu group or sales category GUID (any of them). */
export interface ItemSelector {
  menuItems?: string[];
  menuGroups?: string[];
  salesCategories?: string[];
  /** Also match a line through one of its modifiers (the discount attaches to the parent). @defaultValue false */
  matchModifiers?: boolean;
}

/** Where a reward or promotion applies: listed GUIDs or any location carrying one of the tags. */
export interface LocationFilter {
  guids?: string[];
  tags?: string[];
}

export type MemberStatus = 'STARTER' | 'REGISTERED' | 'SUSPENDED';

export interface MemberRequirements {
  statuses?: MemberStatus[];
  /** Tier ids; a member without a tier never matches. */
  tiers?: string[];
}

export interface RewardLimits {
  perDay?: number;
  perWeek?: number;
  perMonth?: number;
  /** Per member, over all time. */
  total?: number;
  /** Total discount budget for this reward in cents (usage supplied by the caller in `member.budgetUsed`). */
  budgetCents?: number;
}

/** How a discount treats priced modifiers of the discounted line. @defaultValue 'INCLUDE' */
export type ModifierPolicy = 'INCLUDE' | 'EXCLUDE';

interface RewardBase {
  id: string;
  name: string;
  description?: string;
  /** Points debited per redemption; 0 or absent = automatic offer. */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: RewardLimits;
  /** ISO instant after which the reward is no longer offered; sent to Toast as `expiration`. */
  expiresAt?: string;
  /** Overrides `policies.stacking.combineWithNonLoyaltyDiscounts` for this reward. */
  combinesWithNonLoyaltyDiscounts?: boolean;
}

export interface BogoReward extends RewardBase {
  type: 'BOGO';
  buy: { items: ItemSelector; quantity: number };
  get: { items: ItemSelector; quantity: number };
  /** Discount on the "get" units. @defaultValue 100 */
  percentOff?: number;
  modifiers?: ModifierPolicy;
}
export interface FreeItemReward extends RewardBase {
  type: 'FREE_ITEM';
  items: ItemSelector;
  modifiers?: ModifierPolicy;
}
export interface PercentOffCheckReward extends RewardBase {
  type: 'PERCENT_OFF_CHECK';
  percent: number;
  maxDiscountCents?: number;
}
export interface PercentOffItemReward extends RewardBase {
  type: 'PERCENT_OFF_ITEM';
  items: ItemSelector;
  percent: number;
  modifiers?: ModifierPolicy;
}
export interface AmountOffCheckReward extends RewardBase {
  type: 'AMOUNT_OFF_CHECK';
  amountCents: number;
  /** Minimum discountable subtotal for the reward to apply. */
  minSubtotalCents?: number;
}
export interface AmountOffItemReward extends RewardBase {
  type: 'AMOUNT_OFF_ITEM';
  items: ItemSelector;
  amountCents: number;
  modifiers?: ModifierPolicy;
}
export interface PriceAdjustmentReward extends RewardBase {
  type: 'PRICE_ADJUSTMENT';
  items: ItemSelector;
  /** One unit of the item is sold at this price. */
  priceCents: number;
  modifiers?: ModifierPolicy;
}
export interface BundleReward extends RewardBase {
  type: 'MULTI_ITEM';
  /** Each component needs its own selection of quantity 1 (Toast MULTI_ITEM rule). */
  components: { items: ItemSelector; percentOff: number }[];
  modifiers?: ModifierPolicy;
}

/**
 * Bonus points the guest applies at the register (Spendgo §2 "Bonus Points"): a fixed number, or
 * a multiplier on this check's points (exactly one). Shown to the POS as a $0 check-level offer;
 * credited when the check's ACCRUE posts, from the applied discount on the paid check.
 */
export interface BonusPointsReward extends RewardBase {
  type: 'BONUS_POINTS';
  points?: number;
  /** Two decimals at most; 2 = double points (the extra is `points × (multiplier − 1)`). */
  multiplier?: number;
}

export type Reward =
  | BogoReward | FreeItemReward | PercentOffCheckReward | PercentOffItemReward
  | AmountOffCheckReward | AmountOffItemReward | PriceAdjustmentReward | BundleReward | BonusPointsReward;

export type RewardType = Reward['type'];

export type Rounding = 'FLOOR' | 'NEAREST' | 'CEIL';

export interface Earning {
  /** `points` points for every `perCents` of eligible spend (1 per $1 = {points:1, perCents:100}). */
  points: number;
  perCents: number;
  rounding?: Rounding;
  exclude?: ItemSelector;
  /** Cap on all points from one check (base + promotions + tier). */
  maxPointsPerCheck?: number;
}

interface PromotionBase {
  id: string;
  name: string;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
}
/** Adds a fixed number of points to a qualifying check. */
export interface BonusPromotion extends PromotionBase { kind: 'BONUS'; points: number }
/** Adds points per qualifying unit (e.g. +10 per latte). */
export interface ItemBonusPromotion extends PromotionBase { kind: 'ITEM_BONUS'; items: ItemSelector; pointsPerUnit: number }
/** Multiplies base points (e.g. double points 2–5 pm); several multipliers multiply together. */
export interface MultiplierPromotion extends PromotionBase { kind: 'MULTIPLIER'; multiplier: number }
export type Promotion = BonusPromotion | ItemBonusPromotion | MultiplierPromotion;

export interface Tier {
  id: string;
  name: string;
  minPoints: number;
  /** Multiplier on base points for members of this tier. @defaultValue 1 */
  multiplier?: number;
}
export interface Tiers {
  /** LIFETIME uses `member.lifetimePoints`; ROLLING uses `member.rollingPoints` over `rollingDays`. */
  basis: 'LIFETIME' | 'ROLLING';
  rollingDays?: number;
  levels: Tier[];
}

/** Points convert to $ off the check at a rate, in fixed denominations (each becomes a CHECK offer). */
export interface ShopWithPoints {
  /** `points` points buy `cents` of discount (100 points = $1 → {points:100, cents:100}). */
  rate: { points: number; cents: number };
  denominationsCents: number[];
  /** Offer name template; `{amount}` is replaced by the dollar amount. @defaultValue '${amount} off' */
  nameTemplate?: string;
  description?: string;
}

export interface Location {
  guid: string;
  name: string;
  timezone: string;
  tags: string[];
}

export interface Policies {
  stacking: {
    /** Max loyalty rewards per check → Toast `redemptionLimit`; null = unlimited. */
    maxRewardsPerCheck: number | null;
    /** Says that rewards are off on purpose: the only meaning `maxRewardsPerCheck: 0` may have. */
    rewardsOff?: boolean;
    exclusivityGroups?: { id: string; rewards: string[] }[];
    combineWithNonLoyaltyDiscounts: boolean;
  };
  visibility: {
    /** HIDE: banked rewards the balance cannot afford are not listed; SHOW_WITH_PROGRESS: listed, not applicable. */
    unaffordableRewards: 'HIDE' | 'SHOW_WITH_PROGRESS';
  };
  membership: {
    starterMayEarn: boolean;
    starterMayRedeem: boolean;
    autoEnrolOnPhoneLookup: boolean;
    /**
     * A SUSPENDED member's paid check is kept either way; WITHHOLD (the default) posts its points
     * when the member is reinstated, FORFEIT never does.
     */
    suspendedEarning?: 'WITHHOLD' | 'FORFEIT';
  };
  reversal: {
    /** ZERO: an accrual reversal never takes the balance below zero; NEGATIVE: it may. */
    clamp: 'ZERO' | 'NEGATIVE';
  };
  /** Admin balance adjustments; absent: an adjustment may not take the balance below zero. */
  adjustments?: {
    /** true: a debit adjustment may leave a negative balance (e.g. clawing back fraud). */
    allowNegativeBalance: boolean;
  };
  /** Receipt claims; absent: the deployment's CLAIM_WINDOW_DAYS. */
  claims?: {
    /** Days after payment during which an anonymous check can be claimed with its receipt. */
    windowDays: number;
  };
  expiry: {
    mode: 'NONE' | 'INACTIVITY' | 'PER_LOT';
    /** Days of inactivity (INACTIVITY) or lot age (PER_LOT) before points expire. */
    days?: number;
  };
}

/** A fixture: check + member + clock → expected outcome (run by `rules test`). */
export interface Fixture {
  name: string;
  at: string;
  location?: string;
  check: unknown;
  member?: unknown;
  redemptions?: unknown[];
  expect: {
    applicable?: string[];
    notApplicable?: Record<string, string[]>;
    notOffered?: Record<string, string[]>;
    amounts?: Record<string, number>;
    points?: number;
    redemptionLimit?: number | null;
    applied?: string[];
    rejected?: string[];
  };
}

export interface Program {
  $schema?: string;
  id: string;
  name: string;
  version: string;
  currency: 'USD';
  locations: Location[];
  earning: Earning;
  promotions: Promotion[];
  tiers?: Tiers;
  shopWithPoints?: ShopWithPoints;
  rewards: Reward[];
  policies: Policies;
  fixtures: Fixture[];
}
