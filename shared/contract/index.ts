/**
 * The one contract between the UI and main. Every call is declared once here (name, zod input, zod
 * output); the Electron preload, the loopback WebSocket host, the renderer's client and main's
 * dispatcher are all typed from this object, so no channel name is ever written twice.
 */
import { z } from 'zod';
import type { MethodSpec, ProgressEvent } from './define.js';
import { appMethods } from './app.js';
import { workspaceMethods } from './workspaces.js';
import { dataMethods } from './data.js';
import { dashboardMethods } from './dashboards.js';
import { reportEvents, reportMethods } from './reports.js';
import { forecastMethods } from './forecast.js';
import { analyticsMethods } from './analytics.js';
import { forecastRunMethods } from './forecast-runs.js';
import { analyticsExportMethods } from './analytics-export.js';
import { permissionMethods } from './permissions.js';
import { syncEvents, syncMethods } from './sync.js';
import { collabEvents, collabMethods } from './collab.js';

export const contract = {
  ...appMethods,
  ...workspaceMethods,
  ...dataMethods,
  ...dashboardMethods,
  ...reportMethods,
  ...forecastMethods,
  ...analyticsMethods,
  ...forecastRunMethods,
  ...analyticsExportMethods,
  ...permissionMethods,
  ...syncMethods,
  ...collabMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const events = {
  progress: z.object({ taskId: z.string(), phase: z.string(), done: z.number(), total: z.number().optional(), message: z.string().optional() }),
  'dataset.changed': z.object({ workspaceId: z.string(), datasetId: z.string(), kind: z.enum(['created', 'updated', 'deleted']) }),
  'doc.changed': z.object({ workspaceId: z.string(), local: z.boolean() }),
  'workspaces.changed': z.object({}),
  ...reportEvents,
  ...syncEvents,
  ...collabEvents,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type { ProgressEvent };

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
