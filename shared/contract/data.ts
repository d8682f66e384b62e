import { z } from 'zod';
import { method } from './define.js';
import { Id, Ok, TaskId } from './common.js';
import { ColumnType, DatasetMeta, DatasetName } from '../model/dataset.js';
import { Scalar } from '../model/query.js';

/** Where an import reads from: a file the user uploaded through the UI, or a path on this machine (app, CLI). */
export const ImportSource = z.union([z.object({ uploadId: Id }), z.object({ path: z.string().min(1) })]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ImportFormat = z.enum(['csv', 'json', 'xlsx']);

export const ImportOptions = z.object({
  format: ImportFormat.optional(),
  /** CSV: detected from the first lines when omitted. */
  delimiter: z.string().min(1).max(4).optional(),
  quote: z.string().length(1).optional(),
  encoding: z.string().max(40).optional(),
  hasHeader: z.boolean().default(true),
  /** XLSX: sheet name; the first sheet when omitted. */
  sheet: z.string().optional(),
  /** Per-column type override by column name. */
  types: z.record(z.string(), ColumnType).default({}),
  /** Per-column datetime format override (e.g. "DD/MM/YYYY"), by column name. */
  dateFormats: z.record(z.string(), z.string()).default({}),
  timeColumn: z.string().optional(),
});
export type ImportOptions = z.input<typeof ImportOptions>;

/**
 * A row left out (onError skip) or that stopped the import (abort). `row` is where a person finds the
 * record: CSV — its record number counting the header as row 1, as a spreadsheet shows it (the line
 * number unless a quoted field spans lines); XLSX — the sheet's row number; JSON array — the object's
 * 1-based position; NDJSON — the line number. `value` is cut at 120 characters.
 */
export const RowIssue = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type RowIssue = z.infer<typeof RowIssue>;

export const InferredColumn = z.object({
  name: z.string(),
  type: ColumnType,
  /** Detected datetime format, when type is datetime ("ISO 8601", "DD/MM/YYYY", …). */
  dateFormat: z.string().optional(),
  nullCount: z.number().int(),
  sample: z.array(z.string()),
  /** The header as written in the file when it was empty or a duplicate: it was renamed to `name` ("column_3", "price_2"). */
  renamedFrom: z.string().optional(),
});

export const ImportPreview = z.object({
  format: ImportFormat,
  file: z.string(),
  delimiter: z.string().optional(),
  quote: z.string().optional(),
  encoding: z.string().optional(),
  sheets: z.array(z.string()).optional(),
  sheet: z.string().optional(),
  columns: z.array(InferredColumn),
  /** The first rows as they are in the file (long texts cut at 2,000 characters), one value per column. */
  rows: z.array(z.array(Scalar)),
  /** Where each of `rows` is in the file (same convention as RowIssue.row). */
  rowNumbers: z.array(z.number().int()).optional(),
  /** Problems in the scanned rows (the first 100) under the inferred (or overridden) types. */
  issues: z.array(RowIssue),
  /** All problems in the scanned rows. */
  issueCount: z.number().int().optional(),
  timeColumn: z.string().nullable(),
  /** Rows read to infer the types (at least the first 1,000 when the file has them). */
  rowsScanned: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  dataset: DatasetMeta,
  inserted: z.number().int(),
  skipped: z.number().int(),
  issues: z.array(RowIssue),
  issueCount: z.number().int(),
  elapsedMs: z.number(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const dataMethods = {
  'uploads.begin': method('Start sending a file from the UI', z.object({ name: z.string().min(1).max(255), size: z.number().int().nonnegative() }), z.object({ uploadId: z.string() })),
  'uploads.chunk': method(
    'Append a base64 chunk to an upload',
    z.object({ uploadId: Id, offset: z.number().int().nonnegative(), data: z.string().max(12_000_000) }),
    z.object({ received: z.number().int() }),
  ),
  'import.preview': method(
    'Detect format, delimiter, encoding and column types; return the first rows',
    z.object({ workspaceId: Id, source: ImportSource, options: ImportOptions.default({ hasHeader: true, types: {}, dateFormats: {} }), rows: z.number().int().min(1).max(1000).default(50) }),
    ImportPreview,
  ),
  'import.commit': method(
    'Import a file into a new or existing dataset in one transaction',
    z.object({
      workspaceId: Id,
      source: ImportSource,
      options: ImportOptions.default({ hasHeader: true, types: {}, dateFormats: {} }),
      name: DatasetName,
      mode: z.enum(['create', 'append', 'replace']).default('create'),
      /** skip: leave bad rows out and report them; abort: import nothing if any row is bad. */
      onError: z.enum(['skip', 'abort']).default('abort'),
      taskId: TaskId,
    }),
    ImportResult,
  ),
  'import.cancel': method('Cancel a running import; nothing is kept', z.object({ taskId: Id }), Ok),
  'datasets.list': method('Datasets of a workspace', z.object({ workspaceId: Id }), z.array(DatasetMeta)),
  'datasets.get': method('One dataset', z.object({ workspaceId: Id, datasetId: Id }), DatasetMeta),
  'datasets.rows': method(
    'A window of rows for the table viewer',
    z.object({
      workspaceId: Id,
      datasetId: Id,
      offset: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(5000),
      sort: z.object({ column: z.string(), dir: z.enum(['asc', 'desc']) }).optional(),
    }),
    z.object({ rows: z.array(z.array(Scalar)), total: z.number().int() }),
  ),
  'datasets.rename': method('Rename a dataset', z.object({ workspaceId: Id, datasetId: Id, name: DatasetName }), DatasetMeta),
  'datasets.delete': method('Delete a dataset and its rows', z.object({ workspaceId: Id, datasetId: Id }), Ok),
  'export.dataset': method(
    'Export a dataset to CSV or XLSX (formula-like cells escaped)',
    z.object({ workspaceId: Id, datasetId: Id, format: z.enum(['csv', 'xlsx']), taskId: TaskId }),
    z.object({ downloadId: z.string(), fileName: z.string(), bytes: z.number().int() }),
  ),
  'export.widget': method(
    "Export a widget's query result to CSV or XLSX",
    z.object({ workspaceId: Id, dashboardId: Id, widgetId: Id, format: z.enum(['csv', 'xlsx']) }),
    z.object({ downloadId: z.string(), fileName: z.string(), bytes: z.number().int() }),
  ),
} as const;
