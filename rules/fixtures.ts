/**
 * Runs a program's fixtures (check + member + clock → expected offers, reasons, points and
 * redemption outcomes). Pure: used by `rules test`, `rules diff` and the unit tests. Fixture
 * checks and redemptions are written as Toast sends them (dollars), so they go through the Toast
 * edge normalisers first, exactly as live requests do (the engine itself never imports server/).
 */
import { normalizeRedemptions, normalizeToastCheck } from '../server/toast/normalize/index.js';
import { accrual } from './engine/accrual.js';
import { offers } from './engine/offers.js';
import { validateRedemptions } from './engine/redemptions.js';
import type { EvaluationContext, Fixture, MemberState, Program } from './engine/types.js';

export interface FixtureOutcome {
  name: string;
  ok: boolean;
  /** One line per mismatch: what was expected and what came out. */
  failures: string[];
}

const MEMBER_DEFAULTS: MemberState = {
  status: 'REGISTERED', tier: null, pointsBalance: 0, lifetimePoints: 0, visits: 0, usage: {},
};

/** Fixture members may omit fields; absent or null means an anonymous check. */
export function fixtureMember(member: unknown): MemberState | null {
  if (member === undefined || member === null) return null;
  return { ...MEMBER_DEFAULTS, ...(member as Partial<MemberState>) };
}

export function fixtureContext(program: Program, fixture: Fixture): EvaluationContext {
  return {
    now: fixture.at,
    locationGuid: fixture.location ?? program.locations[0]?.guid ?? '',
    check: normalizeToastCheck(fixture.check),
    member: fixtureMember(fixture.member),
  };
}

const show = (v: unknown): string => JSON.stringify(v);
const same = (a: unknown, b: unknown): boolean => show(a) === show(b);
const sorted = (xs: string[]): string[] => [...xs].sort();

async function compareOffers(program: Program, fixture: Fixture, ctx: EvaluationContext, failures: string[]): Promise<void> {
  const e = fixture.expect;
  const result = await offers(program, ctx);
  const applicable = result.offers.filter((o) => o.applicable).map((o) => o.identifier);
  if (e.applicable && !same(sorted(e.applicable), sorted(applicable))) failures.push(`applicable: expected ${show(sorted(e.applicable))}, got ${show(sorted(applicable))}`);
  for (const [id, reasons] of Object.entries(e.notApplicable ?? {})) {
    const got = result.offers.find((o) => o.identifier === id && !o.applicable)?.reasons ?? null;
    if (!same(reasons, got)) failures.push(`notApplicable ${id}: expected ${show(reasons)}, got ${show(got)}`);
  }
  for (const [id, reasons] of Object.entries(e.notOffered ?? {})) {
    const got = result.notOffered.find((n) => n.rewardId === id)?.reasons ?? null;
    if (!same(reasons, got)) failures.push(`notOffered ${id}: expected ${show(reasons)}, got ${show(got)}`);
  }
  for (const [id, cents] of Object.entries(e.amounts ?? {})) {
    const got = result.offers.find((o) => o.identifier === id)?.amountCents ?? null;
    if (got !== cents) failures.push(`amount ${id}: expected ${cents}, got ${show(got)}`);
  }
  if (e.redemptionLimit !== undefined && e.redemptionLimit !== result.redemptionLimit) {
    failures.push(`redemptionLimit: expected ${show(e.redemptionLimit)}, got ${show(result.redemptionLimit)}`);
  }
}

async function compareRedemptions(program: Program, fixture: Fixture, ctx: EvaluationContext, failures: string[]): Promise<void> {
  const e = fixture.expect;
  const result = await validateRedemptions(program, ctx, normalizeRedemptions(fixture.redemptions));
  const applied = result.applied.map((a) => a.identifier);
  const rejected = result.rejected.map((r) => `${String(r.redemption.identifier)}:${r.reason}`);
  if (e.applied && !same(e.applied, applied)) failures.push(`applied: expected ${show(e.applied)}, got ${show(applied)}`);
  if (e.rejected && !same(e.rejected, rejected)) failures.push(`rejected: expected ${show(e.rejected)}, got ${show(rejected)}`);
}

export async function runFixture(program: Program, fixture: Fixture): Promise<FixtureOutcome> {
  const failures: string[] = [];
  const ctx = fixtureContext(program, fixture);
  const e = fixture.expect;
  if (e.applicable || e.notApplicable || e.notOffered || e.amounts || e.redemptionLimit !== undefined) await compareOffers(program, fixture, ctx, failures);
  if (e.applied || e.rejected) await compareRedemptions(program, fixture, ctx, failures);
  if (e.points !== undefined) {
    const got = await accrual(program, ctx);
    if (got.points !== e.points) failures.push(`points: expected ${e.points}, got ${got.points} (${got.breakdown.map((b) => `${b.ruleId}:${b.points}`).join(' ')})`);
  }
  return { name: fixture.name, ok: failures.length === 0, failures };
}

/** Runs every fixture of `fixturesOf` against `program` (diff re-runs old fixtures on a new program). */
export async function runFixtures(program: Program, fixturesOf: Program = program): Promise<FixtureOutcome[]> {
  const out: FixtureOutcome[] = [];
  for (const f of fixturesOf.fixtures) out.push(await runFixture(program, f));
  return out;
}
