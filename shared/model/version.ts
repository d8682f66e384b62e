/**
 * Versions of a workspace: saved full states of its document (see main/collab/versions/). Automatic
 * ones are taken while people edit, at app start and at close; named ones when a user asks ("Before
 * Q3 review"). This file holds what the UI sees: the list entry and the comparison of a version with
 * the document as it is now.
 */
import { z } from 'zod';
import { LayoutItem } from './dashboard.js';

export const VERSION_KINDS = ['auto', 'named'] as const;
export const VersionKind = z.enum(VERSION_KINDS);
export type VersionKind = z.infer<typeof VersionKind>;

/** Why an automatic version was taken. */
export const VERSION_REASONS = ['edit', 'start', 'close', 'restore', 'named'] as const;
export const VersionReason = z.enum(VERSION_REASONS);
export type VersionReason = z.infer<typeof VersionReason>;

export const VersionInfo = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: VersionKind,
  reason: VersionReason,
  name: z.string().optional(),
  authorName: z.string().optional(),
  createdAt: z.string(),
  /** Stored (compressed) size. */
  bytes: z.number().int(),
});
export type VersionInfo = z.infer<typeof VersionInfo>;

export const VersionName = z.string().trim().min(1).max(200);

/** One field that differs: its value in the version and now (absent on one side = not set there). */
export const FieldChange = z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
export type FieldChange = z.infer<typeof FieldChange>;

export const ChangeStatus = z.enum(['added', 'removed', 'changed']);
export type ChangeStatus = z.infer<typeof ChangeStatus>;

export const WidgetChange = z.object({
  widgetId: z.string(),
  /** The title now, or in the version for a widget removed since. */
  title: z.string(),
  status: ChangeStatus,
  fields: z.array(FieldChange),
});
export type WidgetChange = z.infer<typeof WidgetChange>;

export const LayoutMove = z.object({ widgetId: z.string(), title: z.string(), before: LayoutItem, after: LayoutItem });
export type LayoutMove = z.infer<typeof LayoutMove>;

/**
 * A dashboard in the version compared with now. `added`: created since the version; `removed`:
 * deleted since (restore brings it back); `changed`/`unchanged`: in both.
 */
export const DashboardDiff = z.object({
  dashboardId: z.string(),
  name: z.string(),
  status: z.enum(['added', 'removed', 'changed', 'unchanged']),
  fields: z.array(FieldChange),
  widgets: z.array(WidgetChange),
  layout: z.array(LayoutMove),
});
export type DashboardDiff = z.infer<typeof DashboardDiff>;
