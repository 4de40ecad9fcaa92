/** Identity checks: unique ids, and every cross-reference (groups, tiers, locations) resolves. */
import { shopRewardId } from '../engine/catalog.js';
import type { Program, ValidationError } from '../engine/types.js';

function duplicates(values: { value: string; path: string }[], what: string, errors: ValidationError[]): void {
  const seen = new Set<string>();
  for (const { value, path } of values) {
    if (seen.has(value)) errors.push({ path, message: `duplicate ${what} "${value}"` });
    seen.add(value);
  }
}

export function checkIds(program: Program, errors: ValidationError[]): void {
  const rewardIds = [
    ...program.rewards.map((r, i) => ({ value: r.id, path: `/rewards/${i}/id` })),
    ...(program.shopWithPoints?.denominationsCents ?? []).map((c, i) => ({ value: shopRewardId(c), path: `/shopWithPoints/denominationsCents/${i}` })),
  ];
  duplicates(rewardIds, 'reward id', errors);
  duplicates(program.promotions.map((p, i) => ({ value: p.id, path: `/promotions/${i}/id` })), 'promotion id', errors);
  duplicates(program.locations.map((l, i) => ({ value: l.guid, path: `/locations/${i}/guid` })), 'location guid', errors);
  duplicates((program.tiers?.levels ?? []).map((t, i) => ({ value: t.id, path: `/tiers/levels/${i}/id` })), 'tier id', errors);
  const groups = program.policies.stacking.exclusivityGroups ?? [];
  duplicates(groups.map((g, i) => ({ value: g.id, path: `/policies/stacking/exclusivityGroups/${i}/id` })), 'exclusivity group id', errors);
  const known = new Set(rewardIds.map((r) => r.value));
  groups.forEach((g, i) => g.rewards.forEach((id, j) => {
    if (!known.has(id)) errors.push({ path: `/policies/stacking/exclusivityGroups/${i}/rewards/${j}`, message: `unknown reward "${id}"` });
  }));
}

export function checkReferences(program: Program, errors: ValidationError[]): void {
  const tiers = new Set((program.tiers?.levels ?? []).map((t) => t.id));
  const guids = new Set(program.locations.map((l) => l.guid));
  const scan = (items: { members?: { tiers?: string[] }; locations?: { guids?: string[] } }[], base: string): void => {
    items.forEach((item, i) => {
      item.members?.tiers?.forEach((t, j) => {
        if (!tiers.has(t)) errors.push({ path: `${base}/${i}/members/tiers/${j}`, message: `unknown tier "${t}"` });
      });
      item.locations?.guids?.forEach((g, j) => {
        if (!guids.has(g)) errors.push({ path: `${base}/${i}/locations/guids/${j}`, message: `unknown location "${g}"` });
      });
    });
  };
  scan(program.rewards, '/rewards');
  scan(program.promotions, '/promotions');
  program.fixtures.forEach((f, i) => {
    if (f.location && !guids.has(f.location)) errors.push({ path: `/fixtures/${i}/location`, message: `unknown location "${f.location}"` });
  });
}
