/**
 * Streams CSV records with papaparse's incremental Parser: each decoded chunk is parsed with the
 * last (possibly incomplete) record held back and prepended to the next chunk. A record that is
 * still open at the end of the file is an unclosed quote; we name the row where it started.
 */
import Papa from 'papaparse';
import { UdashError } from '../../../shared/errors.js';
import { BATCH_ROWS, MAX_RECORD_CHARS } from '../limits.js';
import type { TextChunk } from '../text/read-text.js';
import type { RawBatch } from '../types.js';
import type { CsvDialect } from './dialect.js';

export type CsvBatch = RawBatch & { kind: 'arrays'; rows: string[][]; bytesRead: number };

const isBlank = (row: string[]) => row.length === 1 && row[0] === '';

/** Yields every record, the header included, numbered from 1; blank lines are skipped but counted. */
export async function* readCsvRecords(chunks: AsyncIterable<TextChunk>, dialect: CsvDialect, file: string): AsyncGenerator<CsvBatch> {
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, quoteChar: dialect.quote, newline: dialect.newline });
  let carried = '';
  let pending = '';
  let recordNo = 0;
  let rows: string[][] = [];
  let rowNumbers: number[] = [];
  for await (const chunk of chunks) {
    pending += chunk.text;
    // A long open record (a big quoted field) is re-scanned on every parse; waiting until the new text
    // is as long as the carried part keeps the total work linear.
    if (!chunk.last && pending.length < carried.length) continue;
    const input = carried + pending;
    pending = '';
    const result = parser.parse(input, 0, !chunk.last) as { data: string[][]; errors: { code: string; row: number }[]; meta: { cursor: number } };
    if (chunk.last) {
      const open = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
      if (open) {
        const row = recordNo + open.row + 1;
        throw new UdashError('BAD_DATA', `${file}: a quoted field starting on row ${row} is never closed (an unclosed quote)`, { file, row });
      }
      carried = '';
    } else {
      carried = input.substring(result.meta.cursor);
      if (carried.length > MAX_RECORD_CHARS) {
        throw new UdashError('BAD_DATA', `${file}: the record starting on row ${recordNo + result.data.length + 1} is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB; is a quote left open there?`, {
          file,
          row: recordNo + result.data.length + 1,
        });
      }
    }
    for (const row of result.data) {
      recordNo++;
      if (isBlank(row)) continue;
      rows.push(row);
      rowNumbers.push(recordNo);
    }
    if (rows.length >= BATCH_ROWS || (chunk.last && rows.length > 0)) {
      yield { kind: 'arrays', rows, rowNumbers, bytesRead: chunk.bytesRead };
      rows = [];
      rowNumbers = [];
    }
  }
}
