/** The fact vocabulary of eligibility conditions, collected explicitly (nothing self-registers). */
import { checkSubtotalCents } from './check-subtotal.js';
import { dayOfWeek } from './day-of-week.js';
import type { FactDefinition } from './fact.js';
import { itemCount } from './item-count.js';
import { lifetimePoints } from './lifetime-points.js';
import { localDate } from './local-date.js';
import { locationGuid } from './location-guid.js';
import { locationTags } from './location-tags.js';
import { memberStatus } from './member-status.js';
import { memberTier } from './member-tier.js';
import { menuGroupQuantity } from './menu-group-quantity.js';
import { menuItemQuantity } from './menu-item-quantity.js';
import { minuteOfDay } from './minute-of-day.js';
import { pointsBalance } from './points-balance.js';
import { salesCategoryQuantity } from './sales-category-quantity.js';
import { selectionCount } from './selection-count.js';
import { visits } from './visits.js';

export type { FactDefinition, FactInput, FactKind, FactRange } from './fact.js';

export const FACTS: readonly FactDefinition[] = [
  checkSubtotalCents, itemCount, selectionCount, menuItemQuantity, menuGroupQuantity,
  salesCategoryQuantity, memberStatus, memberTier, pointsBalance, lifetimePoints, visits,
  locationGuid, locationTags, dayOfWeek, minuteOfDay, localDate,
];

export const FACTS_BY_ID: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((f) => [f.id, f]));
