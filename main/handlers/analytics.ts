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
  const run = (job: AnalyticsJob, taskId: string | undefined, ctx: CallContext): Promise<AnalyticsAnswer> => jobs.run(job, taskId, ctx.signal);

  return {
    'analytics.describe': async ({ workspaceId, datasetId, taskId, columns, percentiles, quantileType, lags }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      const names = columns ?? defaultNumericColumns(rec);
      if (names.length === 0) throw new UdashError('BAD_DATA', `Dataset "${rec.name}" has no numeric columns`, { field: 'columns' });
      const cols = await readNumericColumns(db, rec, names);
      return (await run({ kind: 'describe', columns: cols, options: { percentiles, quantileType: quantileType as QuantileType, lags } }, taskId, ctx)) as DescribeResult;
    },
    'analytics.correlate': async ({ workspaceId, datasetId, taskId, columns, method, strongest }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      const names = columns ?? defaultNumericColumns(rec).slice(0, 200);
      if (names.length < 2) throw new UdashError('BAD_DATA', `Dataset "${rec.name}" needs at least two numeric columns to correlate`, { field: 'columns' });
      const cols = await readNumericColumns(db, rec, names);
      return (await run({ kind: 'correlate', columns: cols, options: { method, strongest } }, taskId, ctx)) as CorrelateResult;
    },
    'analytics.regress': async ({ workspaceId, datasetId, taskId, y, x, degree, intercept, level, predict, maxPoints }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      const [yc, ...xc] = await readNumericColumns(db, rec, [y, ...x], 'x');
      return (await run({ kind: 'regress', y: yc!, x: xc, options: { ...(degree !== undefined ? { degree } : {}), intercept, level, predict, maxPoints } }, taskId, ctx)) as RegressResult;
    },
    'analytics.distribution': async ({ workspaceId, datasetId, taskId, column, binMethod, bins, alpha, qqPoints }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      const [col] = await readNumericColumns(db, rec, [column], 'column');
      return (await run({ kind: 'distribution', column: col!, options: { binMethod, ...(bins !== undefined ? { bins } : {}), alpha, qqPoints } }, taskId, ctx)) as DistributionResult;
    },
    'analytics.trend': async ({ workspaceId, datasetId, taskId, timeColumn, valueColumn, maxPoints, ...options }, ctx) => {
      const { db, rec } = dataset(workspaceId, datasetId);
      const timeKind = timeKindOf(findColumn(rec, timeColumn, 'timeColumn'));
      const [time, value] = await readNumericColumns(db, rec, [timeColumn, valueColumn], 'valueColumn');
      return (await run({ kind: 'trend', time: time!, value: value!, timeKind, options: { ...options, maxPoints } }, taskId, ctx)) as TrendResult;
    },
    'analytics.cancel': ({ taskId }) => {
      jobs.cancel(taskId);
      return ok;
    },
  };
}
