/**
 * `npm run members -- erase <identifier>`: erases a guest's personal data
 * (server/loyalty/members/erase.ts) — the same service the admin API's DELETE calls. Prints ids and
 * counts only, never the identifier or any guest value.
 */
import { eraseMember } from '../../server/loyalty/members/erase.js';
import { withStore } from '../../server/store/with-store.js';
import type { ToolCommand } from '../cli/tool.js';
import { findMember, PROGRAM_OPTION, reportNotFound } from './find-member.js';

export const eraseCommand: ToolCommand = {
  name: 'erase',
  operands: '<identifier>',
  summary: "erase a guest's personal data (a privacy request); the ledger keeps its amounts",
  details: 'identifier: what the register knows (loyalty identifier, card or phone), or the tombstone\n'
    + 'identifier erased-<memberId> to finish an interrupted erase. Idempotent.\n'
    + 'Exit codes: 0 erased, 1 no member matches, 2 bad usage, an ambiguous identifier, or no database.',
  options: [PROGRAM_OPTION],
  examples: ['npm run members -- erase 3f6c0c4e-…', 'npm run members -- erase 617-555-0142 --program demo'],
  run: ([identifier], o) => withStore(async (models) => {
    const programId = o.program as string | undefined;
    const found = await findMember(models, identifier!, programId);
    if (found.status !== 'FOUND') return reportNotFound(found, programId);
    const outcome = await eraseMember(models, found.programId, found.member.loyaltyIdentifier, new Date());
    if (outcome.status === 'NOT_FOUND') return reportNotFound(outcome, programId);
    const r = outcome.removed;
    console.log(`erased member ${outcome.memberId} of program ${found.programId}: ${r.lookupKeys} lookup keys, ${r.storedAnswers} stored answers removed, ${r.scrubbedAnswers} rewritten, ${r.scrubbedAccruals} accruals scrubbed; ledger kept`);
    return 0;
  }),
};
