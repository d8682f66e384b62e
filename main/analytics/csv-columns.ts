/**
 * Numeric columns from a CSV file with a header row, for the CLI's --input. Parsed with papaparse;
 * every cell must be a number or empty (empty, NA, N/A, null and NaN mean missing). Text, or a
 * number too large for a double, is refused with its row — row numbers count the header as row 1,
 * so they match the line a spreadsheet or editor shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { UdashError } from '../../shared/errors.js';
import type { NumericColumn } from '../../shared/analytics/column.js';
import type { TimeKind } from '../../shared/analytics/trend/time-axis.js';

const MISSING = new Set(['', 'na', 'n/a', 'null', 'nan']);

export interface CsvTable {
  file: string;
  fields: string[];
  rows: Record<string, string>[];
}

export function readCsv(file: string): CsvTable {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new UdashError('NOT_FOUND', `File not found: ${file}`, { file });
  const text = fs.readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const fields = parsed.meta.fields ?? [];
  if (fields.length === 0) throw new UdashError('BAD_DATA', `${file} has no header row`, { file });
  if (parsed.data.length === 0) throw new UdashError('BAD_DATA', `${file} has a header but no rows`, { file });
  return { file, fields, rows: parsed.data };
}

function parseNumber(cell: string | undefined): number | undefined {
  const s = (cell ?? '').trim();
  if (MISSING.has(s.toLowerCase())) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** The column as numbers; BAD_DATA naming the first non-numeric cell and its row. */
export function numericCsvColumn(table: CsvTable, name: string): NumericColumn {
  const values = new Float64Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const cell = table.rows[i]![name];
    const v = parseNumber(cell);
    if (v === undefined) {
      throw new UdashError('BAD_DATA', `${table.file}: column "${name}" has a value that is not a number at row ${i + 2}: "${String(cell).slice(0, 40)}"`, { file: table.file, column: name, row: i + 2 });
    }
    values[i] = v;
  }
  return { name, values };
}

/** Columns whose every cell is a number or empty (with at least one number): the default for describe and correlate. */
export function numericCsvColumnNames(table: CsvTable): string[] {
  return table.fields.filter((f) => {
    let any = false;
    for (const r of table.rows) {
      const v = parseNumber(r[f]);
      if (v === undefined) return false;
      if (v === v) any = true;
    }
    return any;
  });
}

/** "2024-03", "2024-Q1", ISO dates/datetimes → epoch ms; null when not a time we understand. */
function parseTime(s: string): number | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
  m = /^(\d{4})-?Q([1-4])$/i.exec(t);
  if (m) return Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return null;
  // Dates without a zone are read as UTC, so the same file gives the same answer everywhere.
  const iso = t.length === 10 ? `${t}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(t) ? t.replace(' ', 'T') : `${t.replace(' ', 'T')}Z`;
  const v = Date.parse(iso);
  return Number.isFinite(v) ? v : null;
}

/** A time column: numbers if every cell is numeric, otherwise dates (refused with its row when neither). */
export function timeCsvColumn(table: CsvTable, name: string): { column: NumericColumn; kind: TimeKind } {
  const cells = table.rows.map((r) => (r[name] ?? '').trim());
  if (cells.every((c) => parseNumber(c) !== undefined)) return { column: numericCsvColumn(table, name), kind: 'number' };
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (MISSING.has(c.toLowerCase())) {
      values[i] = NaN;
      continue;
    }
    const v = parseTime(c);
    if (v === null) throw new UdashError('BAD_DATA', `${table.file}: column "${name}" has a value that is neither a date nor a number at row ${i + 2}: "${c.slice(0, 40)}"`, { file: table.file, column: name, row: i + 2 });
    values[i] = v;
  }
  return { column: { name, values }, kind: 'datetime' };
}
