/**
 * GENERATED from rules/schema/program.schema.json by `npm run rules:types` (tools/rule-types/render.ts).
 * Do not edit: change the schema and run `npm run rules:types`.
 * Types of a validated, loaded rule file; names for its parts are in rules/engine/program-types.ts.
 */

/**
 * Lower-case id: letters, digits, dashes.
 */
export type Id = string;
export type Guid = string;
export type Promotion = BonusPromotion | ItemBonusPromotion | MultiplierPromotion;
/**
 * json-rules-engine condition tree: exactly one of all / any / not at the top.
 */
export type ConditionTree =
  | {
      /**
       * @minItems 1
       * @maxItems 50
       */
      all: ConditionNode[];
    }
  | {
      /**
       * @minItems 1
       * @maxItems 50
       */
      any: ConditionNode[];
    }
  | {
      not: ConditionNode;
    };
export type Hhmm = string;
export type LocalDate = string;
/**
 * Decimal multiplier with at most two places, e.g. 1.25.
 */
export type Multiplier = number;
export type Reward =
  | BogoReward
  | FreeItemReward
  | PercentOffCheckReward
  | PercentOffItemReward
  | AmountOffCheckReward
  | AmountOffItemReward
  | PriceAdjustmentReward
  | MultiItemReward
  | BonusPointsReward;
/**
 * Integer cents.
 */
export type Cents = number;
/**
 * Percent, 0–100.
 */
export type Percent = number;

export interface Program {
  $schema?: string;
  id: Id;
  name: string;
  /**
   * Rule-set version, recorded on every ledger entry.
   */
  version: string;
  currency: 'USD';
  /**
   * @minItems 1
   * @maxItems 500
   */
  locations: {
    guid: Guid;
    name: string;
    /**
     * IANA timezone, e.g. America/New_York.
     */
    timezone: string;
    /**
     * @maxItems 50
     */
    tags: string[];
  }[];
  earning: {
    points: number;
    perCents: number;
    rounding?: 'FLOOR' | 'NEAREST' | 'CEIL';
    exclude?: ItemSelector;
    maxPointsPerCheck?: number;
  };
  /**
   * @maxItems 200
   */
  promotions: Promotion[];
  tiers?: {
    basis: 'LIFETIME' | 'ROLLING';
    rollingDays?: number;
    /**
     * @minItems 1
     * @maxItems 20
     */
    levels: {
      id: Id;
      name: string;
      minPoints: number;
      multiplier?: Multiplier;
    }[];
  };
  shopWithPoints?: {
    rate: {
      points: number;
      cents: number;
    };
    /**
     * @minItems 1
     * @maxItems 20
     */
    denominationsCents: number[];
    nameTemplate?: string;
    description?: string;
  };
  /**
   * @maxItems 1000
   */
  rewards: Reward[];
  policies: {
    stacking: {
      /**
       * Toast redemptionLimit; null = unlimited; 0 only together with rewardsOff: true.
       */
      maxRewardsPerCheck: number | null;
      /**
       * True: no reward can be redeemed (requires maxRewardsPerCheck 0); rewards stay listed, greyed out.
       */
      rewardsOff?: boolean;
      /**
       * @maxItems 50
       */
      exclusivityGroups?: {
        id: Id;
        /**
         * @minItems 2
         * @maxItems 200
         */
        rewards: Id[];
      }[];
      combineWithNonLoyaltyDiscounts: boolean;
    };
    visibility: {
      unaffordableRewards: 'HIDE' | 'SHOW_WITH_PROGRESS';
    };
    membership: {
      starterMayEarn: boolean;
      starterMayRedeem: boolean;
      autoEnrolOnPhoneLookup: boolean;
      /**
       * What a paid check of a SUSPENDED member earns. WITHHOLD (default): the check is kept and its points are posted when the member is reinstated. FORFEIT: the check is kept, its points are never posted.
       */
      suspendedEarning?: 'WITHHOLD' | 'FORFEIT';
    };
    reversal: {
      clamp: 'ZERO' | 'NEGATIVE';
    };
    expiry: {
      mode: 'NONE' | 'INACTIVITY' | 'PER_LOT';
      days?: number;
    };
    /**
     * Admin balance adjustments (POST /admin/v1/programs/{id}/members/{identifier}/adjustments). Absent: an adjustment may not take a balance below zero.
     */
    adjustments?: {
      allowNegativeBalance: boolean;
    };
    /**
     * Receipt claims (POST /v1/claims): how long after payment an anonymous check can still be claimed. Absent: the CLAIM_WINDOW_DAYS setting.
     */
    claims?: {
      windowDays: number;
    };
  };
  /**
   * @maxItems 500
   */
  fixtures: Fixture[];
}
/**
 * Matches a line by any listed menu item, menu group or sales category: each entry a Toast GUID or {"name": …} resolved against the locations' menu catalogues.
 */
export interface ItemSelector {
  /**
   * @maxItems 200
   */
  menuItems?: Guid[];
  /**
   * @maxItems 200
   */
  menuGroups?: Guid[];
  /**
   * @maxItems 200
   */
  salesCategories?: Guid[];
  /**
   * Also match through a modifier of the line (discount attaches to the parent).
   */
  matchModifiers?: boolean;
}
export interface BonusPromotion {
  id: Id;
  name: string;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  points: number;
  kind: 'BONUS';
}
/**
 * A nested all/any/not tree or a leaf {fact, operator, value, params?}.
 */
export interface ConditionNode {
  /**
   * @minItems 1
   * @maxItems 50
   */
  all?: ConditionNode[];
  /**
   * @minItems 1
   * @maxItems 50
   */
  any?: ConditionNode[];
  not?: ConditionNode;
  fact?:
    | 'checkSubtotalCents'
    | 'itemCount'
    | 'selectionCount'
    | 'menuItemQuantity'
    | 'menuGroupQuantity'
    | 'salesCategoryQuantity'
    | 'memberStatus'
    | 'memberTier'
    | 'pointsBalance'
    | 'lifetimePoints'
    | 'visits'
    | 'locationGuid'
    | 'locationTags'
    | 'dayOfWeek'
    | 'minuteOfDay'
    | 'localDate';
  operator?:
    | 'equal'
    | 'notEqual'
    | 'lessThan'
    | 'lessThanInclusive'
    | 'greaterThan'
    | 'greaterThanInclusive'
    | 'in'
    | 'notIn'
    | 'contains'
    | 'doesNotContain';
  /**
   * Number, string, or list for in/notIn.
   */
  value?: unknown;
  params?: {
    guid?: Guid;
    /**
     * Menu name instead of guid, resolved against the menu catalogue when the file is validated or published.
     */
    name?: string;
  };
}
/**
 * Local time at the location. A window whose end is before its start runs across midnight.
 */
export interface Schedule {
  /**
   * @minItems 1
   * @maxItems 7
   */
  days?: ('MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN')[];
  /**
   * @minItems 1
   * @maxItems 24
   */
  hours?: {
    start: Hhmm;
    end: Hhmm;
  }[];
  dateRange?: {
    from?: LocalDate;
    to?: LocalDate;
  };
}
export interface LocationFilter {
  /**
   * @maxItems 200
   */
  guids?: Guid[];
  /**
   * @maxItems 200
   */
  tags?: string[];
}
export interface MemberRequirements {
  /**
   * @minItems 1
   * @maxItems 3
   */
  statuses?: ('STARTER' | 'REGISTERED' | 'SUSPENDED')[];
  /**
   * @minItems 1
   * @maxItems 20
   */
  tiers?: Id[];
}
export interface ItemBonusPromotion {
  id: Id;
  name: string;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  items: ItemSelector;
  pointsPerUnit: number;
  kind: 'ITEM_BONUS';
}
export interface MultiplierPromotion {
  id: Id;
  name: string;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  multiplier: Multiplier;
  kind: 'MULTIPLIER';
}
export interface BogoReward {
  id: Id;
  name: string;
  description?: string;
  /**
   * Points per redemption; 0 or absent = automatic offer.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  expiresAt?: string;
  combinesWithNonLoyaltyDiscounts?: boolean;
  buy: {
    items: ItemSelector;
    quantity: number;
  };
  get: {
    items: ItemSelector;
    quantity: number;
  };
  percentOff?: Percent;
  /**
   * Whether priced modifiers of the line are discounted too.
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'BOGO';
}
export interface Limits {
  perDay?: number;
  perWeek?: number;
  perMonth?: number;
  total?: number;
  budgetCents?: Cents;
}
export interface FreeItemReward {
  id: Id;
  name: string;
  description?: string;
  /**
   * Points per redemption; 0 or absent = automatic offer.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  expiresAt?: string;
  combinesWithNonLoyaltyDiscounts?: boolean;
  items: ItemSelector;
  /**
   * Whether priced modifiers of the line are discounted too.
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'FREE_ITEM';
}
export interface PercentOffCheckReward {
  id: Id;
  name: string;
  description?: string;
  /**
   * Points per redemption; 0 or absent = automatic offer.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  expiresAt?: string;
  combinesWithNonLoyaltyDiscounts?: boolean;
  percent: Percent;
  maxDiscountCents?: Cents;
  type: 'PERCENT_OFF_CHECK';
}
export interface PercentOffItemReward {
  id: Id;
  name: string;
  description?: string;
  /**
   * Points per redemption; 0 or absent = automatic offer.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  expiresAt?: string;
  combinesWithNonLoyaltyDiscounts?: boolean;
  items: ItemSelector;
  percent: Percent;
  /**
   * Whether priced modifiers of the line are discounted too.
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'PERCENT_OFF_ITEM';
}
export interface AmountOffCheckReward {
  id: Id;
  name: string;
  description?: string;
  /**
   * Points per redemption; 0 or absent = automatic offer.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  expiresAt?: string;
  combinesWithNonLoyaltyDiscounts?: boolean;
  amountCents: Cents;
  minSubtotalCents?: Cents;
  type: 'AMOUNT_OFF_CHECK';
}
export interface AmountOffItemReward {
  id: Id;
  name: string;
  description?: string;
  /**
   * Points per redemption; 0 or absent = automatic offer.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  expiresAt?: string;
  combinesWithNonLoyaltyDiscounts?: boolean;
  items: ItemSelector;
  amountCents: Cents;
  /**
   * Whether priced modifiers of the line are discounted too.
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'AMOUNT_OFF_ITEM';
}
export interface PriceAdjustmentReward {
  id: Id;
  name: string;
  description?: string;
  /**
   * Points per redemption; 0 or absent = automatic offer.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  expiresAt?: string;
  combinesWithNonLoyaltyDiscounts?: boolean;
  items: ItemSelector;
  priceCents: Cents;
  /**
   * Whether priced modifiers of the line are discounted too.
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'PRICE_ADJUSTMENT';
}
export interface MultiItemReward {
  id: Id;
  name: string;
  description?: string;
  /**
   * Points per redemption; 0 or absent = automatic offer.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  expiresAt?: string;
  combinesWithNonLoyaltyDiscounts?: boolean;
  /**
   * @minItems 2
   * @maxItems 10
   */
  components: {
    items: ItemSelector;
    percentOff: Percent;
  }[];
  /**
   * Whether priced modifiers of the line are discounted too.
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'MULTI_ITEM';
}
/**
 * Bonus points the guest applies at the register: shown to the POS as a $0 check-level offer, recorded at REDEEM, credited with the check's ACCRUE (server/toast/CONTRACT-CHOICES.md).
 */
export interface BonusPointsReward {
  id: Id;
  name: string;
  description?: string;
  /**
   * Points per redemption; 0 or absent = automatic offer.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  expiresAt?: string;
  combinesWithNonLoyaltyDiscounts?: boolean;
  type: 'BONUS_POINTS';
  /**
   * BONUS_POINTS: a fixed number of points credited when the check's ACCRUE posts.
   */
  points?: number;
  /**
   * BONUS_POINTS: this check's points are multiplied by it (2 = double points); the extra points are credited when the check's ACCRUE posts.
   */
  multiplier?: number;
}
export interface Fixture {
  name: string;
  at: string;
  location?: Guid;
  /**
   * A raw Toast Check (dollars).
   */
  check: {
    [k: string]: unknown;
  };
  member?: {
    [k: string]: unknown;
  } | null;
  /**
   * @maxItems 20
   */
  redemptions?: {
    [k: string]: unknown;
  }[];
  expect: {
    /**
     * @maxItems 200
     */
    applicable?: string[];
    notApplicable?: {
      [k: string]: string[];
    };
    notOffered?: {
      [k: string]: string[];
    };
    amounts?: {
      [k: string]: number;
    };
    points?: number;
    redemptionLimit?: number | null;
    applied?: string[];
    rejected?: string[];
  };
}
