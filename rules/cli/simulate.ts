import { readFile } from 'node:fs/promises';
import type { AccrualResult, NormalizedCheck, OffersResult } from '../engine/types.js';
import { loadProgramFile } from '../load.js';
import { simulateCheck } from '../simulate.js';
import { parseFlags } from './args.js';
import type { CheckNames } from './check-names.js';
import { cliMenus } from './menus.js';

async function readJson(pathOrJson: string): Promise<unknown> {
  const text = pathOrJson.trim().startsWith('{') ? pathOrJson : await readFile(pathOrJson, 'utf8');
  return JSON.parse(text) as unknown;
}

const dollars = (cents: number): string => `${cents < 0 ? '-' : ''}$${Math.trunc(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

function printHuman(check: NormalizedCheck, names: CheckNames, result: OffersResult, points: AccrualResult): void {
  console.log('check:');
  for (const line of check.lines) console.log(`  ${names.lines.get(line.selectionGuid)} ×${line.quantity}  ${dollars(line.preDiscountCents)}${line.voided ? ' (voided)' : ''}`);
  console.log(`redemption limit: ${result.redemptionLimit ?? 'unlimited'}`);
  console.log('offers:');
  for (const o of result.offers) {
    const where = o.itemApplication?.map((a) => names.lines.get(a.selectionIdentifier) ?? a.selectionIdentifier).join(', ');
    console.log(`  ${o.applicable ? '✓' : '✗'} ${o.name} [${o.identifier}] ${o.selectionType} ${dollars(o.amountCents)}${o.pointsCost ? ` for ${o.pointsCost} pts` : ''}${where ? ` on ${where}` : ''}${o.reasons.length ? ` — ${o.reasons.join(', ')}` : ''}`);
  }
  for (const n of result.notOffered) console.log(`  · not offered ${n.rewardId}: ${n.reasons.join(', ')}`);
  console.log(`points: ${points.points} on eligible spend ${dollars(points.eligibleSpendCents)} (rule set ${points.ruleSetVersion})`);
  for (const b of points.breakdown) console.log(`  ${b.kind.padEnd(15)} ${String(b.points).padStart(6)}  ${b.ruleId}${b.detail ? ` (${b.detail})` : ''}`);
}

/**
 * Prints the check's lines, offers (with the lines they apply to, by name), reasons, redemption
 * limit and the points breakdown for one check. `--menu`/`--store` add catalogue names.
 */
export async function simulateCommand(args: string[]): Promise<number> {
  const { flags } = parseFlags(args, ['json', 'store']);
  if (typeof flags.program !== 'string' || typeof flags.check !== 'string') {
    console.error('simulate: --program <file> and --check <check.json> are required');
    return 2;
  }
  const menus = await cliMenus(flags);
  if (!menus.ok) { console.error(menus.message); return 2; }
  const loaded = await loadProgramFile(flags.program, { menus: menus.menus });
  if (!loaded.ok) {
    for (const e of loaded.errors) console.error(`${e.path || '/'} ${e.message}`);
    return 1;
  }
  const { check, names, result } = await simulateCheck(loaded.program, {
    at: typeof flags.at === 'string' ? flags.at : new Date().toISOString(),
    location: typeof flags.location === 'string' ? flags.location : undefined,
    check: await readJson(flags.check),
    member: typeof flags.member === 'string' ? await readJson(flags.member) : null,
    menus: menus.menus,
  });
  if (flags.json) console.log(JSON.stringify(result, null, 2));
  else printHuman(check, names, result, result.accrual);
  return 0;
}
