import type { Router } from 'express';
import type { AppDeps } from './deps.js';
import { healthRoutes } from './health.js';
import { toastRoutes } from '../toast/router.js';
import { claimRoutes } from '../claims/router.js';
import { adminRoutes } from '../admin/router.js';
import { metricsRoutes } from './metrics/metrics-route.js';
import { dashboardRoutes } from '../dashboard/router.js';

/** A mounted group of routes. The list below is the whole HTTP surface of Perkwire. */
export interface RouteModule {
  name: string;
  build(deps: AppDeps): Router;
}

export const routeModules: RouteModule[] = [
  { name: 'health', build: healthRoutes },
  { name: 'metrics', build: metricsRoutes },
  { name: 'toast', build: toastRoutes },
  { name: 'claims', build: claimRoutes },
  { name: 'admin', build: adminRoutes },
  { name: 'dashboard', build: dashboardRoutes },
];
