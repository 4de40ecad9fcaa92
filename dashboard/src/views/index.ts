/** The dashboard's views, in navigation order. A view exists when it is in this array. */
import type { FunctionComponent } from 'preact';
import { BacktestView } from './backtest';
import { MembersView } from './members';
import { ProgramsView } from './programs';
import { ReportsView } from './reports';
import { SimulateView } from './simulate';

export interface View {
  route: string;
  title: string;
  Component: FunctionComponent;
}

export const views: readonly View[] = [
  { route: 'programs', title: 'Programs', Component: ProgramsView },
  { route: 'simulate', title: 'Simulate', Component: SimulateView },
  { route: 'members', title: 'Members', Component: MembersView },
  { route: 'reports', title: 'Reports', Component: ReportsView },
  { route: 'backtest', title: 'Backtest', Component: BacktestView },
];

export function viewOf(route: string): View {
  return views.find((v) => v.route === route) ?? views[0]!;
}
