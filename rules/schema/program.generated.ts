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
/**
 * Extra points on top of earning, chosen by `kind`: BONUS (+points per check), ITEM_BONUS (+points per unit of an item), MULTIPLIER (× the base points, e.g. 2 = double points). Order: base → multipliers → tier multiplier → bonuses → cap.
 */
export type Promotion = BonusPromotion | ItemBonusPromotion | MultiplierPromotion;
/**
 * A json-rules-engine condition tree: exactly one of `all` (every condition holds), `any` (at least one) or `not` at the top, around leaves {fact, operator, value}. Facts and operators: rules/README.md "Eligibility conditions".
 */
export type ConditionTree =
  | {
      /**
       * Every condition in the list must hold.
       *
       * @minItems 1
       * @maxItems 50
       */
      all: ConditionNode[];
    }
  | {
      /**
       * At least one condition in the list must hold.
       *
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
/**
 * Something a guest can get, chosen by `type`. With a `pointsCost` the guest redeems it with points; without one (or 0) it is an automatic offer. Item rewards discount one matching line; check rewards the whole check.
 */
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

/**
 * A brand's loyalty program: one JSON file in rules/programs/ (start one with `npm run rules -- init <file>`).
 */
export interface Program {
  $schema?: string;
  id: Id;
  /**
   * The brand or program name, for people (admin API, reports).
   */
  name: string;
  /**
   * Notes for the people who edit this file (what the program is, what to change next). Never shown to guests.
   */
  description?: string;
  /**
   * This file's version, recorded on every ledger entry it produces; publishing stores each version once. Any text, e.g. a date: 2026.11.0.
   */
  version: string;
  /**
   * The currency of every amount in the file; USD is the only one supported.
   */
  currency: 'USD';
  /**
   * The Toast restaurants of this program. The first one is the default location of fixtures and `simulate`.
   *
   * @minItems 1
   * @maxItems 500
   *
   * Items: One Toast restaurant of the program.
   */
  locations: {
    guid: Guid;
    /**
     * The restaurant's name, for people.
     */
    name: string;
    /**
     * IANA timezone of the restaurant. Schedules, `dayOfWeek`, `minuteOfDay` and per-day limits use this local time.
     */
    timezone: string;
    /**
     * Labels that rewards and promotions select locations by (`locations.tags`) and the `locationTags` fact reads. Use [] for none.
     *
     * @maxItems 50
     */
    tags: string[];
  }[];
  /**
   * `points` points for every `perCents` cents of eligible spend: the check before tax, after Toast discounts, without tips, gift-card sales, voided lines and `exclude`d items.
   */
  earning: {
    /**
     * Points earned per `perCents` of eligible spend (10 with perCents 100 = 10 points per dollar).
     */
    points: number;
    /**
     * The spend, in cents, that earns `points` (100 = per dollar).
     */
    perCents: number;
    /**
     * How fractions of a point round, here and in multipliers and per-unit bonuses.
     */
    rounding?: 'FLOOR' | 'NEAREST' | 'CEIL';
    exclude?: ItemSelector;
    /**
     * Cap on the points of one check from earning, promotions and tier (bonus-points rewards come on top). Absent: no cap.
     */
    maxPointsPerCheck?: number;
  };
  /**
   * Extra points: a bonus per check, a bonus per item, or a multiplier (double points). Use [] for none.
   *
   * @maxItems 200
   */
  promotions: Promotion[];
  /**
   * Member tiers: a member is in the highest level whose `minPoints` their points reach (lifetime or rolling). Each level may multiply the points its members earn.
   */
  tiers?: {
    /**
     * LIFETIME: points ever earned decide the tier. ROLLING: points earned in the last `rollingDays`.
     */
    basis: 'LIFETIME' | 'ROLLING';
    /**
     * With basis ROLLING: the window in days (required then).
     */
    rollingDays?: number;
    /**
     * The levels; `minPoints` must differ.
     *
     * @minItems 1
     * @maxItems 20
     */
    levels: {
      id: Id;
      /**
       * The tier's name, for people.
       */
      name: string;
      /**
       * Points (on the tier basis) from which a member is in this tier.
       */
      minPoints: number;
      multiplier?: Multiplier;
    }[];
  };
  /**
   * Shop with points: points convert to dollars off the check at `rate`, in fixed steps (`denominationsCents`); each step is a check-level reward with id points-off-<cents>, offered when the balance affords it.
   */
  shopWithPoints?: {
    /**
     * How many points buy how many cents.
     */
    rate: {
      /**
       * Points that buy `cents` of discount (100 points = $1 → points 100, cents 100).
       */
      points: number;
      /**
       * Cents of discount those points buy.
       */
      cents: number;
    };
    /**
     * The steps offered, in cents; each must cost a whole number of points at the rate.
     *
     * @minItems 1
     * @maxItems 20
     */
    denominationsCents: number[];
    /**
     * Offer name; {amount} becomes the dollar amount.
     */
    nameTemplate?: string;
    /**
     * Shown to the guest with each step (at most 200 characters).
     */
    description?: string;
  };
  /**
   * What guests can get: free items, BOGO, % or $ off, bundles, bonus points; each with a points cost or none (automatic offer). Use [] for none.
   *
   * @maxItems 1000
   */
  rewards: Reward[];
  /**
   * Program-wide rules. `stacking`, `visibility`, `membership`, `reversal` and `expiry` are required; `claims` and `adjustments` are optional.
   */
  policies: {
    /**
     * How rewards combine on one check.
     */
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
       * Groups of rewards of which a check may carry only one.
       *
       * @maxItems 50
       */
      exclusivityGroups?: {
        id: Id;
        /**
         * Reward ids in the group (at least two).
         *
         * @minItems 2
         * @maxItems 200
         */
        rewards: Id[];
      }[];
      /**
       * May rewards be used on a check that carries a non-loyalty Toast discount? A reward's own combinesWithNonLoyaltyDiscounts overrides it.
       */
      combineWithNonLoyaltyDiscounts: boolean;
    };
    /**
     * What INQUIRE shows of banked rewards the balance cannot afford.
     */
    visibility: {
      /**
       * HIDE: not listed. SHOW_WITH_PROGRESS: listed as not applicable with NEEDS_POINTS:<missing>.
       */
      unaffordableRewards: 'HIDE' | 'SHOW_WITH_PROGRESS';
    };
    /**
     * What STARTER members (enrolled at the register, not yet registered) may do, auto-enrolment, and what a SUSPENDED member's checks earn.
     */
    membership: {
      /**
       * May STARTER members earn points?
       */
      starterMayEarn: boolean;
      /**
       * May STARTER members redeem rewards? false: REQUIRES_REGISTRATION.
       */
      starterMayRedeem: boolean;
      /**
       * An unknown 10-digit phone at SEARCH, or keyed/scanned at INQUIRE/ACCRUE, enrols a STARTER member.
       */
      autoEnrolOnPhoneLookup: boolean;
      /**
       * What a paid check of a SUSPENDED member earns. WITHHOLD (default): the check is kept and its points are posted when the member is reinstated. FORFEIT: the check is kept, its points are never posted.
       */
      suspendedEarning?: 'WITHHOLD' | 'FORFEIT';
    };
    /**
     * What a REVERSE of an accrual does when the points were already spent.
     */
    reversal: {
      /**
       * ZERO: the balance never goes below zero. NEGATIVE: it may (the ledger shows it).
       */
      clamp: 'ZERO' | 'NEGATIVE';
    };
    /**
     * When points expire (run by a daily job).
     */
    expiry: {
      /**
       * NONE: never. INACTIVITY: the whole balance after `days` without a visit. PER_LOT: each check's points `days` after they were earned.
       */
      mode: 'NONE' | 'INACTIVITY' | 'PER_LOT';
      /**
       * Days for INACTIVITY or PER_LOT (required with them).
       */
      days?: number;
    };
    /**
     * Admin balance adjustments (POST /admin/v1/programs/{id}/members/{identifier}/adjustments). Absent: an adjustment may not take a balance below zero.
     */
    adjustments?: {
      /**
       * true: an admin debit may leave a negative balance (e.g. clawing back fraud).
       */
      allowNegativeBalance: boolean;
    };
    /**
     * Receipt claims (POST /v1/claims): how long after payment an anonymous check can still be claimed. Absent: the CLAIM_WINDOW_DAYS setting.
     */
    claims?: {
      /**
       * Days after payment during which an anonymous check can be claimed with its receipt code.
       */
      windowDays: number;
    };
  };
  /**
   * Test cases: a check, a member and a time with the offers and points they must produce. `npm run rules -- test <file>` runs them; `diff` re-runs them on a new version. Use [] for none (not recommended).
   *
   * @maxItems 500
   */
  fixtures: Fixture[];
}
/**
 * Which check lines something applies to: a line matches if its menu item, menu group or sales category is listed. Each entry is a Toast GUID or {"name": "…"} resolved against the menu when the file is validated with --menu/--store or published.
 */
export interface ItemSelector {
  /**
   * Menu items (and modifier options) by GUID or {"name": …}.
   *
   * @maxItems 200
   */
  menuItems?: Guid[];
  /**
   * Menu groups (nested groups included) by GUID or {"name": …}.
   *
   * @maxItems 200
   */
  menuGroups?: Guid[];
  /**
   * Sales categories by GUID or {"name": …}.
   *
   * @maxItems 200
   */
  salesCategories?: Guid[];
  /**
   * Also match a line through one of its modifiers; the discount then attaches to the parent line.
   */
  matchModifiers?: boolean;
}
export interface BonusPromotion {
  id: Id;
  /**
   * What it is, for people (simulate, reports).
   */
  name: string;
  /**
   * Notes for the people who edit this file. Never shown to guests.
   */
  description?: string;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  /**
   * Points added to a qualifying check.
   */
  points: number;
  kind: 'BONUS';
}
/**
 * A nested {all}/{any}/{not} tree or a leaf {fact, operator, value, params?}.
 */
export interface ConditionNode {
  /**
   * Nested: every condition in the list must hold.
   *
   * @minItems 1
   * @maxItems 50
   */
  all?: ConditionNode[];
  /**
   * Nested: at least one condition in the list must hold.
   *
   * @minItems 1
   * @maxItems 50
   */
  any?: ConditionNode[];
  not?: ConditionNode;
  /**
   * Leaf: what is compared (rules/README.md lists every fact with its kind).
   */
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
  /**
   * Leaf: how it is compared; must suit the fact's kind (numbers, text or lists).
   */
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
   * Leaf: what the fact is compared with: a number for number facts ("42" is refused), text for text facts, a list for in/notIn.
   */
  value?: unknown;
  /**
   * Leaf: what a quantity fact counts (menuItemQuantity, menuGroupQuantity, salesCategoryQuantity): a GUID or a menu name.
   */
  params?: {
    guid?: Guid;
    /**
     * Menu name instead of guid, resolved against the menu catalogue when the file is validated or published.
     */
    name?: string;
  };
}
/**
 * When something applies, in the location's local time. Every part given must hold; absent parts do not restrict. A window whose end is before its start runs past midnight and belongs to the day it starts on.
 */
export interface Schedule {
  /**
   * Days of the week it applies on.
   *
   * @minItems 1
   * @maxItems 7
   */
  days?: ('MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN')[];
  /**
   * Time windows it applies in (any of them); the start is included, the end is not.
   *
   * @minItems 1
   * @maxItems 24
   */
  hours?: {
    start: Hhmm;
    end: Hhmm;
  }[];
  /**
   * Local calendar dates it applies between (inclusive).
   */
  dateRange?: {
    from?: LocalDate;
    to?: LocalDate;
  };
}
/**
 * Where something applies: listed restaurant GUIDs or any location carrying one of the tags. Absent: every location.
 */
export interface LocationFilter {
  /**
   * Restaurant GUIDs from the program's locations.
   *
   * @maxItems 200
   */
  guids?: Guid[];
  /**
   * Location tags; a location with any of them matches.
   *
   * @maxItems 200
   */
  tags?: string[];
}
/**
 * Which members something applies to. Absent: every member (an anonymous check has none).
 */
export interface MemberRequirements {
  /**
   * Member statuses allowed.
   *
   * @minItems 1
   * @maxItems 3
   */
  statuses?: ('STARTER' | 'REGISTERED' | 'SUSPENDED')[];
  /**
   * Tier ids allowed; a member without a tier never matches.
   *
   * @minItems 1
   * @maxItems 20
   */
  tiers?: Id[];
}
export interface ItemBonusPromotion {
  id: Id;
  /**
   * What it is, for people (simulate, reports).
   */
  name: string;
  /**
   * Notes for the people who edit this file. Never shown to guests.
   */
  description?: string;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  items: ItemSelector;
  /**
   * Points per unit bought (a weighed line counts its fraction, rounded with earning.rounding).
   */
  pointsPerUnit: number;
  kind: 'ITEM_BONUS';
}
export interface MultiplierPromotion {
  id: Id;
  /**
   * What it is, for people (simulate, reports).
   */
  name: string;
  /**
   * Notes for the people who edit this file. Never shown to guests.
   */
  description?: string;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  multiplier: Multiplier;
  kind: 'MULTIPLIER';
}
/**
 * Buy `buy.quantity` of one set of items, get `get.quantity` of another (or the same) set at `percentOff`. The cheapest qualifying units are the ones given.
 */
export interface BogoReward {
  id: Id;
  /**
   * What the guest and the cashier see (the offer name at the register).
   */
  name: string;
  /**
   * Shown to the guest with the offer (at most 200 characters).
   */
  description?: string;
  /**
   * Points debited per redemption. 0 or absent: an automatic offer that costs nothing.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  /**
   * Instant after which it is no longer offered (sent to Toast as the offer's expiration).
   */
  expiresAt?: string;
  /**
   * May it be used on a check that has a non-loyalty Toast discount? Absent: policies.stacking.combineWithNonLoyaltyDiscounts decides.
   */
  combinesWithNonLoyaltyDiscounts?: boolean;
  /**
   * The units that must be on the check.
   */
  buy: {
    items: ItemSelector;
    /**
     * Units to buy.
     */
    quantity: number;
  };
  /**
   * The units discounted.
   */
  get: {
    items: ItemSelector;
    /**
     * Units discounted.
     */
    quantity: number;
  };
  percentOff?: Percent;
  /**
   * Whether priced modifiers of the discounted line are discounted too (INCLUDE) or the discount stops at the item's own price (EXCLUDE).
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'BOGO';
}
/**
 * Redemptions per member per local day, week (Monday first) and month, and over all time; a discount budget for everyone together.
 */
export interface Limits {
  /**
   * Redemptions per member per local day.
   */
  perDay?: number;
  /**
   * Redemptions per member per local week (Monday to Sunday).
   */
  perWeek?: number;
  /**
   * Redemptions per member per local calendar month.
   */
  perMonth?: number;
  /**
   * Redemptions per member over all time.
   */
  total?: number;
  budgetCents?: Cents;
}
/**
 * One unit of a matching item free (one unit of measure on a weighed line).
 */
export interface FreeItemReward {
  id: Id;
  /**
   * What the guest and the cashier see (the offer name at the register).
   */
  name: string;
  /**
   * Shown to the guest with the offer (at most 200 characters).
   */
  description?: string;
  /**
   * Points debited per redemption. 0 or absent: an automatic offer that costs nothing.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  /**
   * Instant after which it is no longer offered (sent to Toast as the offer's expiration).
   */
  expiresAt?: string;
  /**
   * May it be used on a check that has a non-loyalty Toast discount? Absent: policies.stacking.combineWithNonLoyaltyDiscounts decides.
   */
  combinesWithNonLoyaltyDiscounts?: boolean;
  items: ItemSelector;
  /**
   * Whether priced modifiers of the discounted line are discounted too (INCLUDE) or the discount stops at the item's own price (EXCLUDE).
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'FREE_ITEM';
}
/**
 * `percent` off what the check owes after item-level rewards.
 */
export interface PercentOffCheckReward {
  id: Id;
  /**
   * What the guest and the cashier see (the offer name at the register).
   */
  name: string;
  /**
   * Shown to the guest with the offer (at most 200 characters).
   */
  description?: string;
  /**
   * Points debited per redemption. 0 or absent: an automatic offer that costs nothing.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  /**
   * Instant after which it is no longer offered (sent to Toast as the offer's expiration).
   */
  expiresAt?: string;
  /**
   * May it be used on a check that has a non-loyalty Toast discount? Absent: policies.stacking.combineWithNonLoyaltyDiscounts decides.
   */
  combinesWithNonLoyaltyDiscounts?: boolean;
  percent: Percent;
  maxDiscountCents?: Cents;
  type: 'PERCENT_OFF_CHECK';
}
/**
 * `percent` off one matching selection.
 */
export interface PercentOffItemReward {
  id: Id;
  /**
   * What the guest and the cashier see (the offer name at the register).
   */
  name: string;
  /**
   * Shown to the guest with the offer (at most 200 characters).
   */
  description?: string;
  /**
   * Points debited per redemption. 0 or absent: an automatic offer that costs nothing.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  /**
   * Instant after which it is no longer offered (sent to Toast as the offer's expiration).
   */
  expiresAt?: string;
  /**
   * May it be used on a check that has a non-loyalty Toast discount? Absent: policies.stacking.combineWithNonLoyaltyDiscounts decides.
   */
  combinesWithNonLoyaltyDiscounts?: boolean;
  items: ItemSelector;
  percent: Percent;
  /**
   * Whether priced modifiers of the discounted line are discounted too (INCLUDE) or the discount stops at the item's own price (EXCLUDE).
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'PERCENT_OFF_ITEM';
}
/**
 * `amountCents` off the check (never more than it owes).
 */
export interface AmountOffCheckReward {
  id: Id;
  /**
   * What the guest and the cashier see (the offer name at the register).
   */
  name: string;
  /**
   * Shown to the guest with the offer (at most 200 characters).
   */
  description?: string;
  /**
   * Points debited per redemption. 0 or absent: an automatic offer that costs nothing.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  /**
   * Instant after which it is no longer offered (sent to Toast as the offer's expiration).
   */
  expiresAt?: string;
  /**
   * May it be used on a check that has a non-loyalty Toast discount? Absent: policies.stacking.combineWithNonLoyaltyDiscounts decides.
   */
  combinesWithNonLoyaltyDiscounts?: boolean;
  amountCents: Cents;
  minSubtotalCents?: Cents;
  type: 'AMOUNT_OFF_CHECK';
}
/**
 * `amountCents` off one matching selection (never more than its price).
 */
export interface AmountOffItemReward {
  id: Id;
  /**
   * What the guest and the cashier see (the offer name at the register).
   */
  name: string;
  /**
   * Shown to the guest with the offer (at most 200 characters).
   */
  description?: string;
  /**
   * Points debited per redemption. 0 or absent: an automatic offer that costs nothing.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  /**
   * Instant after which it is no longer offered (sent to Toast as the offer's expiration).
   */
  expiresAt?: string;
  /**
   * May it be used on a check that has a non-loyalty Toast discount? Absent: policies.stacking.combineWithNonLoyaltyDiscounts decides.
   */
  combinesWithNonLoyaltyDiscounts?: boolean;
  items: ItemSelector;
  amountCents: Cents;
  /**
   * Whether priced modifiers of the discounted line are discounted too (INCLUDE) or the discount stops at the item's own price (EXCLUDE).
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'AMOUNT_OFF_ITEM';
}
/**
 * One unit of a matching item sold at `priceCents` (per unit of measure on a weighed line).
 */
export interface PriceAdjustmentReward {
  id: Id;
  /**
   * What the guest and the cashier see (the offer name at the register).
   */
  name: string;
  /**
   * Shown to the guest with the offer (at most 200 characters).
   */
  description?: string;
  /**
   * Points debited per redemption. 0 or absent: an automatic offer that costs nothing.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  /**
   * Instant after which it is no longer offered (sent to Toast as the offer's expiration).
   */
  expiresAt?: string;
  /**
   * May it be used on a check that has a non-loyalty Toast discount? Absent: policies.stacking.combineWithNonLoyaltyDiscounts decides.
   */
  combinesWithNonLoyaltyDiscounts?: boolean;
  items: ItemSelector;
  priceCents: Cents;
  /**
   * Whether priced modifiers of the discounted line are discounted too (INCLUDE) or the discount stops at the item's own price (EXCLUDE).
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'PRICE_ADJUSTMENT';
}
/**
 * A bundle: each component on its own selection of quantity 1, each with its own percent off (Toast MULTI_ITEM).
 */
export interface MultiItemReward {
  id: Id;
  /**
   * What the guest and the cashier see (the offer name at the register).
   */
  name: string;
  /**
   * Shown to the guest with the offer (at most 200 characters).
   */
  description?: string;
  /**
   * Points debited per redemption. 0 or absent: an automatic offer that costs nothing.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  /**
   * Instant after which it is no longer offered (sent to Toast as the offer's expiration).
   */
  expiresAt?: string;
  /**
   * May it be used on a check that has a non-loyalty Toast discount? Absent: policies.stacking.combineWithNonLoyaltyDiscounts decides.
   */
  combinesWithNonLoyaltyDiscounts?: boolean;
  /**
   * The bundle's parts (2 to 10).
   *
   * @minItems 2
   * @maxItems 10
   *
   * Items: One part of a bundle.
   */
  components: {
    items: ItemSelector;
    percentOff: Percent;
  }[];
  /**
   * Whether priced modifiers of the discounted line are discounted too (INCLUDE) or the discount stops at the item's own price (EXCLUDE).
   */
  modifiers?: 'INCLUDE' | 'EXCLUDE';
  type: 'MULTI_ITEM';
}
/**
 * Bonus points the guest applies at the register: shown to the POS as a $0 check-level offer, recorded at REDEEM, credited with the check's ACCRUE, taken back with its REVERSE (server/toast/CONTRACT-CHOICES.md). Give exactly one of `points` or `multiplier`.
 */
export interface BonusPointsReward {
  id: Id;
  /**
   * What the guest and the cashier see (the offer name at the register).
   */
  name: string;
  /**
   * Shown to the guest with the offer (at most 200 characters).
   */
  description?: string;
  /**
   * Points debited per redemption. 0 or absent: an automatic offer that costs nothing.
   */
  pointsCost?: number;
  eligibility?: ConditionTree;
  schedule?: Schedule;
  locations?: LocationFilter;
  members?: MemberRequirements;
  limits?: Limits;
  /**
   * Instant after which it is no longer offered (sent to Toast as the offer's expiration).
   */
  expiresAt?: string;
  /**
   * May it be used on a check that has a non-loyalty Toast discount? Absent: policies.stacking.combineWithNonLoyaltyDiscounts decides.
   */
  combinesWithNonLoyaltyDiscounts?: boolean;
  type: 'BONUS_POINTS';
  /**
   * BONUS_POINTS: a fixed number of points credited when the check's ACCRUE posts.
   */
  points?: number;
  /**
   * BONUS_POINTS: this check's points are multiplied by it (2 = double points; at most two decimal places); the extra points are credited when the check's ACCRUE posts.
   */
  multiplier?: number;
}
/**
 * A test case: a check, a member and a time, with what the program must produce. Only the expectations given are checked.
 */
export interface Fixture {
  /**
   * What the case shows; printed when it fails.
   */
  name: string;
  /**
   * The instant the check is evaluated at (schedules use the location's local time).
   */
  at: string;
  location?: Guid;
  /**
   * A Toast Check as Toast sends it (dollars), e.g. a file of rules/examples/checks/.
   */
  check: {
    [k: string]: unknown;
  };
  /**
   * The member: the keys `simulate --member` takes (status, pointsBalance, lifetimePoints, visits, usage…; absent keys default to REGISTERED and 0). null or absent: an anonymous check.
   */
  member?: {
    [k: string]: unknown;
  } | null;
  /**
   * Toast redemptions submitted with the check (as in a REDEEM request), to test `applied` and `rejected`.
   *
   * @maxItems 20
   */
  redemptions?: {
    [k: string]: unknown;
  }[];
  /**
   * What must come out; give only what the case is about.
   */
  expect: {
    /**
     * Exactly the offers that must be applicable (ids, any order).
     *
     * @maxItems 200
     */
    applicable?: string[];
    /**
     * Offers that must be listed as not applicable, with exactly these reasons.
     */
    notApplicable?: {
      [k: string]: string[];
    };
    /**
     * Rewards that must not be offered at all, with exactly these reasons.
     */
    notOffered?: {
      [k: string]: string[];
    };
    /**
     * Discount in cents per offer id.
     */
    amounts?: {
      [k: string]: number;
    };
    /**
     * Points the check accrues.
     */
    points?: number;
    /**
     * The redemption limit sent to Toast (null = unlimited).
     */
    redemptionLimit?: number | null;
    /**
     * Redemption ids applied, in order.
     */
    applied?: string[];
    /**
     * Redemptions rejected, as "<id>:<reason>", in order.
     */
    rejected?: string[];
  };
}
