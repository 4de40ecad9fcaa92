/**
 * One check through a program: the check's lines by name, offers (with reasons), redemption
 * limit, rewards not offered and the points breakdown — what `npm run rules -- simulate --json`
 * prints and what the admin API's simulate route answers. Pure.
 */
import { checkNames, type CheckNames } from './cli/check-names.js';
import { accrual } from './engine/accrual.js';
import { offers } from './engine/offers.js';
import type { AccrualResult, EvaluationContext, NormalizedCheck, OffersResult, Program } from './engine/types.js';
import { fixtureMember } from './fixtures.js';
import type { RestaurantMenu } from './menus/catalogue.js';
// The check is a Toast check as sent: read by the Toast edge normaliser, as live requests are.
import { normalizeToastCheck } from '../server/toast/normalize/index.js';

export interface SimulationInput {
  /** A raw Toast Check (dollars). */
  check: unknown;
  /** A member state (fixture form: absent fields take defaults); null or absent: anonymous. */
  member?: unknown;
  /** ISO instant the check is evaluated at. */
  at: string;
  /** Restaurant GUID; the program's first location when absent. */
  location?: string;
  /** Catalogues that name the check's items (none: the POS's display names). */
  menus?: readonly RestaurantMenu[];
}

export type SimulationResult = OffersResult & {
  accrual: AccrualResult;
  names: { selections: Record<string, string>; items: Record<string, string> };
};

export interface Simulation {
  check: NormalizedCheck;
  names: CheckNames;
  result: SimulationResult;
}

export async function simulateCheck(program: Program, input: SimulationInput): Promise<Simulation> {
  const context: EvaluationContext = {
    now: input.at,
    locationGuid: input.location ?? program.locations[0]?.guid ?? '',
    check: normalizeToastCheck(input.check),
    member: fixtureMember(input.member),
  };
  const result = await offers(program, context);
  const points = await accrual(program, context);
  const names = checkNames(context.check, input.menus, context.locationGuid);
  return {
    check: context.check,
    names,
    result: { ...result, accrual: points, names: { selections: Object.fromEntries(names.lines), items: names.items } },
  };
}
