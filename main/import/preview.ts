/**
 * `import.preview`: what an import would do, without writing anything — format, encoding, delimiter,
 * sheets, the inferred columns, the first rows as they are in the file, and the issues the scanned
 * rows would produce under those types.
 */
import type { ImportPreview, RowIssue } from '../../shared/contract/data.js';
import type { Scalar } from '../../shared/model/query.js';
import { BatchBuilder } from './convert.js';
import { displayValue } from './infer/infer.js';
import { BadRecord } from './json/records.js';
import { PREVIEW_CELL_CHARS, SAMPLE_ROWS } from './limits.js';
import { buildPlan, collectSample, RowChecker, type AppendTarget } from './plan.js';
import type { ProduceRequest } from './producer.js';
import { openSource } from './source.js';
import type { RawValue } from './types.js';

function cell(v: RawValue | undefined): Scalar {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.length > PREVIEW_CELL_CHARS ? `${v.slice(0, PREVIEW_CELL_CHARS)}…` : v;
  if (v instanceof Date) return displayValue(v);
  return v;
}

export async function previewImport(req: ProduceRequest, rows: number, target?: AppendTarget): Promise<ImportPreview> {
  const src = await openSource(req.file, req.displayName, req.options);
  try {
    const sample = await collectSample(src, req.options.hasHeader, Math.max(rows, SAMPLE_ROWS));
    const plan = buildPlan(src.meta, sample, req.options, target);
    const checker = new RowChecker(plan, new BatchBuilder(plan.columns, sample.rows.length || 1), src.meta.format === 'csv');
    const issues: RowIssue[] = [];
    sample.rows.forEach((r, i) => {
      const problem = checker.check(r, sample.rowNumbers[i]!);
      if (problem) issues.push(problem);
    });
    const shown = sample.rows.slice(0, rows).map((r): Scalar[] => {
      if (r instanceof BadRecord) return plan.columns.map(() => null);
      if (Array.isArray(r)) return plan.sourceIndex.map((i) => cell(r[i]));
      return plan.sourceKeys.map((k) => cell(r[k]));
    });
    return {
      format: src.meta.format,
      file: src.meta.file,
      ...(src.meta.delimiter !== undefined ? { delimiter: src.meta.delimiter } : {}),
      ...(src.meta.quote !== undefined ? { quote: src.meta.quote } : {}),
      ...(src.meta.encoding !== undefined ? { encoding: src.meta.encoding } : {}),
      ...(src.meta.sheets ? { sheets: src.meta.sheets, sheet: src.meta.sheet } : {}),
      columns: plan.columns.map((c) => ({ name: c.name, type: c.type, nullCount: c.nullCount, sample: c.sample.map((s) => (s.length > 200 ? `${s.slice(0, 200)}…` : s)), ...(c.dateFormat ? { dateFormat: c.dateFormat } : {}), ...(c.renamedFrom !== undefined ? { renamedFrom: c.renamedFrom } : {}) })),
      rows: shown,
      rowNumbers: sample.rowNumbers.slice(0, rows),
      issues: issues.slice(0, 100),
      issueCount: issues.length,
      timeColumn: plan.timeColumn,
      rowsScanned: sample.rows.length,
    };
  } finally {
    await src.batches.return(undefined);
  }
}
