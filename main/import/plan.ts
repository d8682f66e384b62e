/**
 * From the first rows of a file to an import plan: column names (header, or generated), the type of
 * each column (inferred, or as the caller overrides it), the time column, and, when appending, the
 * mapping onto the existing dataset's columns. Also the per-row checks every later row goes through.
 */
import type { ColumnType } from '../../shared/model/dataset.js';
import type { RowIssue } from '../../shared/contract/data.js';
import { UdashError } from '../../shared/errors.js';
import { positionalNames, uniqueColumnNames, type ColumnName } from './columns.js';
import { BatchBuilder, issue } from './convert.js';
import { compileDateFormat } from './infer/dates.js';
import { displayValue, inferType } from './infer/infer.js';
import { BadRecord, type JsonRecord } from './json/records.js';
import { MAX_COLUMNS, SAMPLE_ROWS } from './limits.js';
import type { OpenedSource, SourceBatch } from './source.js';
import type { ImportPlan, PlanColumn, RawValue, SourceMeta } from './types.js';

export interface PlanOptions {
  hasHeader: boolean;
  types: Record<string, ColumnType>;
  dateFormats: Record<string, string>;
  timeColumn?: string;
}

/** The dataset an append must fit. */
export interface AppendTarget {
  datasetName: string;
  columns: { name: string; type: ColumnType }[];
  timeColumn: string | null;
}

/** The first batches of a source, kept so that no row is read twice. */
export interface Sample {
  batches: SourceBatch[];
  /** The header record (arrays only, when the file has one). */
  header: RawValue[] | null;
  headerRow: number;
  /** Data rows in the sample (arrays: without the header). */
  rows: (RawValue[] | JsonRecord)[];
  rowNumbers: number[];
  /** The rest of the stream. */
  rest: AsyncIterator<SourceBatch>;
}

export async function collectSample(src: OpenedSource, hasHeader: boolean, sampleRows = SAMPLE_ROWS): Promise<Sample> {
  const it = src.batches[Symbol.asyncIterator]();
  const sample: Sample = { batches: [], header: null, headerRow: 0, rows: [], rowNumbers: [], rest: it };
  while (sample.rows.length < sampleRows) {
    const next = await it.next();
    if (next.done) break;
    const b = next.value;
    sample.batches.push(b);
    for (let i = 0; i < b.rows.length; i++) {
      if (b.kind === 'arrays' && hasHeader && sample.header === null) {
        sample.header = b.rows[i]!;
        sample.headerRow = b.rowNumbers[i]!;
        continue;
      }
      if (sample.rows.length < sampleRows) {
        sample.rows.push(b.rows[i]!);
        sample.rowNumbers.push(b.rowNumbers[i]!);
      }
    }
  }
  return sample;
}

function keysOf(rows: readonly (RawValue[] | JsonRecord)[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) if (!(r instanceof BadRecord) && !Array.isArray(r)) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

function columnValues(sample: Sample, plan: Pick<ImportPlan, 'sourceIndex' | 'sourceKeys'>, c: number, objects: boolean): RawValue[] {
  const out: RawValue[] = [];
  for (const r of sample.rows) {
    if (r instanceof BadRecord) continue;
    out.push(objects ? ((r as Record<string, RawValue>)[plan.sourceKeys[c]!] ?? null) : ((r as RawValue[])[plan.sourceIndex[c]!] ?? null));
  }
  return out;
}

/** Whether values inferred as `found` can go into a `target` column (0/1 integers read as booleans; anything reads as text). */
const compatible = (target: ColumnType, found: ColumnType, nonNull: number) =>
  nonNull === 0 || target === found || target === 'text' || (target === 'number' && found === 'integer') || (target === 'boolean' && found === 'integer');

export function buildPlan(meta: SourceMeta, sample: Sample, opts: PlanOptions, target?: AppendTarget): ImportPlan {
  const file = meta.file;
  const objects = sample.batches[0]?.kind === 'objects';
  if (objects && sample.rows.length > 0 && sample.rows.every((r) => r instanceof BadRecord)) {
    const first = sample.rows[0] as BadRecord;
    throw new UdashError('BAD_DATA', `${file} is not a list of records: item 1 ${first.reason}`, { file, row: sample.rowNumbers[0] });
  }
  if (!objects && sample.header === null && sample.rows.length === 0) throw new UdashError('BAD_DATA', `${file} has no rows to import`, { file });

  let names: ColumnName[];
  let sourceIndex: number[] = [];
  let sourceKeys: string[] = [];
  let width: number;
  if (objects) {
    sourceKeys = keysOf(sample.rows);
    names = uniqueColumnNames(sourceKeys);
    width = sourceKeys.length;
  } else {
    const widest = sample.rows.reduce((m, r) => Math.max(m, (r as RawValue[]).length), 0);
    const header = sample.header;
    if (header) {
      // Trailing unnamed columns that hold nothing (a trailing delimiter, Excel's empty cells) are dropped.
      let w = header.length;
      while (w > 0 && displayValue(header[w - 1] ?? null).trim() === '' && sample.rows.every((r) => displayValue((r as RawValue[])[w - 1] ?? null).trim() === '')) w--;
      width = w;
      names = uniqueColumnNames(header.slice(0, w).map((h) => displayValue(h ?? null)));
    } else {
      width = widest;
      names = positionalNames(widest);
    }
    sourceIndex = names.map((_, i) => i);
  }
  if (names.length === 0) throw new UdashError('BAD_DATA', `${file} has no columns`, { file });
  if (names.length > MAX_COLUMNS) throw new UdashError('LIMIT', `${file} has ${names.length} columns; at most ${MAX_COLUMNS} can be imported`, { file });

  for (const key of [...Object.keys(opts.types), ...Object.keys(opts.dateFormats)]) {
    if (!names.some((n) => n.name === key)) throw new UdashError('BAD_INPUT', `There is no column "${key}" in ${file} to set a type or date format for (columns: ${names.map((n) => n.name).join(', ')})`, { file, column: key }, ['options', 'types', key]);
  }
  for (const f of Object.values(opts.dateFormats)) compileDateFormat(f);

  let columns: PlanColumn[] = names.map((n, c) => {
    const t = inferType(columnValues(sample, { sourceIndex, sourceKeys }, c, objects), { type: opts.types[n.name], dateFormat: opts.dateFormats[n.name] });
    return { name: n.name, ...t, ...(n.renamedFrom !== undefined ? { renamedFrom: n.renamedFrom } : {}) };
  });

  let timeColumn: string | null;
  if (target) {
    const mapped = mapOntoTarget(file, columns, target);
    columns = mapped.columns;
    sourceIndex = objects ? [] : mapped.positions.map((p) => sourceIndex[p]!);
    sourceKeys = objects ? mapped.positions.map((p) => sourceKeys[p]!) : [];
    timeColumn = target.timeColumn;
  } else if (opts.timeColumn) {
    const col = columns.find((c) => c.name === opts.timeColumn);
    if (!col) throw new UdashError('BAD_INPUT', `The time column "${opts.timeColumn}" is not a column of ${file}`, { file, column: opts.timeColumn }, ['options', 'timeColumn']);
    if (col.type !== 'datetime') throw new UdashError('BAD_INPUT', `The time column "${opts.timeColumn}" holds ${col.type} values, not dates/times; set its type to datetime`, { file, column: opts.timeColumn }, ['options', 'timeColumn']);
    timeColumn = col.name;
  } else {
    timeColumn = columns.find((c) => c.type === 'datetime')?.name ?? null;
  }
  return { meta, columns, sourceIndex, sourceKeys, width, timeColumn };
}

function mapOntoTarget(file: string, found: PlanColumn[], target: AppendTarget): { columns: PlanColumn[]; positions: number[] } {
  const list = target.columns.map((c) => c.name).join(', ');
  for (const f of found) {
    if (!target.columns.some((t) => t.name === f.name)) throw new UdashError('BAD_DATA', `Column "${f.name}" of ${file} is not in dataset "${target.datasetName}" (its columns: ${list})`, { file, column: f.name });
  }
  const positions: number[] = [];
  const columns = target.columns.map((t) => {
    const p = found.findIndex((f) => f.name === t.name);
    if (p < 0) throw new UdashError('BAD_DATA', `${file} has no column "${t.name}", which dataset "${target.datasetName}" has`, { file, column: t.name });
    const f = found[p]!;
    const nonNull = f.sample.length;
    if (!compatible(t.type, f.type, nonNull)) {
      throw new UdashError('BAD_DATA', `Column "${t.name}" holds ${t.type} values in dataset "${target.datasetName}", but in ${file} its values look like ${f.type} (e.g. "${f.sample[0] ?? ''}")`, { file, column: t.name });
    }
    positions.push(p);
    const col: PlanColumn = { name: f.name, type: t.type, nullCount: f.nullCount, sample: f.sample };
    if (t.type === 'datetime' && f.type === 'datetime' && f.dateFormat) col.dateFormat = f.dateFormat;
    if (f.renamedFrom !== undefined) col.renamedFrom = f.renamedFrom;
    return col;
  });
  return { columns, positions };
}

/**
 * Checks and converts one raw row into a batch: ragged CSV rows, records that are not objects, keys
 * that are not columns, and values that do not fit their column become an issue instead.
 */
export class RowChecker {
  private readonly values: RawValue[];
  private readonly known: Set<string>;

  constructor(
    private readonly plan: ImportPlan,
    readonly builder: BatchBuilder,
    /** CSV rows must have exactly the header's fields; XLSX rows may stop early (empty trailing cells). */
    private readonly strictWidth: boolean,
  ) {
    this.values = new Array<RawValue>(plan.columns.length);
    this.known = new Set(plan.sourceKeys);
    this.identity = plan.sourceIndex.length === plan.columns.length && plan.sourceIndex.every((s, i) => s === i);
  }

  /** Array rows whose fields are already in column order skip the copy. */
  private readonly identity: boolean;

  /** Adds the row, or returns the issue that keeps it out. */
  check(raw: RawValue[] | JsonRecord, row: number): RowIssue | null {
    const plan = this.plan;
    const vals = this.values;
    if (raw instanceof BadRecord) return issue(row, '(record)', raw.value, `Record ${raw.reason}`);
    if (Array.isArray(raw)) {
      if (raw.length !== plan.width) {
        const tooMany = raw.length > plan.width;
        if (tooMany) {
          const extra = raw.findIndex((v, i) => i >= plan.width && displayValue(v ?? null).trim() !== '');
          if (extra >= 0) return issue(row, `column_${extra + 1}`, raw[extra] ?? null, `Row has ${raw.length} fields; the header has ${plan.width}`);
        } else if (this.strictWidth) {
          const missing = plan.columns[plan.sourceIndex.findIndex((i) => i >= raw.length)]?.name ?? plan.columns.at(-1)!.name;
          return issue(row, missing, '', `Row has ${raw.length} field${raw.length === 1 ? '' : 's'}; the header has ${plan.width}`);
        }
      }
      if (this.identity) {
        const bad = this.builder.add(raw);
        return bad < 0 ? null : issue(row, plan.columns[bad]!.name, raw[bad] ?? null, `Value ${this.builder.reason(bad)}`);
      }
      for (let c = 0; c < vals.length; c++) vals[c] = raw[plan.sourceIndex[c]!] ?? null;
    } else {
      for (const k in raw) if (!this.known.has(k)) return issue(row, k, raw[k] ?? null, `Is not a column (the key does not appear in the first ${SAMPLE_ROWS} records)`);
      for (let c = 0; c < vals.length; c++) vals[c] = raw[plan.sourceKeys[c]!] ?? null;
    }
    const bad = this.builder.add(vals);
    if (bad < 0) return null;
    return issue(row, plan.columns[bad]!.name, vals[bad] ?? null, `Value ${this.builder.reason(bad)}`);
  }
}
