/**
 * Internal shapes of the import pipeline: raw values as the readers produce them, the plan inferred
 * from the first rows, and the columnar batches handed to the SQLite writer (possibly across a
 * worker_thread boundary, so everything here is structured-clone friendly).
 */
import type { ColumnType } from '../../shared/model/dataset.js';
import type { RowIssue } from '../../shared/contract/data.js';

/** A value as read from a file: CSV gives strings; JSON and XLSX also give numbers, booleans and dates. */
export type RawValue = string | number | boolean | Date | null;

export type ImportFormat = 'csv' | 'json' | 'xlsx';

/**
 * Rows read from a file, in file order. `rowNumbers[i]` is where a person finds row i in the file:
 * - CSV: the record number counting the header as row 1 (what a spreadsheet shows; the same as the
 *   line number unless a quoted field spans lines);
 * - XLSX: the sheet's own row number;
 * - JSON array: the 1-based position of the object in the array;
 * - NDJSON: the line number.
 */
export type RawBatch = { kind: 'arrays'; rows: RawValue[][]; rowNumbers: number[] } | { kind: 'objects'; rows: Record<string, RawValue>[]; rowNumbers: number[] };

/** What the reader learned about the file (shown in the preview). */
export interface SourceMeta {
  format: ImportFormat;
  file: string;
  encoding?: string;
  delimiter?: string;
  quote?: string;
  sheets?: string[];
  sheet?: string;
}

export interface PlanColumn {
  name: string;
  type: ColumnType;
  /** For datetime: the detected or requested format ("ISO 8601", "DD/MM/YYYY", …). */
  dateFormat?: string;
  /** The header as written in the file, when it was empty or a duplicate and had to be renamed. */
  renamedFrom?: string;
  nullCount: number;
  sample: string[];
}

/** The columns of the import, in table order, and where each one's value comes from in a raw row. */
export interface ImportPlan {
  meta: SourceMeta;
  columns: PlanColumn[];
  /** For array rows: the raw index feeding each plan column. For object rows: the key. */
  sourceIndex: number[];
  sourceKeys: string[];
  /** How many fields the header (or the widest sampled row) has; extra non-empty fields are issues. */
  width: number;
  timeColumn: string | null;
}

/**
 * A text column as indexes into a dictionary that sender and receiver grow batch by batch (`added`
 * holds the entries new in this batch; -1 is null). Categorical text (regions, channels, statuses)
 * repeats a few values, and sending each value once spares a string allocation per cell.
 */
export interface DictColumn {
  codes: Int32Array;
  added: string[];
}

/**
 * Converted rows, column by column. Numeric storage (integer, number, boolean 0/1, datetime epoch ms)
 * is a Float64Array with NaN for null; text is a DictColumn, or (for columns with many distinct
 * values) an array of strings and nulls.
 */
export interface ColumnBatch {
  length: number;
  columns: (Float64Array | (string | null)[] | DictColumn)[];
}

export type ProducerMessage =
  | { kind: 'plan'; plan: ImportPlan }
  | { kind: 'batch'; batch: ColumnBatch; issues: RowIssue[]; badRows: number; rowsRead: number; bytesRead: number; totalBytes: number }
  | { kind: 'end'; rowsRead: number; badRows: number };
