/**
 * analytics.forecast: reads the time and value columns of a dataset (in time order, straight from its
 * SQLite table) and forecasts them in a worker_thread, with progress events under the caller's taskId
 * and cancellation through analytics.forecast.cancel or the caller going away.
 */
import { UdashError } from '../../shared/errors.js';
import { ok } from '../../shared/contract/common.js';
import { ident, type DatasetRecord } from '../store/datasets-repo.js';
import type { Db } from '../store/db.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';
import { runForecastInWorker } from '../workers/forecast-runner.js';

function column(rec: DatasetRecord, name: string, field: string) {
  const col = rec.columns.find((c) => c.name === name);
  if (!col) throw new UdashError('BAD_INPUT', `Dataset "${rec.name}" has no column "${name}"`, { column: name, field }, [field]);
  return col;
}

/** The two columns, ordered by time (rows without a time last); datetimes come back as epoch ms. */
export function readSeries(db: Db, rec: DatasetRecord, timeColumn: string, valueColumn: string): { times: unknown[]; values: unknown[] } {
  const t = column(rec, timeColumn, 'timeColumn');
  const v = column(rec, valueColumn, 'valueColumn');
  if (v.type === 'text' || v.type === 'datetime') throw new UdashError('BAD_DATA', `Column "${valueColumn}" of "${rec.name}" is ${v.type}, not numeric; pick a number column to forecast`, { column: valueColumn });
  const rows = db.prepare(`SELECT ${ident(t.key)}, ${ident(v.key)} FROM ${ident(rec.tableName)} ORDER BY ${ident(t.key)} IS NULL, ${ident(t.key)}, rid`).raw(true).all() as [unknown, unknown][];
  const times: unknown[] = new Array(rows.length);
  const values: unknown[] = new Array(rows.length);
  rows.forEach((r, i) => {
    times[i] = typeof r[0] === 'bigint' ? Number(r[0]) : r[0];
    values[i] = typeof r[1] === 'bigint' ? Number(r[1]) : r[1];
  });
  return { times, values };
}

export function forecastHandlers(svc: Services): PartialHandlers {
  const running = new Map<string, AbortController>();
  return {
    'analytics.forecast': async (input, ctx) => {
      const c = svc.core();
      c.workspaces.get(input.workspaceId);
      const rec = c.datasets.get(input.workspaceId, input.datasetId);
      const { times, values } = readSeries(c.store.db, rec, input.timeColumn, input.valueColumn);
      const controller = new AbortController();
      const onCallerGone = () => controller.abort();
      ctx.signal?.addEventListener('abort', onCallerGone, { once: true });
      if (input.taskId) running.set(input.taskId, controller);
      try {
        return await runForecastInWorker({
          request: {
            times,
            values,
            horizon: input.horizon,
            model: input.model,
            season: input.season,
            levels: input.levels,
            fill: input.fill,
            aggregate: input.aggregate,
            offerNeural: input.neural,
            timeColumn: input.timeColumn,
            valueColumn: input.valueColumn,
          },
          signal: controller.signal,
          logError: (m) => svc.log.error(m),
          onProgress: (p) => {
            if (input.taskId) svc.events.emit('progress', { taskId: input.taskId, ...p });
          },
        });
      } finally {
        ctx.signal?.removeEventListener('abort', onCallerGone);
        if (input.taskId) running.delete(input.taskId);
      }
    },
    'analytics.forecast.cancel': ({ taskId }) => {
      const controller = running.get(taskId);
      if (!controller) throw new UdashError('NOT_FOUND', `No forecast is running under task "${taskId}"`, { field: 'taskId' });
      controller.abort();
      return ok;
    },
  };
}
