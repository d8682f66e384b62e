/**
 * JSON import: a top-level array of objects (streamed with stream-json, so the file never has to fit
 * in memory) or NDJSON, one object per line. Anything else is refused with a message saying which of
 * the two shapes we expected. Items that are not objects become row issues.
 */
import { Readable } from 'node:stream';
import { UdashError } from '../../../shared/errors.js';
import { BATCH_ROWS } from '../limits.js';
import type { TextChunk } from '../text/read-text.js';
import { flattenRecord } from './flatten.js';
import { BadRecord, type JsonRecord } from './records.js';

export interface JsonBatch {
  kind: 'objects';
  rows: JsonRecord[];
  rowNumbers: number[];
  bytesRead: number;
}

const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

function toRecord(v: unknown): JsonRecord {
  if (v && typeof v === 'object' && !Array.isArray(v)) return flattenRecord(v as Record<string, unknown>);
  return new BadRecord(`is ${describe(v)}, not an object`, JSON.stringify(v) ?? String(v));
}

export async function* readJsonArray(chunks: AsyncIterable<TextChunk>, file: string): AsyncGenerator<JsonBatch> {
  let bytesRead = 0;
  async function* text() {
    for await (const c of chunks) {
      bytesRead = c.bytesRead;
      if (c.text) yield c.text;
    }
  }
  // Loaded here, not at the top: the bundles inline this module, so a top-level import would load it at every start.
  const { streamArray } = await import('stream-json/streamers/stream-array.js');
  const source = Readable.from(text(), { objectMode: false });
  const pipeline = streamArray.withParserAsStream();
  source.on('error', (e) => pipeline.destroy(e));
  source.pipe(pipeline);
  let rows: JsonRecord[] = [];
  let rowNumbers: number[] = [];
  try {
    for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
      rows.push(toRecord(item.value));
      rowNumbers.push(item.key + 1);
      if (rows.length >= BATCH_ROWS) {
        yield { kind: 'objects', rows, rowNumbers, bytesRead };
        rows = [];
        rowNumbers = [];
      }
    }
  } catch (e) {
    if (e instanceof UdashError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new UdashError('BAD_DATA', `${file} is not valid JSON after item ${rowNumbers.at(-1) ?? 0}: ${msg}`, { file, row: (rowNumbers.at(-1) ?? 0) + 1 });
  } finally {
    source.destroy();
    pipeline.destroy();
  }
  if (rows.length > 0) yield { kind: 'objects', rows, rowNumbers, bytesRead };
}

export async function* readNdjson(chunks: AsyncIterable<TextChunk>): AsyncGenerator<JsonBatch> {
  let carried = '';
  let lineNo = 0;
  let rows: JsonRecord[] = [];
  let rowNumbers: number[] = [];
  const take = (line: string) => {
    lineNo++;
    const text = line.trim();
    if (!text) return;
    let rec: JsonRecord;
    try {
      rec = toRecord(JSON.parse(text));
    } catch (e) {
      rec = new BadRecord(`is not valid JSON (${e instanceof Error ? e.message : String(e)})`, text);
    }
    rows.push(rec);
    rowNumbers.push(lineNo);
  };
  for await (const chunk of chunks) {
    const text = carried + chunk.text;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      take(text.slice(start, nl));
      start = nl + 1;
    }
    carried = text.slice(start);
    if (chunk.last && carried) {
      take(carried);
      carried = '';
    }
    if (rows.length >= BATCH_ROWS || (chunk.last && rows.length > 0)) {
      yield { kind: 'objects', rows, rowNumbers, bytesRead: chunk.bytesRead };
      rows = [];
      rowNumbers = [];
    }
  }
}
