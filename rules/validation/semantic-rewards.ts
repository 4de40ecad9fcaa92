/** Reward, earning and policy checks the schema cannot express. */
import type { ItemSelector, Program, Reward, ValidationError } from '../engine/types.js';

const emptySelector = (s: ItemSelector): boolean =>
  !(s.menuItems?.length || s.menuGroups?.length || s.salesCategories?.length);

const twoPlaces = (m: number): boolean => Math.abs(Math.round(m * 100) - m * 100) < 1e-9;

function selectorsOf(r: Reward): [string, ItemSelector][] {
  switch (r.type) {
    case 'BOGO': return [['buy/items', r.buy.items], ['get/items', r.get.items]];
    case 'MULTI_ITEM': return r.components.map((c, i) => [`components/${i}/items`, c.items]);
    case 'PERCENT_OFF_CHECK': case 'AMOUNT_OFF_CHECK': case 'BONUS_POINTS': return [];
    default: return [['items', r.items]];
  }
}

function checkReward(r: Reward, path: string, errors: ValidationError[]): void {
  for (const [sub, sel] of selectorsOf(r)) {
    if (emptySelector(sel)) errors.push({ path: `${path}/${sub}`, message: r.type === 'BOGO' ? 'a BOGO needs a non-empty buy and get set' : 'must name at least one menu item, group or sales category' });
  }
  if ((r.type === 'PERCENT_OFF_CHECK' || r.type === 'PERCENT_OFF_ITEM') && !(r.percent > 0 && r.percent <= 100)) {
    errors.push({ path: `${path}/percent`, message: 'must be greater than 0 and at most 100' });
  }
  if (r.type === 'MULTI_ITEM' && r.components.every((c) => c.percentOff === 0)) errors.push({ path: `${path}/components`, message: 'at least one component needs a discount' });
  if (r.type === 'BONUS_POINTS' && r.multiplier !== undefined && !twoPlaces(r.multiplier)) errors.push({ path: `${path}/multiplier`, message: 'at most two decimal places' });
  if (r.expiresAt && Number.isNaN(Date.parse(r.expiresAt))) errors.push({ path: `${path}/expiresAt`, message: 'is not a valid instant' });
}

export function checkRewards(program: Program, errors: ValidationError[]): void {
  program.rewards.forEach((r, i) => checkReward(r, `/rewards/${i}`, errors));
  program.promotions.forEach((p, i) => {
    if (p.kind === 'MULTIPLIER' && !twoPlaces(p.multiplier)) errors.push({ path: `/promotions/${i}/multiplier`, message: 'at most two decimal places' });
    if (p.kind === 'ITEM_BONUS' && emptySelector(p.items)) errors.push({ path: `/promotions/${i}/items`, message: 'must name at least one menu item, group or sales category' });
  });
  program.tiers?.levels.forEach((t, i) => {
    if (t.multiplier !== undefined && !twoPlaces(t.multiplier)) errors.push({ path: `/tiers/levels/${i}/multiplier`, message: 'at most two decimal places' });
  });
  if (program.tiers?.basis === 'ROLLING' && program.tiers.rollingDays === undefined) errors.push({ path: '/tiers/rollingDays', message: 'is required for a ROLLING tier basis' });
  if (program.policies.expiry.mode !== 'NONE' && program.policies.expiry.days === undefined) errors.push({ path: '/policies/expiry/days', message: `is required for expiry mode ${program.policies.expiry.mode}` });
  const shop = program.shopWithPoints;
  shop?.denominationsCents.forEach((c, i) => {
    if ((c * shop.rate.points) % shop.rate.cents !== 0) errors.push({ path: `/shopWithPoints/denominationsCents/${i}`, message: 'must cost a whole number of points at the rate' });
  });
}
