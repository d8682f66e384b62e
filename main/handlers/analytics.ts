/**
 * Statistics handlers: read the dataset's columns from SQLite, run the job in a worker_thread, answer
 * the contract's JSON. Progress goes out as `progress` events under the caller's taskId;
 * `analytics.cancel` stops a job (its call then fails with CANCELLED).
 */
import { ok } from '../../shared/contract/common.js';
import { UdashError } from '../../shared/errors.js';
import type { AnalyticsAnswer, AnalyticsJob } from '../../shared/analytics/run-job.js';
import type { QuantileType } from '../../shared/analytics/descriptive/quantile.js';
import type { CorrelateResult, DescribeResult, DistributionResult, RegressResult, TrendResult } from '../../shared/contract/analytics.js';
import { defaultNumericColumns, findColumn, readNumericColumns, timeKindOf } from '../analytics/dataset-columns.js';
import { AnalyticsJobs, type JobRunner } from '../analytics/jobs.js';
import type { NumericColumn } from '../../shared/analytics/column.js';
import type { DatasetRecord } from '../store/datasets-repo.js';
import type { Db } from '../store/db.js';
import type { CallContext, PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';

export function analyticsHandlers(svc: Services, runner?: JobRunner): PartialHandlers {
  const jobs = new AnalyticsJobs(svc.events, (m) => svc.log.error(m), runner);
  svc.onClose(() => jobs.stopAll());

  const dataset = (workspaceId: string, datasetId: string) => {
    const c = svc.core();
    c.workspaces.get(workspaceId);
    return { db: c.store.db, rec: c.datasets.get(workspaceId, datasetId) };
  };
  type Read = (names: string[], field?: string) => Promise<NumericColumn[]>;
  /** Reads the columns and runs the job under one task: progress ("read", then the job's) and Cancel cover both. */
  const run = (db: Db, rec: DatasetRecord, taskId: string | undefined, ctx: CallContext, prepare: (read: Read) => Promise<AnalyticsJob>): Promise<AnalyticsAnswer> =>
    jobs.run((signal, onProgress) => prepare((names, field) => readNumericColumns(db, rec, names, field, { signal, onProgress: (f) => onProgress('read', f) })), taskId, ctx.signal);

  return {
    'analytics.describe': async ({ workspaceId, datasetId, taskId, columns, percentiles, quantileType, lags }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      const names = columns ?? defaultNumericColumns(rec);
      if (names.length === 0) throw new UdashError('BAD_DATA', `Dataset "${rec.name}" has no numeric columns`, { field: 'columns' });
      return (await run(db, rec, taskId, ctx, async (read) => ({ kind: 'describe', columns: await read(names), options: { percentiles, quantileType: quantileType as QuantileType, lags } }))) as DescribeResult;
    },
    'analytics.correlate': async ({ workspaceId, datasetId, taskId, columns, method, strongest }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      const names = columns ?? defaultNumericColumns(rec).slice(0, 200);
      if (names.length < 2) throw new UdashError('BAD_DATA', `Dataset "${rec.name}" needs at least two numeric columns to correlate`, { field: 'columns' });
      return (await run(db, rec, taskId, ctx, async (read) => ({ kind: 'correlate', columns: await read(names), options: { method, strongest } }))) as CorrelateResult;
    },
    'analytics.regress': async ({ workspaceId, datasetId, taskId, y, x, degree, intercept, level, predict, maxPoints }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      return (await run(db, rec, taskId, ctx, async (read) => {
        const [yc, ...xc] = await read([y, ...x], 'x');
        return { kind: 'regress', y: yc!, x: xc, options: { ...(degree !== undefined ? { degree } : {}), intercept, level, predict, maxPoints } };
      })) as RegressResult;
    },
    'analytics.distribution': async ({ workspaceId, datasetId, taskId, column, binMethod, bins, alpha, qqPoints }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      return (await run(db, rec, taskId, ctx, async (read) => ({ kind: 'distribution', column: (await read([column], 'column'))[0]!, options: { binMethod, ...(bins !== undefined ? { bins } : {}), alpha, qqPoints } }))) as DistributionResult;
    },
    'analytics.trend': async ({ workspaceId, datasetId, taskId, timeColumn, valueColumn, maxPoints, ...options }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      const timeKind = timeKindOf(findColumn(rec, timeColumn, 'timeColumn'));
      return (await run(db, rec, taskId, ctx, async (read) => {
        const [time, value] = await read([timeColumn, valueColumn], 'valueColumn');
        return { kind: 'trend', time: time!, value: value!, timeKind, options: { ...options, maxPoints } };
      })) as TrendResult;
    },
    'analytics.cancel': ({ taskId }) => {
      jobs.cancel(taskId);
      return ok;
    },
  };
}
