/**
 * The parsing half of an import: file → raw rows → plan (from the first rows) → converted columnar
 * batches plus the issues of the rows left out. It runs in the calling thread for small files and in
 * a worker_thread for big ones (main/workers/import.worker.ts), where it overlaps with the inserts.
 */
import type { RowIssue } from '../../shared/contract/data.js';
import type { ColumnType } from '../../shared/model/dataset.js';
import { BatchBuilder } from './convert.js';
import { BATCH_ROWS, MAX_ISSUES } from './limits.js';
import { buildPlan, collectSample, RowChecker, type AppendTarget } from './plan.js';
import { openSource } from './source.js';
import type { ImportFormat, ProducerMessage } from './types.js';

export interface ProduceRequest {
  file: string;
  /** The name shown in messages (the uploaded file's name, or the path's base name). */
  displayName: string;
  options: {
    format?: ImportFormat;
    delimiter?: string;
    quote?: string;
    encoding?: string;
    sheet?: string;
    hasHeader: boolean;
    types: Record<string, ColumnType>;
    dateFormats: Record<string, string>;
    timeColumn?: string;
  };
  target?: AppendTarget;
  batchRows?: number;
}

export async function* produce(req: ProduceRequest): AsyncGenerator<ProducerMessage> {
  const src = await openSource(req.file, req.displayName, req.options);
  const sample = await collectSample(src, req.options.hasHeader);
  const plan = buildPlan(src.meta, sample, req.options, req.target);
  yield { kind: 'plan', plan };

  const checker = new RowChecker(plan, new BatchBuilder(plan.columns, req.batchRows ?? BATCH_ROWS), src.meta.format === 'csv');
  const builder = checker.builder;
  let issues: RowIssue[] = [];
  let issuesSent = 0;
  let badRows = 0;
  let badSinceLast = 0;
  let rowsRead = 0;
  let bytesRead = 0;
  const flush = (): ProducerMessage => {
    const msg: ProducerMessage = { kind: 'batch', batch: builder.take(), issues, badRows: badSinceLast, rowsRead, bytesRead, totalBytes: src.totalBytes };
    issues = [];
    badSinceLast = 0;
    return msg;
  };

  let headerSkipped = sample.header === null;
  const pending = [...sample.batches];
  for (;;) {
    const b = pending.shift() ?? (await nextOrDone(sample.rest));
    if (!b) break;
    bytesRead = b.bytesRead;
    for (let i = 0; i < b.rows.length; i++) {
      const row = b.rowNumbers[i]!;
      if (!headerSkipped && row === sample.headerRow) {
        headerSkipped = true;
        continue;
      }
      rowsRead++;
      const problem = checker.check(b.rows[i]!, row);
      if (problem) {
        badRows++;
        badSinceLast++;
        if (issuesSent < MAX_ISSUES) {
          issues.push(problem);
          issuesSent++;
        }
      }
      if (builder.full) yield flush();
    }
  }
  if (builder.length > 0 || badSinceLast > 0) yield flush();
  yield { kind: 'end', rowsRead, badRows };
}

async function nextOrDone<T>(it: AsyncIterator<T>): Promise<T | undefined> {
  const r = await it.next();
  return r.done ? undefined : r.value;
}
