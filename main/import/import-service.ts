/**
 * `import.preview`, `import.commit` and `import.cancel`. A commit streams the file through the
 * producer (in a worker for big files), writes converted batches to a staging table as they come,
 * and makes everything visible in one final transaction (finalize.ts). Bad rows are skipped and
 * reported, or abort the import with a BAD_DATA error naming file, row and column. Cancelling, a
 * failure, or a crash leaves no dataset, no table and no changed rows behind (see staging.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview, ImportResult, RowIssue } from '../../shared/contract/data.js';
import type { ParsedInput } from '../../shared/contract/index.js';
import { UdashError } from '../../shared/errors.js';
import { newId } from '../../shared/model/ids.js';
import { toMeta } from '../store/datasets-repo.js';
import type { Services } from '../services.js';
import { UploadStore } from '../uploads/upload-store.js';
import { finalizeImport } from './finalize.js';
import { MAX_ISSUES, WORKER_MIN_BYTES } from './limits.js';
import type { AppendTarget } from './plan.js';
import { previewImport } from './preview.js';
import { produce, type ProduceRequest } from './producer.js';
import { ProgressReporter } from './progress.js';
import { StagingTable, sweepStagingTables } from './staging.js';
import { TaskRegistry, throwIfCancelled } from './tasks.js';
import type { ImportPlan, ProducerMessage } from './types.js';
import { importWorkerFile, produceInWorker } from './worker-producer.js';

type CommitInput = ParsedInput<'import.commit'>;
type PreviewInput = ParsedInput<'import.preview'>;

/** `UDASH_IMPORT_WORKER=always|never` forces the choice (tests, benchmarks); by default big files use the worker. */
export type WorkerPolicy = 'auto' | 'always' | 'never';

export class ImportService {
  readonly uploads: UploadStore;
  readonly tasks = new TaskRegistry();
  private swept = false;

  constructor(
    private readonly svc: Services,
    private readonly workerPolicy: WorkerPolicy = (process.env.UDASH_IMPORT_WORKER as WorkerPolicy | undefined) ?? 'auto',
  ) {
    this.uploads = new UploadStore(svc.paths.uploads);
  }

  private resolveSource(source: CommitInput['source']): { file: string; displayName: string; uploadId?: string } {
    if ('uploadId' in source) {
      const u = this.uploads.resolve(source.uploadId);
      return { file: u.file, displayName: u.name, uploadId: source.uploadId };
    }
    return { file: path.resolve(source.path), displayName: path.basename(source.path) };
  }

  private request(file: string, displayName: string, options: CommitInput['options'], target?: AppendTarget): ProduceRequest {
    return { file, displayName, options, ...(target ? { target } : {}) };
  }

  async preview(input: PreviewInput): Promise<ImportPreview> {
    this.svc.core().workspaces.get(input.workspaceId);
    const src = this.resolveSource(input.source);
    return previewImport(this.request(src.file, src.displayName, input.options), input.rows);
  }

  cancel(taskId: string): void {
    this.tasks.cancel(taskId);
  }

  private producerFor(req: ProduceRequest): AsyncGenerator<ProducerMessage> {
    let size = 0;
    try {
      size = fs.statSync(req.file).size;
    } catch {
      // openSource reports a missing file with a proper message.
    }
    const worker = this.workerPolicy === 'never' ? null : importWorkerFile();
    if (worker && (this.workerPolicy === 'always' || size >= WORKER_MIN_BYTES)) return produceInWorker(worker, req, this.svc.log);
    return produce(req);
  }

  async commit(input: CommitInput, callerSignal?: AbortSignal): Promise<ImportResult> {
    const t0 = performance.now();
    const c = this.svc.core();
    c.workspaces.get(input.workspaceId);
    if (!this.swept) {
      sweepStagingTables(c.store.db);
      this.swept = true;
    }
    const existing = c.datasets.findByName(input.workspaceId, input.name);
    if (input.mode === 'create' && existing) throw new UdashError('CONFLICT', `A dataset named "${input.name}" already exists in this workspace; import with mode append or replace, or choose another name`, { field: 'name' }, ['name']);
    if (input.mode !== 'create' && !existing) throw new UdashError('NOT_FOUND', `There is no dataset named "${input.name}" to ${input.mode === 'append' ? 'append to' : 'replace'}`, { field: 'name' }, ['name']);
    const target: AppendTarget | undefined = input.mode === 'append' && existing ? { datasetName: existing.name, columns: existing.columns, timeColumn: existing.timeColumn } : undefined;

    const src = this.resolveSource(input.source);
    const taskId = input.taskId ?? newId();
    const task = this.tasks.start(taskId, callerSignal);
    const progress = new ProgressReporter(this.svc.events, taskId);
    const producer = this.producerFor(this.request(src.file, src.displayName, input.options, target));
    let staging: StagingTable | null = null;
    let plan: ImportPlan | null = null;
    const issues: RowIssue[] = [];
    let issueCount = 0;
    let rowsRead = 0;
    try {
      progress.report('reading', 0, undefined, `Reading ${src.displayName}`, true);
      for await (const m of producer) {
        throwIfCancelled(task.signal, `The import of ${src.displayName}`);
        if (m.kind === 'plan') {
          plan = m.plan;
          staging = StagingTable.create(c.store.db, plan.columns.map((col) => col.type));
        } else if (m.kind === 'batch') {
          if (m.badRows > 0 && input.onError === 'abort') {
            const first = m.issues[0];
            throw new UdashError(
              'BAD_DATA',
              first ? `${src.displayName}, row ${first.row}, column "${first.column}": ${first.reason} ("${first.value}"). Nothing was imported; fix the file, change the column's type, or import with onError "skip".` : `${src.displayName} has rows that do not fit; nothing was imported`,
              { file: src.displayName, ...(first ? { row: first.row, column: first.column, value: first.value, reason: first.reason } : {}) },
            );
          }
          issueCount += m.badRows;
          for (const i of m.issues) if (issues.length < MAX_ISSUES) issues.push(i);
          staging!.insert(m.batch);
          const firstBatch = rowsRead === 0;
          rowsRead = m.rowsRead;
          const estimate = m.bytesRead > 0 ? Math.max(rowsRead, Math.round((rowsRead * m.totalBytes) / m.bytesRead)) : undefined;
          progress.report('importing', rowsRead, estimate, `${rowsRead.toLocaleString('en-US')} rows read`, firstBatch);
        } else {
          rowsRead = m.rowsRead;
        }
        // Let cancellations and other requests in between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      throwIfCancelled(task.signal, `The import of ${src.displayName}`);
      if (!plan || !staging) throw new UdashError('INTERNAL', 'The import produced no plan');
      progress.report('finishing', rowsRead, rowsRead, 'Saving', true);
      const { rec } = finalizeImport(c, {
        mode: input.mode,
        workspaceId: input.workspaceId,
        name: input.name,
        ...(existing ? { existing } : {}),
        staging,
        plan,
        source: { kind: plan.meta.format, file: src.displayName, ...(plan.meta.sheet ? { sheet: plan.meta.sheet } : {}) },
        audit: { file: src.displayName, format: plan.meta.format, inserted: staging.rows, skipped: issueCount },
      });
      progress.report('done', rowsRead, rowsRead, undefined, true);
      this.svc.events.emit('dataset.changed', { workspaceId: input.workspaceId, datasetId: rec.id, kind: input.mode === 'create' ? 'created' : 'updated' });
      if (src.uploadId) this.uploads.remove(src.uploadId);
      return { dataset: toMeta(rec), inserted: staging.rows, skipped: issueCount, issues, issueCount, elapsedMs: performance.now() - t0 };
    } catch (e) {
      progress.report('failed', rowsRead, undefined, e instanceof UdashError ? e.message : 'The import failed', true);
      throw e;
    } finally {
      await producer.return(undefined);
      staging?.drop();
      task.done();
    }
  }
}
