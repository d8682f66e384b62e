/**
 * A fetched snapshot becomes a local dataset with the publisher's dataset id, so the colleague's
 * widgets (which name that id) draw here. It goes through the import pipeline's own path: rows into a
 * staging table in short transactions, then one transaction (finalizeImport) that makes the table
 * the dataset's, runs the dataset hooks (rollups) and records the copy. A failure leaves nothing.
 */
import type { ColumnType } from '../../../shared/model/dataset.js';
import type { SnapshotHeader } from '../../../shared/model/dataset-snapshot.js';
import { finalizeImport } from '../../import/finalize.js';
import { StagingTable } from '../../import/staging.js';
import type { ColumnBatch } from '../../import/types.js';
import type { Core } from '../../services.js';
import type { DatasetRecord } from '../../store/datasets-repo.js';
import type { SyncRepo } from '../sync-repo.js';
import { readSnapshotFile, type SnapshotChunk } from './decode.js';

const NUMERIC: ReadonlySet<ColumnType> = new Set(['integer', 'number', 'boolean', 'datetime']);

/** One chunk as the staging table takes it: numbers as Float64Array (NaN = null), text as strings. */
function toBatch(chunk: SnapshotChunk, types: ColumnType[]): ColumnBatch {
  const length = chunk[0]?.length ?? 0;
  const columns = chunk.map((col, c) => {
    if (NUMERIC.has(types[c]!)) {
      const out = new Float64Array(length);
      for (let r = 0; r < length; r++) {
        const v = col[r];
        out[r] = typeof v === 'number' ? v : v === null || v === undefined ? NaN : Number(v);
      }
      return out;
    }
    return col.map((v) => (v === null || v === undefined ? null : String(v)));
  });
  return { length, columns };
}

/** A name free in the workspace: the publisher's, or "<name> (shared)", "(shared 2)" … when taken by another dataset. */
function freeName(c: Core, workspaceId: string, name: string, datasetId: string): string {
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : i === 2 ? `${name} (shared)` : `${name} (shared ${i - 1})`;
    const taken = c.datasets.findByName(workspaceId, candidate);
    if (!taken || taken.id === datasetId) return candidate;
  }
}

export async function importSnapshotFile(c: Core, repo: SyncRepo, a: { workspaceId: string; datasetId: string; sha256: string; file: string; existing: DatasetRecord | undefined }): Promise<DatasetRecord> {
  let header: SnapshotHeader | null = null;
  let staging: StagingTable | null = null;
  try {
    for await (const item of readSnapshotFile(a.file)) {
      if ('header' in item) {
        header = item.header;
        staging = StagingTable.create(c.store.db, header.columns.map((col) => col.type));
      } else staging!.insert(toBatch(item.chunk, header!.columns.map((col) => col.type)));
    }
    const h = header!;
    const stagingTable = staging!;
    const name = freeName(c, a.workspaceId, h.name, a.datasetId);
    return c.store.db
      .transaction(() => {
        const { rec } = finalizeImport(c, {
          mode: a.existing ? 'replace' : 'create',
          id: a.datasetId,
          workspaceId: a.workspaceId,
          name,
          ...(a.existing ? { existing: a.existing } : {}),
          staging: stagingTable,
          plan: { columns: h.columns, timeColumn: h.timeColumn },
          source: { kind: 'snapshot' },
          audit: { snapshot: a.sha256, rows: h.rows },
        });
        repo.recordSnapshotCopy(a.workspaceId, rec.id, a.sha256);
        return a.existing && a.existing.name !== name ? c.datasets.rename(a.workspaceId, rec.id, name) : rec;
      })
      .immediate();
  } finally {
    staging?.drop();
  }
}
