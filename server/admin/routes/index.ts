/**
 * Every admin API route, in the order the OpenAPI document lists them. A route exists when it
 * is in this array: the router and the document are both built from it (see ../README.md).
 */
import type { AdminRoute } from '../route.js';
import { listProgramsRoute } from './programs/list-programs.js';

export const adminRouteList: readonly AdminRoute[] = [
  listProgramsRoute,
];
