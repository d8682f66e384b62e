/**
 * Reads a snapshot blob back: verifies the bytes against their SHA-256 name first (a blob is trusted
 * for nothing but its content address), then streams the header and the row chunks out of the gzip,
 * one line at a time, checking every line's shape against the header before anything is stored.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { z } from 'zod';
import { UdashError } from '../../../shared/errors.js';
import { SnapshotHeader } from '../../../shared/model/dataset-snapshot.js';

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const Cell = z.union([z.number(), z.string(), z.null()]);

export type SnapshotChunk = (number | string | null)[][];

/** The header, then each chunk (one array of values per column, all of one length). */
export async function* readSnapshotFile(file: string): AsyncGenerator<{ header: SnapshotHeader } | { chunk: SnapshotChunk }> {
  const bad = (why: string) => new UdashError('BAD_DATA', `The snapshot is damaged or not a Universal Dashboard snapshot: ${why}`);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let header: SnapshotHeader | null = null;
  let rows = 0;
  try {
    for await (const line of lines) {
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw bad('a line is not JSON');
      }
      if (!header) {
        const h = SnapshotHeader.safeParse(value);
        if (!h.success) throw bad('the header is not recognised');
        header = h.data;
        yield { header };
        continue;
      }
      const chunk = z.array(z.array(Cell)).safeParse(value);
      if (!chunk.success || chunk.data.length !== header.columns.length) throw bad('a chunk does not have one array per column');
      const n = chunk.data[0]?.length ?? 0;
      if (chunk.data.some((col) => col.length !== n)) throw bad('the columns of a chunk differ in length');
      rows += n;
      yield { chunk: chunk.data };
    }
  } catch (e) {
    if (e instanceof UdashError) throw e;
    throw bad(e instanceof Error ? e.message : String(e));
  } finally {
    lines.close();
  }
  if (!header) throw bad('it is empty');
  if (rows !== header.rows) throw bad(`the header says ${header.rows} rows, the content has ${rows}`);
}
