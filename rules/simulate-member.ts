/**
 * The member `simulate` evaluates a check for, from what a person typed (`--member`): only the
 * known keys, each with its type, so a typo is refused with the allowed list instead of being
 * ignored. With tiers in the program a member's tier is derived from points (as in production);
 * `tier` may be given instead, and the points that tier needs are filled in. Pure.
 */
import { effectiveTierId } from './engine/tiers.js';
import type { MemberState, MemberStatus, Program, RewardUsage } from './engine/types.js';

/** Every key `--member` accepts, with what it means (README and the refusal list both use it). */
export const MEMBER_KEYS = {
  status: 'STARTER, REGISTERED (default) or SUSPENDED',
  tier: 'a tier id of the program; fills in the points it needs (with tiers, the tier is otherwise derived from points)',
  pointsBalance: 'points the member can spend (default 0)',
  lifetimePoints: 'points ever earned (default 0); decides a LIFETIME tier',
  rollingPoints: 'points earned in the rolling window; decides a ROLLING tier (default lifetimePoints)',
  visits: 'earlier paid visits (default 0)',
  usage: 'redemptions so far per reward: {"free-fries": {"day": 1, "week": 1, "month": 1, "total": 3}}',
  budgetUsed: 'discount cents already spent per reward budget: {"ten-off": 5000}',
} as const;

const STATUSES: readonly MemberStatus[] = ['STARTER', 'REGISTERED', 'SUSPENDED'];
const COUNTS = ['pointsBalance', 'lifetimePoints', 'rollingPoints', 'visits'] as const;
const USAGE_KEYS = ['day', 'week', 'month', 'total'] as const;

export type MemberReading = { ok: true; member: MemberState | null; note?: string } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const allowed = `allowed: ${Object.keys(MEMBER_KEYS).join(', ')}`;

function problems(json: Record<string, unknown>, program: Program): string[] {
  const out: string[] = [];
  for (const key of Object.keys(json)) if (!(key in MEMBER_KEYS)) out.push(`unknown key "${key}" (${allowed})`);
  if (json.status !== undefined && !STATUSES.includes(json.status as MemberStatus)) out.push(`status must be one of ${STATUSES.join(', ')}`);
  for (const key of COUNTS) if (json[key] !== undefined && !isCount(json[key])) out.push(`${key} must be a whole number of 0 or more`);
  const tierIds = program.tiers?.levels.map((l) => l.id) ?? [];
  if (json.tier !== undefined && json.tier !== null && !tierIds.includes(json.tier as string)) {
    out.push(tierIds.length ? `tier must be one of ${tierIds.join(', ')}` : 'tier: this program has no tiers');
  }
  if (json.usage !== undefined) {
    const ok = isObject(json.usage) && Object.values(json.usage).every((u) => isObject(u) && Object.keys(u).every((k) => (USAGE_KEYS as readonly string[]).includes(k) && isCount(u[k])));
    if (!ok) out.push(`usage must map reward ids to {${USAGE_KEYS.join(', ')}} counts`);
  }
  if (json.budgetUsed !== undefined && !(isObject(json.budgetUsed) && Object.values(json.budgetUsed).every(isCount))) out.push('budgetUsed must map reward ids to cents');
  return out;
}

/** `null`/absent: an anonymous check. Otherwise the member, or every problem in one message. */
export function readSimulationMember(json: unknown, program: Program): MemberReading {
  if (json === undefined || json === null) return { ok: true, member: null };
  if (!isObject(json)) return { ok: false, message: `--member must be a JSON object (${allowed})` };
  const wrong = problems(json, program);
  if (wrong.length) return { ok: false, message: `--member: ${wrong.join('; ')}` };
  const usage = Object.fromEntries(Object.entries((json.usage ?? {}) as Record<string, Partial<RewardUsage>>)
    .map(([id, u]) => [id, { day: 0, week: 0, month: 0, total: 0, ...u }]));
  const member: MemberState = {
    status: (json.status as MemberStatus | undefined) ?? 'REGISTERED',
    tier: (json.tier as string | undefined) ?? null,
    pointsBalance: (json.pointsBalance as number | undefined) ?? 0,
    lifetimePoints: (json.lifetimePoints as number | undefined) ?? 0,
    ...(json.rollingPoints !== undefined ? { rollingPoints: json.rollingPoints as number } : {}),
    visits: (json.visits as number | undefined) ?? 0,
    usage,
    ...(json.budgetUsed !== undefined ? { budgetUsed: json.budgetUsed as Record<string, number> } : {}),
  };
  return withTier(member, json, program);
}

/** A given tier fills in the points it needs; points that contradict it are refused. */
function withTier(member: MemberState, json: Record<string, unknown>, program: Program): MemberReading {
  const tiers = program.tiers;
  if (!tiers) return { ok: true, member };
  const basisKey = tiers.basis === 'ROLLING' ? 'rollingPoints' : 'lifetimePoints';
  if (typeof json.tier === 'string') {
    const level = tiers.levels.find((l) => l.id === json.tier)!;
    if (json[basisKey] === undefined) {
      member[basisKey] = level.minPoints;
      if (basisKey === 'rollingPoints' && json.lifetimePoints === undefined) member.lifetimePoints = level.minPoints;
    }
    const derived = effectiveTierId(program, member);
    if (derived !== level.id) {
      return { ok: false, message: `--member: tier ${level.id} needs ${basisKey} from ${level.minPoints}${nextBound(program, level.minPoints)}, but ${basisKey} ${String(json[basisKey])} is tier ${derived ?? 'none'}; give one of them` };
    }
  }
  const tier = effectiveTierId(program, member);
  member.tier = tier;
  return { ok: true, member, note: `tier ${tier ?? 'none'} (from ${member[basisKey] ?? member.lifetimePoints} ${basisKey})` };
}

function nextBound(program: Program, min: number): string {
  const next = program.tiers!.levels.map((l) => l.minPoints).filter((p) => p > min).sort((a, b) => a - b)[0];
  return next === undefined ? '' : ` to ${next - 1}`;
}
