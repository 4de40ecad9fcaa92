/**
 * `npm run members -- rekey`: rebuilds every member's lookup keys under MEMBER_KEY_SECRET
 * (server/loyalty/members/rekey.ts) — once after upgrading data written before lookup keys were
 * keyed hashes, and after changing the secret. Prints counts and, per conflict, member ids only.
 */
import { rekeyMembers } from '../../server/loyalty/members/rekey.js';
import { withStore } from '../../server/store/with-store.js';
import type { ToolCommand } from '../cli/tool.js';

export const rekeyCommand: ToolCommand = {
  name: 'rekey',
  operands: '',
  summary: "rebuild members' phone/email/card lookup keys under MEMBER_KEY_SECRET (after an upgrade or a secret change)",
  details: 'Run it once on data created before lookup keys were keyed hashes (their phones, emails and\n'
    + 'cards are not found until then), and after changing MEMBER_KEY_SECRET (with the new secret set).\n'
    + 'Idempotent, and safe while Perkwire runs. Old keys (which held phones and emails in the clear) are deleted.\n'
    + 'Exit codes: 0 done, 1 conflicts (a phone, email or card of two members: listed by member id), 2 no database.',
  options: [{ flags: '--program <programId>', description: 'only this program (default: every program)' }],
  examples: ['npm run members -- rekey', 'MEMBER_KEY_SECRET=… npm run members -- rekey --program demo'],
  run: (_operands, o) => withStore(async (models) => {
    const report = await rekeyMembers(models, {
      programId: o.program as string | undefined, now: new Date(),
      onConflict: (c) => console.log(`CONFLICT member ${c.memberId}: its ${c.kind} key is held by member ${c.heldBy}`),
    });
    console.log(`members rekey: ${report.members} members; ${report.added} keys added, ${report.removed} old keys removed, `
      + `${report.orphansRemoved} keys of missing members removed, ${report.conflicts.length} conflicts`);
    return report.conflicts.length ? 1 : 0;
  }),
};
