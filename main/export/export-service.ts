/**
 * `export.dataset` (every row of a dataset, in stored order) and `export.widget` (a widget's query
 * result, with its dashboard's date range and filters, as `widgets.data` computes it) to CSV or XLSX.
 */
import { UdashError } from '../../shared/errors.js';
import type { Scalar } from '../../shared/model/query.js';
import { decodeRow } from '../store/dataset-rows.js';
import { ident } from '../store/datasets-repo.js';
import type { Services } from '../services.js';
import { ProgressReporter } from '../import/progress.js';
import { writeExport, type ExportFormat } from './export-file.js';

/** Rows read per query: each page is read synchronously and written out before the next (never holding the connection busy). */
const PAGE_ROWS = 5000;

export class ExportService {
  constructor(private readonly svc: Services) {}

  async dataset(input: { workspaceId: string; datasetId: string; format: ExportFormat; taskId?: string | undefined }, signal?: AbortSignal) {
    const c = this.svc.core();
    const rec = c.datasets.get(input.workspaceId, input.datasetId);
    const db = c.store.db;
    const cols = ['rid', ...rec.columns.map((col) => col.key)].map(ident).join(', ');
    const page = db.prepare(`SELECT ${cols} FROM ${ident(rec.tableName)} WHERE rid > ? ORDER BY rid LIMIT ${PAGE_ROWS}`).raw(true);
    async function* pages(): AsyncGenerator<Scalar[][]> {
      let after = 0;
      for (;;) {
        const raw = page.all(after) as unknown[][];
        if (raw.length === 0) return;
        after = Number(raw[raw.length - 1]![0]);
        yield raw.map((r) => decodeRow(rec, r.slice(1)));
      }
    }
    const progress = input.taskId ? new ProgressReporter(this.svc.events, input.taskId) : null;
    const result = await this.run(() =>
      writeExport(this.svc, {
        title: rec.name,
        format: input.format,
        columns: rec.columns.map((col) => ({ name: col.name, type: col.type })),
        pages: pages(),
        ...(signal ? { signal } : {}),
        onRows: (n) => progress?.report('exporting', n, rec.rowCount),
      }),
    );
    progress?.report('done', rec.rowCount, rec.rowCount, undefined, true);
    c.audit.record({ actor: 'local', action: 'dataset.export', objectType: 'dataset', objectId: rec.id, workspaceId: input.workspaceId, details: { format: input.format, rows: rec.rowCount } });
    return result;
  }

  async widget(input: { workspaceId: string; dashboardId: string; widgetId: string; format: ExportFormat }, signal?: AbortSignal) {
    const c = this.svc.core();
    const widget = c.dashboards.getWidget(input.workspaceId, input.dashboardId, input.widgetId);
    const data = await this.svc.dispatcher.call('widgets.data', { workspaceId: input.workspaceId, dashboardId: input.dashboardId, widgetId: input.widgetId });
    async function* pages(): AsyncGenerator<Scalar[][]> {
      for (let i = 0; i < data.rows.length; i += PAGE_ROWS) yield data.rows.slice(i, i + PAGE_ROWS);
    }
    const result = await this.run(() =>
      writeExport(this.svc, {
        title: widget.title || `${widget.type} widget`,
        format: input.format,
        columns: data.columns.map((col) => ({ name: col.name, type: col.type })),
        pages: pages(),
        ...(signal ? { signal } : {}),
      }),
    );
    c.audit.record({ actor: 'local', action: 'widget.export', objectType: 'widget', objectId: widget.id, workspaceId: input.workspaceId, details: { format: input.format, rows: data.rows.length } });
    return result;
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if ((e as { cancelled?: boolean }).cancelled) throw new UdashError('CANCELLED', 'The export was cancelled; no file was kept');
      throw e;
    }
  }
}
