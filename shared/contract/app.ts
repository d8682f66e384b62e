import { z } from 'zod';
import { method } from './define.js';
import { Ok } from './common.js';

export const StoreStatus = z.object({
  ok: z.boolean(),
  path: z.string(),
  schemaVersion: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  backups: z.array(z.object({ file: z.string(), bytes: z.number(), createdAt: z.string() })),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

export const Theme = z.enum(['light', 'dark', 'system']);

export const Settings = z.object({
  theme: Theme.default('system'),
  lastWorkspaceId: z.string().optional(),
  lastDashboardId: z.string().optional(),
});
export type Settings = z.infer<typeof Settings>;

export const appMethods = {
  'app.info': method(
    'Version, data folder and store health',
    z.object({}).default({}),
    z.object({ version: z.string(), home: z.string(), transport: z.enum(['ipc', 'websocket']).optional(), store: StoreStatus }),
  ),
  'store.recover': method(
    'When the store cannot open: start a fresh one (the old file is kept aside) or restore a backup',
    z.object({ action: z.enum(['fresh', 'restore']), backupFile: z.string().optional() }),
    StoreStatus,
  ),
  'store.backup': method('Write a consistent copy of the store to the backups folder', z.object({}).default({}), z.object({ file: z.string(), bytes: z.number() })),
  'settings.get': method('Read user settings', z.object({}).default({}), Settings),
  'settings.set': method('Change user settings', Settings.partial(), Settings),
  'downloads.save': method(
    'Desktop app: ask where to save a produced file (export, report) and save it there',
    z.object({ downloadId: z.string().min(1).max(64) }),
    z.object({ saved: z.boolean(), path: z.string().optional() }),
  ),
  'app.ping': method('Round trip check', z.object({}).default({}), Ok),
} as const;
