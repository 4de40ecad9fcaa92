/**
 * `npm run ledger:verify`: checks ledger invariants 1–3 and 5 over the whole store (see
 * server/loyalty/ledger/ledger-verify.ts). Prints one line per violation (ids only, never PII) and a
 * summary; exits 1 when anything is wrong, 2 when it could not run.
 */
import { verifyLedger, type Violation } from '../server/loyalty/ledger/ledger-verify.js';
import { runWithStore } from './with-store.js';

function describe(v: Violation): string {
  const where = v.memberId ? `member ${v.memberId}${v.seq !== undefined ? ` seq ${v.seq}` : ''}` : `accruals ${(v.accrualIds ?? []).join(',')}`;
  return `VIOLATION ${v.kind} ${where}: ${v.detail}`;
}

void runWithStore(async (models) => {
  const report = await verifyLedger(models, { onViolation: (v) => console.log(describe(v)) });
  const kinds = Object.entries(report.byKind).map(([k, n]) => `${k}=${n}`).join(' ');
  console.log(`ledger:verify ${report.ok ? 'OK' : 'FAILED'}: ${report.members} members, ${report.entries} entries, `
    + `${report.activeAccruals} active accruals, ${report.violations} violations${kinds ? ` (${kinds})` : ''}`);
  return report.ok ? 0 : 1;
});
