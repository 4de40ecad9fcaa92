/**
 * Names for the parts of a validated program rule file. The shapes themselves are generated from
 * `rules/schema/program.schema.json` into `rules/schema/program.generated.ts` (`npm run
 * rules:types`); nothing here restates a shape, so the schema stays the one source of truth.
 * A value of type {@link Program} has passed `validateProgram` and had its menu names resolved to
 * GUIDs; inside the engine it is trusted. Money is integer cents; multipliers are decimals with at
 * most two places (1.25 = ×1.25).
 */
import type { FreeItemReward, MemberRequirements, Program, Reward, Schedule } from '../schema/program.generated.js';

export type {
  AmountOffCheckReward, AmountOffItemReward, BogoReward, BonusPointsReward, BonusPromotion, ConditionNode, ConditionTree,
  FreeItemReward, ItemBonusPromotion, ItemSelector, LocationFilter, MemberRequirements, MultiItemReward,
  MultiplierPromotion, PercentOffCheckReward, PercentOffItemReward, PriceAdjustmentReward, Program, Promotion, Reward,
  Schedule, Fixture, Limits as RewardLimits,
} from '../schema/program.generated.js';

/** Three-letter day names, Monday first. */
export type DayName = NonNullable<Schedule['days']>[number];

export type MemberStatus = NonNullable<MemberRequirements['statuses']>[number];

export type RewardType = Reward['type'];

/** How a discount treats priced modifiers of the discounted line. @defaultValue 'INCLUDE' */
export type ModifierPolicy = NonNullable<FreeItemReward['modifiers']>;

/** `points` points for every `perCents` of eligible spend (1 per $1 = {points:1, perCents:100}). */
export type Earning = Program['earning'];

/** @defaultValue 'FLOOR' */
export type Rounding = NonNullable<Earning['rounding']>;

/** LIFETIME uses `member.lifetimePoints`; ROLLING uses `member.rollingPoints` over `rollingDays`. */
export type Tiers = NonNullable<Program['tiers']>;

/** A tier level; its multiplier (default 1) applies to base points of its members. */
export type Tier = Tiers['levels'][number];

/** Points convert to $ off the check at a rate, in fixed denominations (each becomes a CHECK offer). */
export type ShopWithPoints = NonNullable<Program['shopWithPoints']>;

export type Location = Program['locations'][number];

export type Policies = Program['policies'];
