/**
 * `npm run ledger:repair -- <identifier> | --all`: rebuilds member projections (pointsBalance,
 * ledgerSeq, lifetimePoints; lots and usage counters reset to be rebuilt) from the ledger (see server/loyalty/ledger/ledger-repair.ts). The member
 * is named as the register knows it (loyalty identifier, card or phone) or by the member id
 * `ledger:verify` prints.
 */
import { repairAll, repairMember, type RepairOutcome } from '../server/loyalty/ledger/ledger-repair.js';
import { withStore } from '../server/store/with-store.js';
import { runSingle } from './cli/tool.js';
import { findMember, PROGRAM_OPTION, reportNotFound } from './members/find-member.js';

function describe(o: RepairOutcome): string {
  return `${o.status} member ${o.memberId}${o.balance !== undefined ? ` balance ${o.balance} seq ${o.seq}` : ''}`;
}

const code = await runSingle('npm run ledger:repair --', {
  operands: '[identifier]',
  summary: "Rebuild a member's balance projection (pointsBalance, ledgerSeq, lifetimePoints) from its ledger; lots and usage counters that differ are reset to be rebuilt on next use.",
  details: 'identifier: a loyalty identifier, card or phone, or the member id ledger:verify prints; --all for every member.\n'
    + 'Prints OK (nothing to do), REPAIRED, NOT_FOUND or CHAIN_BROKEN (the ledger itself is inconsistent: needs a person).\n'
    + 'Exit codes: 0 done, 1 a member not found or a broken chain, 2 bad usage or no database (MONGODB_URI).',
  options: [PROGRAM_OPTION, { flags: '--all', description: 'every member of every program, and every reward budget counter' }],
  examples: ['npm run ledger:repair -- 3f6c0c4e-…', 'npm run ledger:repair -- 6a1f0c…(member id from ledger:verify)', 'npm run ledger:repair -- --all'],
  async run([identifier], o) {
    if ((identifier === undefined) === (o.all !== true)) {
      console.error('give a member (loyalty identifier, card, phone or member id) or --all; --help for examples');
      return 2;
    }
    return withStore(async (models) => {
      if (identifier !== undefined) {
        const found = await findMember(models, identifier, o.program as string | undefined);
        if (found.status !== 'FOUND') return reportNotFound(found, o.program as string | undefined);
        const outcome = await repairMember(models, found.member._id);
        console.log(describe(outcome));
        return outcome.status === 'OK' || outcome.status === 'REPAIRED' ? 0 : 1;
      }
      const report = await repairAll(models, (r) => console.log(describe(r)));
      const counts = Object.entries(report.byStatus).map(([k, n]) => `${k}=${n}`).join(' ');
      console.log(`ledger:repair: ${report.members} members (${counts || 'none'}), ${report.budgets} reward budget counters reset`);
      return (report.byStatus.NOT_FOUND ?? 0) + (report.byStatus.CHAIN_BROKEN ?? 0) > 0 ? 1 : 0;
    });
  },
}, process.argv.slice(2));
process.exit(code);
