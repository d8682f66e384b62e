/**
 * Dataset snapshots in a shared workspace. Rows never live in the workspace doc; a widget built on a
 * dataset that only its author has draws nothing for colleagues until the author publishes a snapshot:
 * the rows as one compressed, content-addressed blob on the sync server, and a record (name, columns,
 * row count, SHA-256, publisher) in the doc's `datasetSnapshots` collection, keyed by dataset id (the
 * latest publish wins). A colleague fetches it on demand and gets a local dataset with the same id.
 * The dataset's source (file path, connector settings) and any credential stay on the publisher's
 * computer: the blob holds column names, types and values only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UdashError } from '../../../shared/errors.js';
import { DatasetSnapshot, readSnapshot, readSnapshots, SNAPSHOT_COLLECTION } from '../../../shared/model/dataset-snapshot.js';
import type { DatasetMeta } from '../../../shared/model/dataset.js';
import { writeFields } from '../../../shared/model/workspace-doc.js';
import type { SnapshotInfo } from '../../../shared/contract/sync.js';
import type { Services } from '../../services.js';
import { toMeta, type DatasetRecord } from '../../store/datasets-repo.js';
import type { SyncService } from '../sync-service.js';
import { sha256OfFile } from './decode.js';
import { writeSnapshotFile } from './encode.js';
import { importSnapshotFile } from './import-snapshot.js';

export class SnapshotService {
  constructor(
    private readonly svc: Services,
    private readonly sync: SyncService,
  ) {}

  private tempFile(): { file: string; done: () => void } {
    const dir = path.join(this.svc.paths.home, 'sync', 'tmp');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `snapshot-${process.pid}-${randomBytes(6).toString('hex')}.gz`);
    return { file, done: () => fs.rmSync(file, { force: true }) };
  }

  private localDataset(workspaceId: string, datasetId: string): DatasetRecord | undefined {
    return this.svc.core().datasets.list(workspaceId).find((d) => d.id === datasetId);
  }

  list(workspaceId: string, datasetIds?: string[]): SnapshotInfo[] {
    const config = this.sync.config(workspaceId);
    const doc = this.sync.doc(workspaceId);
    const repo = this.sync.repo();
    const canWrite = config.remoteRole !== 'viewer';
    const published = new Map(readSnapshots(doc).map((s) => [s.datasetId, s]));
    const local = new Map(this.svc.core().datasets.list(workspaceId).map((d) => [d.id, d]));
    const ids = datasetIds ?? [...new Set([...published.keys(), ...local.keys()])];
    return ids.map((datasetId) => {
      const snapshot = published.get(datasetId) ?? null;
      const copy = local.has(datasetId) ? repo.snapshotCopy(datasetId) : null;
      return {
        datasetId,
        snapshot,
        local: local.has(datasetId),
        canPublish: canWrite && local.has(datasetId) && !copy,
        outdated: !!copy && !!snapshot && copy.sha256 !== snapshot.sha256,
      };
    });
  }

  async publish(workspaceId: string, datasetId: string): Promise<DatasetSnapshot> {
    const { client, config } = this.sync.client(workspaceId);
    if (config.remoteRole === 'viewer') throw new UdashError('FORBIDDEN', 'A viewer cannot publish snapshots in this workspace', { field: 'workspaceId' });
    const core = this.svc.core();
    const rec = core.datasets.get(workspaceId, datasetId);
    if (this.sync.repo().snapshotCopy(datasetId))
      throw new UdashError('CONFLICT', `The rows of "${rec.name}" came from a colleague's snapshot; the colleague who owns the data publishes updates.`, { field: 'datasetId' });
    const tmp = this.tempFile();
    try {
      const written = await writeSnapshotFile(core.store.db, rec, tmp.file);
      await client.putBlob(workspaceId, written.sha256, { path: tmp.file, size: written.bytes }, config.remoteRole === 'admin');
      const snapshot = DatasetSnapshot.parse({
        datasetId,
        name: rec.name,
        columns: rec.columns.map((c) => ({ name: c.name, type: c.type })),
        timeColumn: rec.timeColumn,
        rows: written.rows,
        sha256: written.sha256,
        bytes: written.bytes,
        publishedBy: this.sync.profile().name,
        publishedAt: new Date().toISOString(),
      });
      core.docs.transact(workspaceId, (doc) => writeFields(doc, SNAPSHOT_COLLECTION, datasetId, snapshot));
      core.audit.record({ actor: 'local', action: 'sync.snapshot.publish', objectType: 'dataset', objectId: datasetId, workspaceId, details: { sha256: written.sha256, rows: written.rows, bytes: written.bytes } });
      return snapshot;
    } finally {
      tmp.done();
    }
  }

  async fetch(workspaceId: string, datasetId: string): Promise<DatasetMeta> {
    const { client, config } = this.sync.client(workspaceId);
    const snapshot = readSnapshot(this.sync.doc(workspaceId), datasetId);
    if (!snapshot) throw new UdashError('NOT_FOUND', 'No snapshot of this dataset has been published to the workspace yet; ask the colleague who has the data to publish one.', { field: 'datasetId' });
    const existing = this.localDataset(workspaceId, datasetId);
    const copy = existing ? this.sync.repo().snapshotCopy(datasetId) : null;
    if (existing && !copy) throw new UdashError('CONFLICT', `This computer has its own copy of "${existing.name}"; it is not replaced by a snapshot.`, { field: 'datasetId' });
    if (existing && copy?.sha256 === snapshot.sha256) return toMeta(existing);
    const tmp = this.tempFile();
    try {
      await client.getBlob(workspaceId, snapshot.sha256, tmp.file, config.remoteRole === 'admin');
      const actual = await sha256OfFile(tmp.file);
      if (actual !== snapshot.sha256) throw new UdashError('BAD_DATA', 'The downloaded snapshot does not match its SHA-256; it was not imported. Try again.', { field: 'datasetId' });
      const rec = await importSnapshotFile(this.svc.core(), this.sync.repo(), { workspaceId, datasetId, sha256: snapshot.sha256, file: tmp.file, existing });
      this.svc.events.emit('dataset.changed', { workspaceId, datasetId, kind: existing ? 'updated' : 'created' });
      return toMeta(rec);
    } finally {
      tmp.done();
    }
  }
}
