/**
 * Extra HTTP route modules mounted by `udash sync-server start` (e.g. email open/click tracking in
 * sync-server/tracking/). A module adds one line to ROUTE_MODULES; it gets the server's configuration
 * and returns its handlers (and a close function for anything it opened). Handlers run after the
 * built-in routes and reach documents through `ctx.server.transactDocument(room, fn)`.
 */
import type { Logger } from './ops/logger.js';
import type { RouteHandler } from './options.js';
import { trackingRouteModule } from './tracking/module.js';

export interface RouteModuleContext {
  dataDir: string;
  /** The PostgreSQL URL when the server runs on PostgreSQL. */
  postgres: string | null;
  log: Logger;
}

export interface MountedRoutes {
  routes: RouteHandler[];
  close?(): Promise<void>;
}

export type RouteModule = (ctx: RouteModuleContext) => MountedRoutes | Promise<MountedRoutes>;

export const ROUTE_MODULES: RouteModule[] = [trackingRouteModule];
