/**
 * `npm run ledger:verify`: checks ledger invariants 1–3 and 5 over the whole store (see
 * server/loyalty/ledger/ledger-verify.ts). Prints one line per violation (ids only, never PII) and a
 * summary.
 */
import { verifyLedger, type Violation } from '../server/loyalty/ledger/ledger-verify.js';
import { withStore } from '../server/store/with-store.js';
import { runSingle } from './cli/tool.js';

function describe(v: Violation): string {
  const where = v.memberId ? `member ${v.memberId}${v.seq !== undefined ? ` seq ${v.seq}` : ''}`
    : v.budgetId ? `budget ${v.budgetId}` : `accruals ${(v.accrualIds ?? []).join(',')}`;
  return `VIOLATION ${v.kind} ${where}: ${v.detail}`;
}

const code = await runSingle('npm run ledger:verify --', {
  operands: '',
  summary: 'Check the ledger invariants over the whole store: balances equal their ledger, every entry chains, no effect twice, no check accrued twice.',
  details: 'Prints one VIOLATION line per problem (ids only) and a summary; a member named there is repaired with\n'
    + '`npm run ledger:repair -- <member id>` when its ledger chains. Also runs nightly as a worker job.\n'
    + 'Exit codes: 0 clean, 1 violations found, 2 could not run (e.g. no database at MONGODB_URI).',
  examples: ['npm run ledger:verify', 'MONGODB_URI=mongodb://db.internal:27017/perkwire npm run ledger:verify'],
  run: () => withStore(async (models) => {
    const report = await verifyLedger(models, { onViolation: (v) => console.log(describe(v)) });
    const kinds = Object.entries(report.byKind).map(([k, n]) => `${k}=${n}`).join(' ');
    console.log(`ledger:verify ${report.ok ? 'OK' : 'FAILED'}: ${report.members} members, ${report.entries} entries, `
      + `${report.activeAccruals} active accruals, ${report.violations} violations${kinds ? ` (${kinds})` : ''}`);
    return report.ok ? 0 : 1;
  }),
}, process.argv.slice(2));
process.exit(code);
