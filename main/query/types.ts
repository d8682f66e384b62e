/**
 * The query engine's intermediate form: a widget query after every field has been resolved against the
 * dataset's columns, every value converted to what SQLite stores, and every date range turned into
 * epoch-ms bounds. SQL generators (table scan, rollup) only ever see this, so nothing from the user's
 * text can reach SQL except as a bound parameter.
 */
import type { DatasetColumn } from '../../shared/model/dataset.js';
import type { Aggregation, FilterOp, TimeBucket } from '../../shared/model/query.js';
import type { DatasetRecord } from '../store/datasets-repo.js';

export type ColumnRef = DatasetColumn;

/** The type a result column carries to the UI: a dataset column type, or "number"/"integer" for aggregates. */
export type ResultType = DatasetColumn['type'];

export interface ResolvedMeasure {
  agg: Aggregation;
  /** null for COUNT(*). */
  column: ColumnRef | null;
  alias: string;
  type: ResultType;
}

/** Values are already in stored form: numbers, strings, 0/1 for booleans, epoch ms for datetimes. */
export interface ResolvedFilter {
  column: ColumnRef;
  op: FilterOp;
  values: (number | string)[];
}

/** [from, to) in epoch ms on the time column; a null bound is open. */
export interface ResolvedRange {
  column: ColumnRef;
  from: number | null;
  to: number | null;
}

export type SortTarget = { kind: 'x' } | { kind: 'series' } | { kind: 'measure'; index: number };

export interface ResolvedQuery {
  dataset: DatasetRecord;
  x?: { column: ColumnRef; bucket?: TimeBucket };
  series?: ColumnRef;
  measures: ResolvedMeasure[];
  filters: ResolvedFilter[];
  /** The intersection of the widget's and the dashboard's date ranges; null when neither applies. */
  range: ResolvedRange | null;
  sort: { target: SortTarget; dir: 'asc' | 'desc' } | null;
  limit?: number;
  maxPoints?: number;
}

/** SQL ready to run, and how to read its rows back. */
export interface CompiledQuery {
  sql: string;
  params: (number | string)[];
  source: 'table' | 'rollup';
}
