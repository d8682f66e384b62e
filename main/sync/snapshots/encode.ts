/**
 * Writes a dataset's rows as a snapshot blob (shared/model/dataset-snapshot.ts): gzip of a JSON
 * header line and chunked, columnar JSON lines, to a file, hashing the compressed bytes as they are
 * written. Rows are read in keyset pages (WHERE rid > ? LIMIT n), never through an open iterator:
 * the store has one connection, and an iterator held across an await would block every other
 * statement of the app. Only the rows, column names and types travel: never the dataset's source
 * (file paths, connector settings) and never a credential.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { UdashError } from '../../../shared/errors.js';
import { SNAPSHOT_CHUNK_ROWS, SNAPSHOT_FORMAT, type SnapshotHeader } from '../../../shared/model/dataset-snapshot.js';
import { ident, type DatasetRecord } from '../../store/datasets-repo.js';
import type { Db } from '../../store/db.js';

export interface WrittenSnapshot {
  sha256: string;
  bytes: number;
  rows: number;
}

export async function writeSnapshotFile(db: Db, rec: DatasetRecord, file: string): Promise<WrittenSnapshot> {
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    name: rec.name,
    columns: rec.columns.map((c) => ({ name: c.name, type: c.type })),
    timeColumn: rec.timeColumn,
    rows: (db.prepare(`SELECT count(*) AS n FROM ${ident(rec.tableName)}`).get() as { n: number }).n,
  };
  const keys = rec.columns.map((c) => ident(c.key));
  const page = db.prepare(`SELECT rid${keys.length ? ', ' + keys.join(', ') : ''} FROM ${ident(rec.tableName)} WHERE rid > ? ORDER BY rid LIMIT ${SNAPSHOT_CHUNK_ROWS}`).raw();

  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(file);
  const hash = createHash('sha256');
  let bytes = 0;
  gzip.on('data', (c: Buffer) => {
    hash.update(c);
    bytes += c.length;
  });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };

  await write(JSON.stringify(header));
  let rows = 0;
  for (let after = 0; ; ) {
    const batch = page.all(after) as unknown[][];
    if (batch.length === 0) break;
    const columns = keys.map((_, c) => batch.map((r) => r[c + 1]));
    await write(JSON.stringify(columns));
    rows += batch.length;
    after = batch[batch.length - 1]![0] as number;
  }
  gzip.end();
  await once(out, 'finish');
  // The header's count and the rows written differ only if rows changed while we read; say what was written.
  if (rows !== header.rows) throw new UdashError('CONFLICT', `The dataset "${rec.name}" changed while its snapshot was being written (${header.rows} rows counted, ${rows} written); publish it again.`);
  return { sha256: hash.digest('hex'), bytes, rows };
}
