import { readFile } from 'node:fs/promises';
import type { AccrualResult, NormalizedCheck, OffersResult, Program } from '../engine/types.js';
import { loadProgramFile } from '../load.js';
import type { RestaurantMenu } from '../menus/catalogue.js';
import { checkFromItems, checkFromJson, checkFromTotal, type CheckReading } from '../simulate-check.js';
import { MEMBER_KEYS, readSimulationMember } from '../simulate-member.js';
import { simulateCheck } from '../simulate.js';
import type { CheckNames } from './check-names.js';
import { MENU_OPTIONS, flagText, type CliCommand } from './command.js';
import { bundledMenus, cliMenus } from './menus.js';

/** A JSON argument given inline (`{…}`) or as a file; a parse error names which. */
async function readJsonArg(option: string, pathOrJson: string): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  const inline = pathOrJson.trim().startsWith('{');
  let text = pathOrJson;
  if (!inline) {
    try { text = await readFile(pathOrJson, 'utf8'); } catch (err) { return { ok: false, message: `${option} ${pathOrJson}: cannot read file (${(err as NodeJS.ErrnoException).code ?? 'error'})` }; }
  }
  try { return { ok: true, json: JSON.parse(text) as unknown }; } catch (err) { return { ok: false, message: `${option}${inline ? '' : ` ${pathOrJson}`}: invalid JSON: ${(err as Error).message}` }; }
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

/** The check from exactly one of --check, --items, --total. */
async function readCheck(flags: Record<string, string | true>, program: Program, location: string, menus: readonly RestaurantMenu[]): Promise<CheckReading> {
  const given = ['check', 'items', 'total'].filter((f) => flags[f] !== undefined);
  if (given.length !== 1) return { ok: false, message: 'simulate: give exactly one of --check <file|json>, --items "<name> x<n>, …" or --total <dollars>' };
  const check = flagText(flags, 'check');
  if (check !== undefined) {
    const read = await readJsonArg('--check', check);
    return read.ok ? checkFromJson(read.json) : read;
  }
  const total = flagText(flags, 'total');
  if (total !== undefined) return checkFromTotal(total);
  const menu = menus.find((m) => m.restaurantGuid === location);
  if (!menu) return { ok: false, message: `--items: no menu for location ${location} of ${program.id}; give --menu <exported menus.json> or --store` };
  return checkFromItems(flagText(flags, 'items') ?? '', menu);
}

/**
 * Prints the check's lines, offers (with the lines they apply to, by name), reasons, redemption
 * limit and the points breakdown for one check. `--menu`/`--store` add catalogue names.
 */
export const simulateCommand: CliCommand = {
  name: 'simulate',
  operands: '',
  summary: 'one check through a program: offers, reasons, redemption limit, points breakdown',
  details: [
    'The check: --check a Toast Check file or inline JSON (dollars, as Toast sends it; a Toast loyalty request',
    'body or a fixture is unwrapped), --items priced from the menu (--menu, --store, or the sample menus in',
    'rules/programs/menus/ for the demo and cafe restaurants), or --total for a check with no menu items.',
    `--member keys: ${Object.keys(MEMBER_KEYS).join(', ')} (absent: an anonymous check). With tiers, the tier`,
    'follows the points; "tier" fills in the points it needs.',
    'Exit codes: 0 simulated, 1 the program is invalid, 2 usage error or an unusable check or member.',
  ].join('\n'),
  options: [
    { flags: '--program <file>', description: 'the rule file (required)' },
    { flags: '--check <file|json>', description: 'a Toast Check, e.g. rules/examples/checks/burger-and-fries.json' },
    { flags: '--items <list>', description: 'menu names with quantities: "Classic Burger x2, Fries"' },
    { flags: '--total <dollars>', description: 'a check of this amount with no menu items, e.g. 24.50' },
    { flags: '--member <json|file>', description: 'the member: {"pointsBalance":60,"lifetimePoints":1200,"visits":3}' },
    { flags: '--at <iso>', description: 'when the check happens (default now); schedules use the location\'s local time' },
    { flags: '--location <guid>', description: "the restaurant (default the program's first location)" },
    { flags: '--json', description: 'the full result as JSON' },
    ...MENU_OPTIONS,
  ],
  examples: [
    'simulate --program rules/programs/demo.json --items "Classic Burger x2, Fries" --member \'{"pointsBalance":60}\'',
    'simulate --program rules/programs/demo.json --check rules/examples/checks/burger-and-fries.json --at 2026-07-15T18:30:00Z',
    'simulate --program rules/programs/cafe.json --total 12.50 --member \'{"tier":"gold"}\'',
  ],
  async run({ flags }) {
    const programFile = flagText(flags, 'program');
    if (!programFile) { console.error('simulate: --program <file> is required'); return 2; }
    const menus = await cliMenus(flags);
    if (!menus.ok) { console.error(menus.message); return 2; }
    const loaded = await loadProgramFile(programFile, { menus: menus.menus });
    if (!loaded.ok) {
      for (const e of loaded.errors) console.error(`${e.path || '/'} ${e.message}`);
      return 1;
    }
    const program = loaded.program;
    const location = flagText(flags, 'location') ?? program.locations[0]?.guid ?? '';
    if (!program.locations.some((l) => l.guid === location)) {
      console.error(`--location ${location} is not a location of ${program.id}: ${program.locations.map((l) => l.guid).join(', ')}`);
      return 2;
    }
    // Without --menu/--store, --items prices from the sample menus (and names lines from them);
    // a --check keeps the POS's own names, exactly as the admin API's simulate answers.
    const catalogues = menus.menus ?? (flags.items !== undefined ? await bundledMenus() : []);
    const check = await readCheck(flags, program, location, catalogues);
    if (!check.ok) { console.error(check.message); return 2; }
    let member: unknown = null;
    const memberArg = flagText(flags, 'member');
    if (memberArg !== undefined) {
      const read = await readJsonArg('--member', memberArg);
      if (!read.ok) { console.error(read.message); return 2; }
      member = read.json;
    }
    const reading = readSimulationMember(member, program);
    if (!reading.ok) { console.error(reading.message); return 2; }
    const at = flagText(flags, 'at') ?? new Date().toISOString();
    if (Number.isNaN(Date.parse(at))) { console.error(`--at must be an ISO instant, e.g. 2026-07-15T18:30:00Z (got "${at}")`); return 2; }
    const { check: normalized, names, result } = await simulateCheck(program, { at, location, check: check.check, member: reading.member, ...(catalogues.length ? { menus: catalogues } : {}) });
    if (flags.json) { console.log(JSON.stringify(result, null, 2)); return 0; }
    if (check.note) console.log(`note: ${check.note}`);
    console.log(`member: ${reading.member ? `${reading.member.status}, ${reading.member.pointsBalance} points${reading.note ? `, ${reading.note}` : ''}` : 'none (anonymous check)'}`);
    printHuman(normalized, names, result, result.accrual);
    return 0;
  },
};
