import { z } from 'zod';

export const Id = z.string().min(1).max(128);
export const WorkspaceRef = z.object({ workspaceId: Id });
export const Ok = z.object({ ok: z.literal(true) });
export const ok = { ok: true as const };
/** Optional caller-chosen id so the caller can match progress events to the call. */
export const TaskId = z.string().min(1).max(128).optional();
