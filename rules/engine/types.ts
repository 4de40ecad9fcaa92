/**
 * Public input and output types of the rules engine. Money is integer cents, points are integers.
 * The Toast layer converts cents back to dollars when it answers Toast.
 */
import type { MemberStatus } from './program-types.js';

export type * from './program-types.js';

/** A loyalty discount already on the check (Toast AppliedDiscount with loyaltyDetails). */
export interface NormalizedLoyaltyDiscount {
  appliedDiscountGuid: string | null;
  /** `loyaltyDetails.referenceId`: our offer identifier (reward id). */
  referenceId: string | null;
  amountCents: number;
  processingState: string | null;
}

/** A modifier, counted through its parent line (Toast never discounts modifiers directly). */
export interface NormalizedModifier {
  menuItemGuid: string | null;
  menuGroupGuid: string | null;
  salesCategoryGuid: string | null;
  quantity: number;
  /** Gross price of this modifier (already included in the parent's `preDiscountCents`). */
  preDiscountCents: number;
}

/** One non-voided or voided top-level selection of the check. */
export interface NormalizedLine {
  selectionGuid: string;
  menuItemGuid: string | null;
  menuGroupGuid: string | null;
  salesCategoryGuid: string | null;
  displayName: string | null;
  /** Toast quantity as sent (absent/null → 1): a decimal for items sold by weight, 0 kept as 0. */
  quantity: number;
  /** Toast `unitOfMeasure` as sent (`NONE`, `LB`, `OZ`, `KG`, `G`…), null when absent. */
  unitOfMeasure: string | null;
  /** Gross price of the line including modifiers, before discounts (Toast `preDiscountPrice`), never below zero. */
  preDiscountCents: number;
  /** Gross price of the item alone: `preDiscountCents` minus modifiers, never below zero. */
  basePreDiscountCents: number;
  /** Net price after item and check discounts (Toast `price`); derived when Toast omits it; never below zero. */
  netCents: number;
  /** Toast `price` in cents exactly as sent: signed (a refund line is negative), null when absent. */
  toastPriceCents: number | null;
  /** Toast `preDiscountPrice` in cents exactly as sent: signed, null when absent. */
  toastPreDiscountPriceCents: number | null;
  modifiers: NormalizedModifier[];
  voided: boolean;
  /** Deferred revenue (gift card sale): never earns points. */
  deferred: boolean;
  /** A Toast-configured (non-loyalty) item discount is on this line: no loyalty item discount may be added. */
  hasNonLoyaltyItemDiscount: boolean;
  nonLoyaltyDiscountCents: number;
  loyaltyDiscounts: NormalizedLoyaltyDiscount[];
}

/**
 * A Toast check converted once at the Toast edge (`server/toast/normalize`): integer cents,
 * canonical dates. The engine receives only this, and `accruals` store only this.
 */
export interface NormalizedCheck {
  checkGuid: string | null;
  lines: NormalizedLine[];
  /** Check-level loyalty discounts (ours). */
  checkLoyaltyDiscounts: NormalizedLoyaltyDiscount[];
  /** Sum of check-level Toast-configured discounts. */
  checkNonLoyaltyDiscountCents: number;
  hasNonLoyaltyCheckDiscount: boolean;
  /** Toast `check.amount` (due after discounts, before tax), when sent. */
  amountCents: number | null;
  taxCents: number;
  totalCents: number | null;
  /** Sum of payment tips. */
  tipCents: number;
  paymentStatus: string | null;
  voided: boolean;
  /** Canonical UTC ISO-8601 instants (Toast sends ISO text, epoch milliseconds or numeric strings); null when absent. */
  openedDate: string | null;
  paidDate: string | null;
  closedDate: string | null;
}

/** Usage of one reward by one member in the current periods (see `periodStarts`). */
export interface RewardUsage {
  day: number;
  week: number;
  month: number;
  total: number;
}

/** What the caller knows about the member; `null` for an anonymous check. */
export interface MemberState {
  status: MemberStatus;
  tier: string | null;
  pointsBalance: number;
  lifetimePoints: number;
  rollingPoints?: number;
  visits: number;
  usage: Record<string, RewardUsage>;
  /** Discount cents already spent on each reward's budget. */
  budgetUsed?: Record<string, number>;
}

/** Everything one evaluation depends on; the clock is injected as `now`. */
export interface EvaluationContext {
  /** ISO-8601 instant (or epoch milliseconds). */
  now: string | number;
  locationGuid: string;
  check: NormalizedCheck;
  member: MemberState | null;
}

export type SelectionType = 'CHECK' | 'ITEM' | 'MULTI_ITEM';

export interface ItemApplication {
  selectionIdentifier: string;
  amountCents: number;
}

/** A Toast-ready offer in cents. `identifier` is the reward id (stable across calls). */
export interface EngineOffer {
  identifier: string;
  name: string;
  applicable: boolean;
  selectionType: SelectionType;
  amountCents: number;
  itemApplication?: ItemApplication[];
  quantity?: number;
  expiration?: { date: string }[];
  description?: string;
  pointsCost: number;
  /** Why the offer is not applicable (empty when applicable), e.g. `NEEDS_POINTS:40`. */
  reasons: string[];
}

export interface NotOffered {
  rewardId: string;
  reasons: string[];
}

export interface OffersResult {
  /** Applicable first, then alphabetical by name (Toast's display order). */
  offers: EngineOffer[];
  /** Toast `redemptionLimit.maxRedemptions`; null = unlimited. */
  redemptionLimit: number | null;
  notOffered: NotOffered[];
}

/**
 * A redemption Toast submitted (INQUIRE, REDEEM, REVERSE), converted once at the Toast edge
 * (server/toast/normalize/redemptions.ts): amounts in cents, quantity a number. Every member is
 * what Toast sent, null (or absent) when it sent none; a string member is never empty (the edge
 * reads `""` as none), so code inside tests it with `??` and truthiness and never re-parses it.
 */
export interface SubmittedRedemption {
  identifier?: string | null;
  /** Toast's `itemId` (003's REDEEM example); echoed back, never used to price. */
  itemId?: string | null;
  selectionGuid?: string | null;
  appliedDiscountGuid?: string | null;
  multiItemDiscountGuid?: string | null;
  amountCents?: number | null;
  /** Absent/null means 1; NaN when Toast sent something that is not a number. */
  quantity?: number | null;
  name?: string | null;
  itemApplication?: SubmittedItemApplication[] | null;
}

/** One selection of a submitted MULTI_ITEM redemption. */
export interface SubmittedItemApplication {
  selectionIdentifier?: string | null;
  amountCents?: number | null;
  appliedDiscountIdentifier?: string | null;
}

/** A redemption that stays on the check, with its final amount. */
export interface AppliedRedemption {
  identifier: string;
  selectionGuid: string | null;
  appliedDiscountGuid: string | null;
  multiItemDiscountGuid: string | null;
  quantity: number;
  name: string;
  /** Total discount of this redemption (all units). */
  amountCents: number;
  /** MULTI_ITEM (and ITEM) per-selection amounts. */
  itemApplication?: (ItemApplication & { appliedDiscountIdentifier?: string | null })[];
  /** Points to debit: cost × quantity. */
  pointsCost: number;
}

export interface RejectedRedemption {
  redemption: SubmittedRedemption;
  /** Machine-readable reason, e.g. `ITEM_NOT_ON_CHECK`. */
  reason: string;
  /** Human text without PII. */
  message: string;
}

export interface ValidateRedemptionsResult {
  applied: AppliedRedemption[];
  rejected: RejectedRedemption[];
}

export type AccrualKind = 'BASE' | 'BONUS' | 'MULTIPLIER' | 'CAP' | 'TIER_MULTIPLIER';

export interface AccrualLine {
  ruleId: string;
  kind: AccrualKind;
  points: number;
  detail?: string;
}

export interface AccrualResult {
  points: number;
  eligibleSpendCents: number;
  breakdown: AccrualLine[];
  ruleSetVersion: string;
}

/** Starts of the current usage periods in the location's timezone, as ISO instants. */
export interface PeriodStarts {
  day: string;
  week: string;
  month: string;
}

/** One validation problem; `path` is a JSON Pointer into the rule file. */
export interface ValidationError {
  path: string;
  message: string;
}

/** `warnings` do not stop a file (e.g. a GUID no location's menu knows). */
export type ValidationResult<P> =
  | { ok: true; program: P; warnings?: ValidationError[] }
  | { ok: false; errors: ValidationError[]; warnings?: ValidationError[] };
