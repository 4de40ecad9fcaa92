/**
 * Rules engine benchmark: offers + accrual per evaluation (one INQUIRE-and-ACCRUE worth of work)
 * for the sample programs and generated 50- and 200-reward programs on a 10-selection check.
 * Target (issue 3): p50 ≤ 1 ms for a 50-reward program on one core. Run: npm run bench:rules
 */
import { readFileSync } from 'node:fs';
import { accrual, offers, validateProgram, type EvaluationContext, type Program, type Reward } from '../rules/index.js';
import { normalizeToastCheck } from '../server/toast/normalize/index.js';

const LOC = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';
const ITEMS = Array.from({ length: 20 }, (_, i) => `item-${i}`);
const GROUPS = ['group-a', 'group-b', 'group-c', 'group-d'];

function load(file: string): Program {
  const r = validateProgram(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return r.program;
}

/** A reward of each type in turn; every third carries a condition tree, every fifth a schedule. */
function generatedReward(i: number): Reward {
  const items = { menuItems: [ITEMS[i % ITEMS.length] as string], menuGroups: [GROUPS[i % GROUPS.length] as string] };
  const base = { id: `r${i}`, name: `Reward ${String(i).padStart(3, '0')}`, pointsCost: (i % 4) * 50 };
  const extra = {
    ...(i % 3 === 0 ? { eligibility: { all: [{ fact: 'checkSubtotalCents', operator: 'greaterThan', value: 500 + i }, { fact: 'menuItemQuantity', params: { guid: ITEMS[i % 20] }, operator: 'greaterThanInclusive', value: 1 }] } } : {}),
    ...(i % 5 === 0 ? { schedule: { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], hours: [{ start: '11:00', end: '15:00' }] } } : {}),
  };
  const kinds: Reward[] = [
    { ...base, type: 'FREE_ITEM', items },
    { ...base, type: 'PERCENT_OFF_CHECK', percent: 10 },
    { ...base, type: 'AMOUNT_OFF_ITEM', items, amountCents: 200 },
    { ...base, type: 'BOGO', buy: { items, quantity: 1 }, get: { items, quantity: 1 } },
    { ...base, type: 'PRICE_ADJUSTMENT', items, priceCents: 300 },
    { ...base, type: 'MULTI_ITEM', components: [{ items, percentOff: 0 }, { items: { menuItems: [ITEMS[(i + 1) % 20] as string] }, percentOff: 50 }] },
  ];
  return { ...(kinds[i % kinds.length] as Reward), ...extra } as Reward;
}

function generatedProgram(rewards: number): Program {
  const demo = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as Record<string, unknown>;
  const json = { ...demo, id: `gen-${rewards}`, rewards: Array.from({ length: rewards }, (_, i) => generatedReward(i)), fixtures: [] };
  const r = validateProgram(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 5)));
  return r.program;
}

function tenSelectionCheck(itemGuids: string[], groups: string[]): EvaluationContext['check'] {
  const selections = Array.from({ length: 10 }, (_, i) => ({
    guid: `sel-${i}`, quantity: i === 0 ? 2 : 1, preDiscountPrice: 3 + i * 1.25, price: 3 + i * 1.25,
    item: { guid: itemGuids[i % itemGuids.length] }, itemGroup: { guid: groups[i % groups.length] },
    modifiers: i % 3 === 0 ? [{ item: { guid: 'mod' }, preDiscountPrice: 0.5 }] : [], appliedDiscounts: [],
  }));
  return normalizeToastCheck({ guid: 'bench', selections, appliedDiscounts: [], payments: [] });
}

async function measure(label: string, program: Program, context: EvaluationContext): Promise<void> {
  const run = async (): Promise<void> => { await offers(program, context); await accrual(program, context); };
  for (let i = 0; i < 300; i++) await run();
  const iterations = 3000;
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  const totalS = Number(process.hrtime.bigint() - start) / 1e9;
  samples.sort((a, b) => a - b);
  const pct = (p: number): number => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] as number;
  const rewards = String(program.rewards.length).padStart(4);
  console.log(`${label.padEnd(22)} rewards ${rewards}  p50 ${pct(0.5).toFixed(0).padStart(6)} µs  p99 ${pct(0.99).toFixed(0).padStart(6)} µs  ${(iterations / totalS).toFixed(0).padStart(6)} evals/s`);
}

async function main(): Promise<void> {
  const demo = load('rules/programs/demo.json');
  const cafe = load('rules/programs/cafe.json');
  const member = { status: 'REGISTERED' as const, tier: null, pointsBalance: 700, lifetimePoints: 1600, visits: 12, usage: {} };
  const at = (p: Program, check: EvaluationContext['check']): EvaluationContext => ({ now: '2026-07-15T16:30:00Z', locationGuid: p.locations[0]?.guid ?? LOC, check, member });
  const demoCheck = tenSelectionCheck(['a1f0c3d2-0001-4b5e-9c1a-000000000001', 'a1f0c3d2-0010-4b5e-9c1a-000000000010', 'a1f0c3d2-0020-4b5e-9c1a-000000000020'], ['a1f0c3d2-1001-4b5e-9c1a-000000001001']);
  const cafeCheck = tenSelectionCheck(['c0ffee00-0001-4a6b-9c8d-000000000001', 'c0ffee00-0011-4a6b-9c8d-000000000011'], ['c0ffee00-1001-4a6b-9c8d-000000001001']);
  const genCheck = tenSelectionCheck(ITEMS, GROUPS);
  console.log(`node ${process.version}; offers + accrual per evaluation; 10-selection check`);
  await measure('demo', demo, at(demo, demoCheck));
  await measure('cafe', cafe, at(cafe, cafeCheck));
  const gen50 = generatedProgram(50);
  await measure('generated-50', gen50, at(gen50, genCheck));
  const gen200 = generatedProgram(200);
  await measure('generated-200', gen200, at(gen200, genCheck));
}

void main();
