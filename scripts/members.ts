/**
 * `npm run members -- erase <identifier> [--program <programId>]`: erases a guest's personal
 * data (server/loyalty/members/erase.ts) — the same service the admin API calls. The identifier is what
 * the register knows: loyalty identifier, card or phone. Without `--program`, the one program
 * where it names a member is used (several → asks for --program). Prints ids and counts only,
 * never the identifier or any guest value. Exits 0 when erased, 1 when no member matches, 2 on
 * bad usage or an ambiguous identifier.
 */
import { eraseMember } from '../server/loyalty/members/erase.js';
import { resolveMember } from '../server/loyalty/members/members.js';
import type { Models } from '../server/store/models/index.js';
import { runWithStore } from './with-store.js';

const usage = 'usage: npm run members -- erase <identifier> [--program <programId>]';

function parseArgs(argv: string[]): { identifier: string; programId: string | null } | null {
  const [command, ...rest] = argv;
  if (command !== 'erase') return null;
  let programId: string | null = null;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--program') programId = rest[++i] ?? '';
    else positional.push(rest[i]!);
  }
  if (positional.length !== 1 || positional[0] === '' || programId === '') return null;
  return { identifier: positional[0]!, programId };
}

/** Programs in which `identifier` names a member. */
async function programsNaming(models: Models, identifier: string): Promise<string[]> {
  const programs = await models.Program.find({}, { _id: 1 }).lean();
  const found: string[] = [];
  for (const p of programs) if (await resolveMember(models, String(p._id), identifier)) found.push(String(p._id));
  return found;
}

const args = parseArgs(process.argv.slice(2));
if (!args) {
  console.error(usage);
  process.exit(2);
}

void runWithStore(async (models) => {
  let programId = args.programId;
  if (programId === null) {
    const candidates = await programsNaming(models, args.identifier);
    if (candidates.length > 1) {
      console.error(`the identifier names members in several programs (${candidates.join(', ')}); pass --program`);
      return 2;
    }
    programId = candidates[0] ?? null;
  }
  const outcome = programId === null ? { status: 'NOT_FOUND' as const } : await eraseMember(models, programId, args.identifier, new Date());
  if (outcome.status === 'NOT_FOUND') {
    console.error('no member matches that identifier');
    return 1;
  }
  const r = outcome.removed;
  console.log(`erased member ${outcome.memberId} of program ${programId}: ${r.lookupKeys} lookup keys, ${r.storedAnswers} stored answers removed, ${r.scrubbedAnswers} rewritten, ${r.scrubbedAccruals} accruals scrubbed; ledger kept`);
  return 0;
});
