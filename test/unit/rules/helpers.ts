/** Builders for rules tests: a minimal valid program, raw Toast checks and evaluation contexts. */
import { validateProgram } from '../../../rules/index.js';
import { normalizeToastCheck } from '../../../server/toast/normalize/index.js';
import type { AmountOffCheckReward, EvaluationContext, FreeItemReward, MemberState, Program, Reward } from '../../../rules/index.js';

export const LOC = '11111111-1111-4111-8111-111111111111';
export const ITEM = {
  burger: 'item-burger', fries: 'item-fries', soda: 'item-soda', bacon: 'item-bacon', cheese: 'item-cheese', gift: 'item-gift',
};
export const GROUP = { burgers: 'group-burgers', sides: 'group-sides' };
export const CATEGORY = { food: 'cat-food' };
/** Wednesday 2026-07-15 11:00 in New York (EDT). */
export const NOW = '2026-07-15T15:00:00Z';

let seq = 0;
const nextGuid = (p: string): string => `${p}-${String(++seq).padStart(6, '0')}`;

export interface SelOptions {
  qty?: number; price?: number; group?: string | null; voided?: boolean; deferred?: boolean;
  modifiers?: Record<string, unknown>[]; discounts?: Record<string, unknown>[]; guid?: string; category?: string;
}

/** A raw Toast selection (dollars). `pre` is the gross price of the whole line incl. modifiers. */
export function sel(item: string, pre: number, o: SelOptions = {}): Record<string, unknown> {
  return {
    guid: o.guid ?? nextGuid('sel'), entityType: 'MenuItemSelection', quantity: o.qty ?? 1,
    preDiscountPrice: pre, price: o.price ?? pre, item: { guid: item, entityType: 'MenuItem' },
    itemGroup: o.group === null ? null : { guid: o.group ?? (item === ITEM.burger || item === ITEM.cheese ? GROUP.burgers : GROUP.sides), entityType: 'MenuGroup' },
    salesCategory: { guid: o.category ?? CATEGORY.food, entityType: 'SalesCategory' },
    modifiers: o.modifiers ?? [], appliedDiscounts: o.discounts ?? [], voided: o.voided ?? false, deferred: o.deferred ?? false,
  };
}

export function modifier(item: string, pre: number): Record<string, unknown> {
  return { guid: nextGuid('mod'), quantity: 1, preDiscountPrice: pre, price: pre, item: { guid: item, entityType: 'MenuItem' }, modifiers: [] };
}

export function toastDiscount(amount: number): Record<string, unknown> {
  return { guid: nextGuid('disc'), entityType: 'AppliedDiscount', name: 'Happy hour', discountAmount: amount, loyaltyDetails: null };
}

export function loyaltyDiscount(referenceId: string, amount: number, guid = nextGuid('ad')): Record<string, unknown> {
  return { guid, entityType: 'AppliedLoyaltyProviderDiscount', discountAmount: amount, processingState: 'PENDING_APPLIED', loyaltyDetails: { vendor: null, referenceId } };
}

export function toastCheck(selections: Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { guid: nextGuid('check'), entityType: 'Check', selections, appliedDiscounts: [], payments: [], ...extra };
}

export function member(over: Partial<MemberState> = {}): MemberState {
  return { status: 'REGISTERED', tier: null, pointsBalance: 1000, lifetimePoints: 0, visits: 0, usage: {}, ...over };
}

export function ctx(check: Record<string, unknown>, over: Partial<EvaluationContext> = {}): EvaluationContext {
  return { now: NOW, locationGuid: LOC, check: normalizeToastCheck(check), member: member(), ...over };
}

/** A valid program around the given rewards (validated, so tests exercise real files' shape). */
export function program(rewards: Reward[], over: Record<string, unknown> = {}): Program {
  const json = {
    id: 'test', name: 'Test', version: 't1', currency: 'USD',
    locations: [{ guid: LOC, name: 'Test', timezone: 'America/New_York', tags: ['city'] }],
    earning: { points: 1, perCents: 100 }, promotions: [], rewards,
    policies: {
      stacking: { maxRewardsPerCheck: null, combineWithNonLoyaltyDiscounts: true },
      visibility: { unaffordableRewards: 'SHOW_WITH_PROGRESS' },
      membership: { starterMayEarn: true, starterMayRedeem: true, autoEnrolOnPhoneLookup: true },
      reversal: { clamp: 'ZERO' }, expiry: { mode: 'NONE' },
    },
    fixtures: [], ...over,
  };
  const result = validateProgram(json);
  if (!result.ok) throw new Error(`test program invalid: ${JSON.stringify(result.errors)}`);
  return result.program;
}

export const freeFries: FreeItemReward = { id: 'free-fries', name: 'Free Fries', type: 'FREE_ITEM', pointsCost: 50, items: { menuItems: [ITEM.fries] } };
export const freeBurger: FreeItemReward = { id: 'free-burger', name: 'Free Burger', type: 'FREE_ITEM', pointsCost: 100, items: { menuGroups: [GROUP.burgers] } };
export const fiveOff: AmountOffCheckReward = { id: 'five-off', name: '$5 Off', type: 'AMOUNT_OFF_CHECK', pointsCost: 100, amountCents: 500 };
