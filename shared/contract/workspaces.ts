import { z } from 'zod';
import { method } from './define.js';
import { Id, Ok } from './common.js';

export const Workspace = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), isSample: z.boolean() });
export type Workspace = z.infer<typeof Workspace>;

export const workspaceMethods = {
  'workspaces.list': method('All local workspaces', z.object({}).default({}), z.array(Workspace)),
  'workspaces.create': method('Create an empty workspace', z.object({ name: z.string().trim().min(1).max(120) }), Workspace),
  'workspaces.rename': method('Rename a workspace', z.object({ workspaceId: Id, name: z.string().trim().min(1).max(120) }), Workspace),
  'workspaces.delete': method('Delete a workspace, its datasets and its document', z.object({ workspaceId: Id }), Ok),
  'doc.undo': method('Undo the last local change to the workspace document', z.object({ workspaceId: Id }), z.object({ canUndo: z.boolean(), canRedo: z.boolean() })),
  'doc.redo': method('Redo', z.object({ workspaceId: Id }), z.object({ canUndo: z.boolean(), canRedo: z.boolean() })),
} as const;
