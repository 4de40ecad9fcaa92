/**
 * Every admin API route, in the order the OpenAPI document lists them. A route exists when it
 * is in this array: the router and the document are both built from it (see ../README.md).
 */
import type { AdminRoute } from '../route.js';
import { adjustPointsRoute } from './members/adjust-points.js';
import { eraseMemberRoute } from './members/erase-member.js';
import { findMembersRoute } from './members/find-members.js';
import { getMemberRoute } from './members/get-member.js';
import { memberLedgerRoute } from './members/member-ledger.js';
import { reinstateMemberRoute, suspendMemberRoute } from './members/suspend-member.js';
import { updateMemberRoute } from './members/update-member.js';
import { dailyReportRoute } from './reports/daily-report.js';
import { itemReportRoute } from './reports/item-report.js';
import { activateVersionRoute } from './programs/activate-version.js';
import { cancelScheduledActivationRoute } from './programs/cancel-scheduled-activation.js';
import { diffVersionsRoute } from './programs/diff-versions.js';
import { getProgramRoute } from './programs/get-program.js';
import { getVersionRoute } from './programs/get-version.js';
import { listProgramsRoute } from './programs/list-programs.js';
import { publishVersionRoute } from './programs/publish-version.js';
import { simulateRoute } from './programs/simulate.js';
import { validateRuleFileRoute } from './programs/validate-rule-file.js';
import { backtestRoute } from './replay/backtest.js';
import { replayRoute } from './replay/replay-transaction.js';

export const adminRouteList: readonly AdminRoute[] = [
  listProgramsRoute,
  getProgramRoute,
  validateRuleFileRoute,
  publishVersionRoute,
  getVersionRoute,
  activateVersionRoute,
  cancelScheduledActivationRoute,
  diffVersionsRoute,
  simulateRoute,
  findMembersRoute,
  getMemberRoute,
  updateMemberRoute,
  memberLedgerRoute,
  adjustPointsRoute,
  suspendMemberRoute,
  reinstateMemberRoute,
  eraseMemberRoute,
  dailyReportRoute,
  itemReportRoute,
  replayRoute,
  backtestRoute,
];
