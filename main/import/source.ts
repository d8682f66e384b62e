/**
 * Opens a file for import: checks it exists and is not empty, decides the format (the caller's
 * choice, else the extension, else the content), detects the encoding and CSV dialect, and returns a
 * stream of raw record batches. The header, when there is one, is the first record of the stream.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { UdashError } from '../../shared/errors.js';
import { detectDialect } from './csv/dialect.js';
import { readCsvRecords } from './csv/reader.js';
import type { JsonRecord } from './json/records.js';
import { detectJsonShape } from './json/shape.js';
import { detectEncoding } from './text/encoding.js';
import { readHead, readTextChunks } from './text/read-text.js';
import type { ImportFormat, RawValue, SourceMeta } from './types.js';

export interface SourceOptions {
  format?: ImportFormat;
  delimiter?: string;
  quote?: string;
  encoding?: string;
  sheet?: string;
}

export type SourceBatch = ({ kind: 'arrays'; rows: RawValue[][] } | { kind: 'objects'; rows: JsonRecord[] }) & { rowNumbers: number[]; bytesRead: number };

export interface OpenedSource {
  /** Filled in as reading goes (an XLSX's sheet names are known once the workbook part is read). */
  meta: SourceMeta;
  totalBytes: number;
  batches: AsyncGenerator<SourceBatch>;
}

const HEAD_BYTES = 64 * 1024;

const BY_EXTENSION: Record<string, ImportFormat> = { '.csv': 'csv', '.tsv': 'csv', '.tab': 'csv', '.txt': 'csv', '.json': 'json', '.ndjson': 'json', '.jsonl': 'json', '.xlsx': 'xlsx', '.xlsm': 'xlsx' };

function sniffFormat(head: Uint8Array): ImportFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  const text = Buffer.from(head.subarray(0, 256)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[') || text.startsWith('{')) return 'json';
  return 'csv';
}

export function formatOf(displayName: string, head: Uint8Array, given?: ImportFormat): ImportFormat {
  if (given) return given;
  const ext = path.extname(displayName).toLowerCase();
  if (ext === '.xls') throw new UdashError('BAD_DATA', `${displayName} is in the old Excel 97–2003 format (.xls); save it as .xlsx or CSV and import that`, { file: displayName });
  return BY_EXTENSION[ext] ?? sniffFormat(head);
}

export async function openSource(file: string, displayName: string, opts: SourceOptions): Promise<OpenedSource> {
  let size: number;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new UdashError('BAD_INPUT', `${displayName} is a folder, not a file`, { file: displayName, field: 'source' });
    size = st.size;
  } catch (e) {
    if (e instanceof UdashError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new UdashError('NOT_FOUND', `${displayName} does not exist`, { file: displayName, field: 'source' });
    throw new UdashError('BAD_INPUT', `${displayName} cannot be read (${code ?? String(e)})`, { file: displayName, field: 'source' });
  }
  if (size === 0) throw new UdashError('BAD_DATA', `${displayName} is empty (0 bytes): there is nothing to import`, { file: displayName });
  const head = await readHead(file, HEAD_BYTES);
  const format = formatOf(displayName, head, opts.format);
  const meta: SourceMeta = { format, file: displayName };

  // exceljs and stream-json load only when needed (the readers import them where they use them: the
  // bundles inline these modules, which would hoist a top-level import to every start); most imports are CSV.
  if (format === 'xlsx') {
    const { readXlsxRows } = await import('./xlsx/reader.js');
    const batches = readXlsxRows(file, displayName, opts.sheet, (info) => {
      meta.sheets = info.sheets;
      meta.sheet = info.sheet;
    });
    return { meta, totalBytes: size, batches };
  }

  const enc = detectEncoding(head, { override: opts.encoding, wholeFile: head.length === size, file: displayName });
  meta.encoding = enc.encoding;
  const sample = iconv.decode(Buffer.from(head.subarray(enc.bomBytes)), enc.encoding, { stripBOM: false });
  if (sample.trim() === '') throw new UdashError('BAD_DATA', `${displayName} contains only whitespace: there is nothing to import`, { file: displayName });
  const chunks = readTextChunks(file, enc);

  if (format === 'json') {
    const shape = detectJsonShape(sample, displayName);
    const { readJsonArray, readNdjson } = await import('./json/reader.js');
    return { meta, totalBytes: size, batches: shape === 'array' ? readJsonArray(chunks, displayName) : readNdjson(chunks) };
  }

  const defaultDelimiter = !opts.delimiter && /\.(tsv|tab)$/i.test(displayName) ? '\t' : opts.delimiter;
  const dialect = detectDialect(sample, { ...(defaultDelimiter ? { delimiter: defaultDelimiter } : {}), ...(opts.quote ? { quote: opts.quote } : {}) });
  meta.delimiter = dialect.delimiter;
  meta.quote = dialect.quote;
  return { meta, totalBytes: size, batches: readCsvRecords(chunks, dialect, displayName) };
}
