/**
 * Rule files that are well formed but cannot mean anything: a promotion sharing an id with a
 * reward (ledger provenance names rule ids, so the two would be indistinguishable), two tiers at
 * the same `minPoints` (which one a member is in would be arbitrary), and a per-check limit of 0
 * that does not say rewards are off (`rewardsOff: true`).
 */
import { catalog } from '../engine/catalog.js';
import type { Program, ValidationError } from '../engine/types.js';

export function checkMeaning(program: Program, errors: ValidationError[]): void {
  const rewardIds = new Set(catalog(program).map((r) => r.id));
  program.promotions.forEach((p, i) => {
    if (rewardIds.has(p.id)) errors.push({ path: `/promotions/${i}/id`, message: `"${p.id}" is also a reward id: promotion and reward ids must differ` });
  });
  const byMin = new Map<number, string>();
  program.tiers?.levels.forEach((t, i) => {
    const other = byMin.get(t.minPoints);
    if (other !== undefined) errors.push({ path: `/tiers/levels/${i}/minPoints`, message: `same minPoints as tier "${other}": which tier applies would be arbitrary` });
    else byMin.set(t.minPoints, t.id);
  });
  const stacking = program.policies.stacking;
  if (stacking.maxRewardsPerCheck === 0 && stacking.rewardsOff !== true) {
    errors.push({ path: '/policies/stacking/maxRewardsPerCheck', message: '0 allows no reward on any check: set "rewardsOff": true to say rewards are off, or allow at least 1' });
  }
  if (stacking.rewardsOff === true && stacking.maxRewardsPerCheck !== 0) {
    errors.push({ path: '/policies/stacking/rewardsOff', message: 'rewards are off only with maxRewardsPerCheck 0' });
  }
}
