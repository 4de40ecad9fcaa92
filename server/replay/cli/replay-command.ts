/**
 * `npm run rules -- replay <transactionGuid> [--version v | --draft file.json] [--restaurant guid] [--json]`.
 * Exit codes: 0 reproduced (differences against another rule set are information, not failure);
 * 1 unknown transaction, version or an invalid draft; 2 usage or store error; 3 MISMATCH — the
 * engine does not reproduce what was answered or posted.
 */
import { parseFlags } from '../../../rules/cli/args.js';
import type { Difference } from '../../../rules/replay/differences.js';
import { replayTransaction, type ReplayReport } from '../replay.js';
import { draftRuleSet, ruleSetByVersion } from '../rule-sets.js';
import { withStore } from '../../store/with-store.js';

export const REPLAY_USAGE = 'replay <transactionGuid> [--version v | --draft file.json] [--restaurant guid] [--json]';

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

export function describeDifference(d: Difference): string {
  if (d.before === undefined) return `+ ${d.path}: ${show(d.after)}`;
  if (d.after === undefined) return `- ${d.path}: ${show(d.before)}`;
  return `~ ${d.path}: ${show(d.before)} → ${show(d.after)}`;
}

function printHuman(r: ReplayReport): void {
  console.log(`${r.type} ${r.transactionGuid} at ${r.at}, restaurant ${r.restaurantGuid}, program ${r.programId}, ${r.ruleSet}`);
  if (r.reproduced) {
    console.log('REPRODUCED: under its own rule set the engine answers and posts exactly what was answered and posted');
  } else {
    console.log(`MISMATCH: the replay does NOT reproduce what was answered/posted (${r.mismatches.length} difference(s), answered → replayed). This is a bug signal.`);
    for (const d of r.mismatches) console.log(`  ${describeDifference(d)}`);
  }
  if (r.against) {
    const n = r.against.differences.length;
    console.log(`against ${r.against.ruleSet}: ${n === 0 ? 'no differences' : `${n} difference(s) (own → other)`}`);
    for (const d of r.against.differences) console.log(`  ${describeDifference(d)}`);
  }
}

export async function replayCommand(args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, ['json']);
  const guid = positional[0];
  if (!guid || positional.length > 1 || (flags.version !== undefined && flags.draft !== undefined)) {
    console.error(`usage: npm run rules -- ${REPLAY_USAGE}`);
    return 2;
  }
  const version = typeof flags.version === 'string' ? flags.version : undefined;
  const draft = typeof flags.draft === 'string' ? flags.draft : undefined;
  return withStore(async (models) => {
    const result = await replayTransaction(models, guid, {
      ...(typeof flags.restaurant === 'string' ? { restaurantGuid: flags.restaurant } : {}),
      ...(version ? { against: (programId: string) => ruleSetByVersion(models, programId, version) } : {}),
      ...(draft ? { against: (programId: string) => draftRuleSet(draft, programId) } : {}),
    });
    if (!result.ok) {
      if (flags.json) console.log(JSON.stringify({ error: { message: result.message, errors: result.errors ?? [] } }, null, 2));
      else {
        console.error(result.message);
        for (const e of result.errors ?? []) console.error(`  ${e.path || '/'} ${e.message}`);
      }
      return 1;
    }
    if (flags.json) console.log(JSON.stringify(result.report, null, 2));
    else printHuman(result.report);
    if (!result.report.reproduced) {
      console.error(`MISMATCH: replay of ${guid} does not reproduce its own answer`);
      return 3;
    }
    return 0;
  });
}
