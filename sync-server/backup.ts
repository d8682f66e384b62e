/**
 * Workspace backups: one JSON file holding the document's full state as one Yjs update (base64).
 * Restoring appends that update to the document's log: a CRDT merge, not a rewind. Into an empty or
 * lost document it brings everything back; into a live one it only adds what is missing (edits made
 * after the backup stay, and content deleted since stays deleted). Rewinding content is a new edit
 * made from history in the desktop app, which then syncs like any other.
 */
import fs from 'node:fs';
import * as Y from 'yjs';
import { z } from 'zod';
import { UdashError } from '../shared/errors.js';
import { RoomName } from './auth/roles.js';
import type { DocStore } from './persistence/doc-store.js';

export const BACKUP_FORMAT = 'udash-sync-workspace-backup';

const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  workspace: RoomName,
  createdAt: z.string(),
  storedUpdates: z.number().int().nonnegative(),
  state: z.string(),
});
export type WorkspaceBackup = z.infer<typeof Backup>;

/** Merges the stored log in a scratch document (which also drops deleted content), then encodes it. */
export async function backupWorkspace(docs: DocStore, workspace: string): Promise<WorkspaceBackup> {
  const rows = await docs.load(workspace);
  if (rows.length === 0) throw new UdashError('NOT_FOUND', `The server has no document for workspace ${workspace}`, { field: 'workspace' });
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const r of rows) Y.applyUpdate(doc, r);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { format: BACKUP_FORMAT, version: 1, workspace, createdAt: new Date().toISOString(), storedUpdates: rows.length, state: Buffer.from(state).toString('base64') };
}

export function readBackupFile(file: string): WorkspaceBackup {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UdashError('NOT_FOUND', `Cannot read the backup file ${file}: ${(e as Error).message}`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UdashError('BAD_DATA', `${file} is not a workspace backup (not JSON)`, { file });
  }
  const parsed = Backup.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UdashError('BAD_DATA', `${file} is not a workspace backup: ${issue.path.join('.') || 'file'}: ${issue.message}`, { file, field: issue.path.join('.') });
  }
  return parsed.data;
}

/** Checks the state decodes as a Yjs update before anything is written, then appends it. */
export async function restoreWorkspace(docs: DocStore, backup: WorkspaceBackup, workspace = backup.workspace): Promise<{ workspace: string; bytes: number }> {
  const state = new Uint8Array(Buffer.from(backup.state, 'base64'));
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, state);
  } catch {
    throw new UdashError('BAD_DATA', `The backup of ${backup.workspace} holds a damaged document state; nothing was restored`, { field: 'state' });
  } finally {
    probe.destroy();
  }
  await docs.append([{ doc: workspace, update: state }]);
  return { workspace, bytes: state.byteLength };
}
