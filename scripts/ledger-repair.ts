/**
 * `npm run ledger:repair -- <memberId|--all>`: rebuilds member projections (pointsBalance,
 * ledgerSeq, lifetimePoints) from the ledger (see server/loyalty/ledger/ledger-repair.ts). Exits 1 when a
 * member was not found or its chain is broken (needs a person), 2 on bad usage.
 */
import { Types } from 'mongoose';
import { repairAll, repairMember, type RepairOutcome } from '../server/loyalty/ledger/ledger-repair.js';
import { runWithStore } from './with-store.js';

const usage = 'usage: npm run ledger:repair -- <memberId|--all>';

function describe(o: RepairOutcome): string {
  return `${o.status} member ${o.memberId}${o.balance !== undefined ? ` balance ${o.balance} seq ${o.seq}` : ''}`;
}

const target = process.argv[2];
if (!target || (target !== '--all' && !Types.ObjectId.isValid(target)) || process.argv.length > 3) {
  console.error(usage);
  process.exit(2);
}

void runWithStore(async (models) => {
  if (target !== '--all') {
    const outcome = await repairMember(models, target);
    console.log(describe(outcome));
    return outcome.status === 'OK' || outcome.status === 'REPAIRED' ? 0 : 1;
  }
  const report = await repairAll(models, (o) => console.log(describe(o)));
  const counts = Object.entries(report.byStatus).map(([k, n]) => `${k}=${n}`).join(' ');
  console.log(`ledger:repair: ${report.members} members (${counts || 'none'})`);
  return (report.byStatus.NOT_FOUND ?? 0) + (report.byStatus.CHAIN_BROKEN ?? 0) > 0 ? 1 : 0;
});
