/**
 * Dataset snapshots: a dataset's rows published to the sync server as one content-addressed blob, so
 * colleagues whose widgets use the dataset can fetch it. The workspace doc's `datasetSnapshots`
 * collection holds one record per dataset (keyed by dataset id, the latest publish wins); the rows
 * travel only as the blob. Connector configs and credentials are never part of a snapshot.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { ColumnType } from './dataset.js';
import { readAll, readOne } from './workspace-doc.js';

export const SNAPSHOT_COLLECTION = 'datasetSnapshots';

export const SnapshotColumn = z.object({ name: z.string().min(1), type: ColumnType });
export type SnapshotColumn = z.infer<typeof SnapshotColumn>;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const DatasetSnapshot = z.object({
  datasetId: z.string().min(1),
  name: z.string().min(1),
  columns: z.array(SnapshotColumn),
  timeColumn: z.string().nullable(),
  rows: z.number().int().nonnegative(),
  /** SHA-256 of the blob (the compressed bytes), which is also its address on the server. */
  sha256: z.string().regex(SHA256_HEX),
  /** Size of the blob in bytes. */
  bytes: z.number().int().nonnegative(),
  /** The publisher's display name. */
  publishedBy: z.string(),
  publishedAt: z.string(),
});
export type DatasetSnapshot = z.infer<typeof DatasetSnapshot>;

export function readSnapshots(doc: Y.Doc): DatasetSnapshot[] {
  return readAll(doc, SNAPSHOT_COLLECTION, DatasetSnapshot).items;
}

export function readSnapshot(doc: Y.Doc, datasetId: string): DatasetSnapshot | undefined {
  return readOne(doc, SNAPSHOT_COLLECTION, datasetId, DatasetSnapshot);
}

/**
 * The blob's content once decompressed (gzip): a header line of JSON, then one line per chunk of at
 * most SNAPSHOT_CHUNK_ROWS rows, each a JSON array holding one array per column (in header order) of
 * the stored SQL values (numbers, text, null; datetimes as epoch milliseconds, booleans as 0/1).
 * Columnar within a chunk, so the compressor sees runs of similar values; chunked, so neither side
 * ever holds a whole dataset in memory; JSON, so any reader can decode it.
 */
export const SNAPSHOT_CHUNK_ROWS = 10_000;
export const SNAPSHOT_FORMAT = 'udash-snapshot/1';
export const SnapshotHeader = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  name: z.string().min(1),
  columns: z.array(SnapshotColumn),
  timeColumn: z.string().nullable(),
  rows: z.number().int().nonnegative(),
});
export type SnapshotHeader = z.infer<typeof SnapshotHeader>;
