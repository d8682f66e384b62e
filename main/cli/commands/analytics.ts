/**
 * `udash analytics describe | correlate | regress | distribution | trend`: statistics of a CSV file
 * (--input, header row, numbers only) or a dataset (--workspace and --dataset), computed in a
 * worker_thread. With --json each prints the documented shape (scripts depend on it; --full prints
 * the whole contract result instead); notices go to stderr as "udash: note: …". Exit codes: 2 for
 * bad usage, 1 for data that cannot be analysed (the reason on stderr, with row and column).
 *
 * The `analytics` group is shared: `analyticsCommandGroup(program)` finds or creates it, so other
 * files (analytics-forecast.ts) attach their subcommands to the same group in any registration order.
 */
import type { Command } from 'commander';
import type { AnalyticsAnswer, AnalyticsJob } from '../../../shared/analytics/run-job.js';
import type { CorrelateResult, DescribeResult, DistributionResult, RegressResult, TrendResult } from '../../../shared/contract/analytics.js';
import type { MethodName } from '../../../shared/contract/index.js';
import { numericCsvColumn, numericCsvColumnNames, readCsv, timeCsvColumn } from '../../analytics/csv-columns.js';
import { runAnalyticsInWorker } from '../../analytics/worker-runner.js';
import { formatTable, makeOut, UsageError, withServices, type GlobalOptions, type Out } from '../context.js';

/** The `analytics` command group, created on first use. */
export function analyticsCommandGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'analytics') ?? program.command('analytics').description('Statistics, trends and forecasts');
}

interface SourceOpts {
  input?: string;
  workspace?: string;
  dataset?: string;
  json?: boolean;
  full?: boolean;
}

function withSource(cmd: Command): Command {
  return cmd
    .option('--input <file>', 'CSV file with a header row')
    .option('--workspace <idOrName>', 'workspace (with --dataset, instead of --input)')
    .option('--dataset <idOrName>', 'dataset in the workspace')
    .option('--json', 'machine-readable output')
    .option('--full', 'with --json: the complete result (all statistics, plot data) instead of the documented summary')
    .exitOverride();
}

function checkSource(o: SourceOpts): 'csv' | 'dataset' {
  if (o.input && (o.workspace || o.dataset)) throw new UsageError('give either --input or --workspace with --dataset, not both');
  if (o.input) return 'csv';
  if (o.workspace && o.dataset) return 'dataset';
  if (o.workspace || o.dataset) throw new UsageError('--workspace and --dataset go together');
  throw new UsageError('give --input FILE or --workspace W --dataset D');
}

function list(s: string | undefined): string[] | undefined {
  if (s === undefined) return undefined;
  const items = s.split(',').map((x) => x.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError('expected a comma-separated list of column names');
  return items;
}

function int(s: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (s === undefined) return undefined;
  const v = Number(s);
  if (!/^\d+$/.test(s.trim()) || v < min || v > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}; got "${s}"`);
  return v;
}

function level(s: string | undefined): number {
  if (s === undefined) return 0.95;
  let v = Number(s.replace(/%$/, ''));
  if (v > 1 && v < 100) v /= 100;
  if (!(v > 0 && v < 1)) throw new UsageError(`--level must be between 0 and 1 (e.g. 0.95) or a percentage; got "${s}"`);
  return v;
}

function printNotices(answer: { notices?: { message: string }[]; columns?: unknown }): void {
  const notes = [...(answer.notices ?? [])];
  if (Array.isArray(answer.columns)) for (const c of answer.columns as { notices?: { message: string }[] }[]) notes.push(...(c.notices ?? []));
  for (const n of notes) process.stderr.write(`udash: note: ${n.message}\n`);
}

/** Runs the job from a CSV in a worker, or the contract method on a dataset. */
async function compute<T extends AnalyticsAnswer>(
  o: SourceOpts,
  globals: () => GlobalOptions,
  fromCsv: () => AnalyticsJob,
  fromDataset: { method: MethodName; input: (ids: { workspaceId: string; datasetId: string }) => Record<string, unknown> },
): Promise<T> {
  if (checkSource(o) === 'csv') return (await runAnalyticsInWorker(fromCsv(), { logError: (m) => process.env.UDASH_DEBUG && process.stderr.write(`${m}\n`) })) as T;
  return withServices(globals(), async (svc) => {
    const c = svc.core();
    const ws = c.workspaces.resolve(o.workspace!);
    const ds = c.datasets.resolve(ws.id, o.dataset!);
    return (await svc.dispatcher.call(fromDataset.method, fromDataset.input({ workspaceId: ws.id, datasetId: ds.id }) as never, { transport: 'cli' })) as T;
  });
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '' : Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-4 && v !== 0) ? v.toExponential(4) : String(+v.toPrecision(6)));

function print(out: Out, o: SourceOpts, full: unknown, summary: unknown, text: () => string): void {
  if (out.json) out.print(o.full ? full : summary);
  else out.print(summary, text);
}

export function registerAnalytics(program: Command, globals: () => GlobalOptions): void {
  const group = analyticsCommandGroup(program);
  const outFor = (o: SourceOpts) => makeOut(!!(o.json ?? globals().json));

  withSource(group.command('describe').description('Descriptive statistics of numeric columns'))
    .option('--columns <list>', 'comma-separated columns (default: every numeric column)')
    .option('--percentiles <list>', 'extra percentiles, e.g. 5,95')
    .action(async (o: SourceOpts & { columns?: string; percentiles?: string }) => {
      const out = outFor(o);
      const columns = list(o.columns);
      const percentiles = (list(o.percentiles) ?? []).map((p) => {
        const v = Number(p);
        if (!(v >= 0 && v <= 100)) throw new UsageError(`--percentiles expects numbers from 0 to 100; got "${p}"`);
        return v;
      });
      const r = await compute<DescribeResult>(
        o,
        globals,
        () => {
          const t = readCsv(o.input!);
          const names = columns ?? numericCsvColumnNames(t);
          for (const n of names) if (!t.fields.includes(n)) throw new UsageError(`"${n}" is not a column of ${o.input}; its columns are: ${t.fields.join(', ')}`);
          if (names.length === 0) throw new UsageError(`${o.input} has no numeric column; name one with --columns`);
          return { kind: 'describe', columns: names.map((n) => numericCsvColumn(t, n)), options: { percentiles } };
        },
        { method: 'analytics.describe', input: (ids) => ({ ...ids, ...(columns ? { columns } : {}), percentiles }) },
      );
      printNotices(r);
      const keys = ['name', 'count', 'missing', 'mean', 'stdDev', 'variance', 'min', 'max', 'median', 'q1', 'q3', 'skewness', 'kurtosis', 'autocorrelationLag1'] as const;
      const summary = { columns: r.columns.map((c) => Object.fromEntries(keys.map((k) => [k, c[k]]))) };
      print(out, o, r, summary, () =>
        formatTable(
          ['column', 'n', 'missing', 'mean', 'sd', 'min', 'median', 'max', 'skew', 'kurt', 'r1'],
          r.columns.map((c) => [c.name, c.count, c.missing, fmt(c.mean), fmt(c.stdDev), fmt(c.min), fmt(c.median), fmt(c.max), fmt(c.skewness), fmt(c.kurtosis), fmt(c.autocorrelationLag1)]),
        ),
      );
    });

  withSource(group.command('correlate').description('Correlation matrix with p-values and pairwise n'))
    .option('--columns <list>', 'comma-separated columns (default: every numeric column)')
    .option('--method <method>', 'pearson | spearman', 'pearson')
    .action(async (o: SourceOpts & { columns?: string; method?: string }) => {
      const out = outFor(o);
      const columns = list(o.columns);
      if (o.method !== 'pearson' && o.method !== 'spearman') throw new UsageError(`--method must be pearson or spearman; got "${o.method}"`);
      const method = o.method;
      if (columns && columns.length < 2) throw new UsageError('--columns needs at least two columns');
      const r = await compute<CorrelateResult>(
        o,
        globals,
        () => {
          const t = readCsv(o.input!);
          const names = columns ?? numericCsvColumnNames(t);
          for (const n of names) if (!t.fields.includes(n)) throw new UsageError(`"${n}" is not a column of ${o.input}; its columns are: ${t.fields.join(', ')}`);
          if (names.length < 2) throw new UsageError(`${o.input} has fewer than two numeric columns; name them with --columns`);
          return { kind: 'correlate', columns: names.map((n) => numericCsvColumn(t, n)), options: { method, strongest: 10 } };
        },
        { method: 'analytics.correlate', input: (ids) => ({ ...ids, ...(columns ? { columns } : {}), method }) },
      );
      printNotices(r);
      const summary = { method: r.method, columns: r.columns, matrix: r.matrix, pValues: r.pValues, n: r.n };
      print(out, o, r, summary, () =>
        [
          `${method === 'pearson' ? 'Pearson' : 'Spearman'} correlation`,
          formatTable(['', ...r.columns], r.matrix.map((row, i) => [r.columns[i]!, ...row.map((v) => (v === null ? '—' : v.toFixed(3)))])),
          '',
          'Strongest relationships:',
          ...r.strongest.map((s) => `  ${s.a} ~ ${s.b}: r = ${s.r.toFixed(3)} (${s.strength} ${s.direction}, p = ${fmt(s.pValue)}, n = ${s.n})`),
        ].join('\n'),
      );
    });

  withSource(group.command('regress').description('Least-squares regression: simple, multiple or polynomial'))
    .option('--y <column>', 'response column')
    .option('--x <list>', 'predictor column(s), comma-separated')
    .option('--degree <n>', 'polynomial degree 1–10 (one --x only)')
    .option('--no-intercept', 'fit without an intercept')
    .option('--level <p>', 'confidence level of the intervals', '0.95')
    .action(async (o: SourceOpts & { y?: string; x?: string; degree?: string; intercept?: boolean; level?: string }) => {
      const out = outFor(o);
      if (!o.y) throw new UsageError('missing required option --y');
      const x = list(o.x);
      if (!x) throw new UsageError('missing required option --x');
      const degree = int(o.degree, '--degree', 1, 10);
      if (degree !== undefined && x.length !== 1) throw new UsageError('--degree needs exactly one --x column');
      const lv = level(o.level);
      const intercept = o.intercept !== false;
      const r = await compute<RegressResult>(
        o,
        globals,
        () => {
          const t = readCsv(o.input!);
          for (const n of [o.y!, ...x]) if (!t.fields.includes(n)) throw new UsageError(`"${n}" is not a column of ${o.input}; its columns are: ${t.fields.join(', ')}`);
          return { kind: 'regress', y: numericCsvColumn(t, o.y!), x: x.map((n) => numericCsvColumn(t, n)), options: { ...(degree !== undefined ? { degree } : {}), intercept, level: lv, predict: [], maxPoints: 0 } };
        },
        { method: 'analytics.regress', input: (ids) => ({ ...ids, y: o.y, x, ...(degree !== undefined ? { degree } : {}), intercept, level: lv, maxPoints: o.full ? 2000 : 0 }) },
      );
      printNotices(r);
      const summary = {
        terms: r.terms.map((t) => ({ term: t.term, estimate: t.estimate, stdError: t.stdError, tValue: t.tValue, pValue: t.pValue, ciLow: t.ciLow, ciHigh: t.ciHigh })),
        rSquared: r.rSquared,
        adjRSquared: r.adjRSquared,
        residualStdError: r.residualStdError,
        fStatistic: r.fStatistic,
        dfResidual: r.dfResidual,
        n: r.n,
      };
      const pct = Math.round(lv * 1000) / 10;
      print(out, o, r, summary, () =>
        [
          formatTable(['term', 'estimate', 'std error', 't', 'p', `${pct}% low`, `${pct}% high`], r.terms.map((t) => [t.term, fmt(t.estimate), fmt(t.stdError), fmt(t.tValue), fmt(t.pValue), fmt(t.ciLow), fmt(t.ciHigh)])),
          '',
          `R² ${fmt(r.rSquared)}, adjusted R² ${fmt(r.adjRSquared)}, residual SE ${fmt(r.residualStdError)} on ${r.dfResidual} df, F ${fmt(r.fStatistic)} (p ${fmt(r.fPValue)}), n ${r.n}${r.missing ? ` (${r.missing} rows with missing values left out)` : ''}`,
        ].join('\n'),
      );
    });

  withSource(group.command('distribution').description('Histogram, box plot and normality tests of a column'))
    .option('--column <name>', 'numeric column')
    .option('--bins <n>', 'fixed number of bins (default: Freedman–Diaconis)')
    .option('--bin-method <method>', 'freedman-diaconis | sturges | fixed')
    .action(async (o: SourceOpts & { column?: string; bins?: string; binMethod?: string }) => {
      const out = outFor(o);
      if (!o.column) throw new UsageError('missing required option --column');
      const bins = int(o.bins, '--bins', 1, 1000);
      const methods = ['freedman-diaconis', 'sturges', 'fixed'] as const;
      if (o.binMethod !== undefined && !methods.includes(o.binMethod as (typeof methods)[number])) throw new UsageError(`--bin-method must be one of ${methods.join(', ')}`);
      const binMethod = (o.binMethod as (typeof methods)[number] | undefined) ?? (bins !== undefined ? 'fixed' : 'freedman-diaconis');
      if (binMethod === 'fixed' && bins === undefined) throw new UsageError('--bin-method fixed needs --bins');
      const r = await compute<DistributionResult>(
        o,
        globals,
        () => {
          const t = readCsv(o.input!);
          if (!t.fields.includes(o.column!)) throw new UsageError(`"${o.column}" is not a column of ${o.input}; its columns are: ${t.fields.join(', ')}`);
          return { kind: 'distribution', column: numericCsvColumn(t, o.column!), options: { binMethod, ...(bins !== undefined ? { bins } : {}) } };
        },
        { method: 'analytics.distribution', input: (ids) => ({ ...ids, column: o.column, binMethod, ...(bins !== undefined ? { bins } : {}) }) },
      );
      printNotices(r);
      const { qq: _qq, ...summary } = r;
      print(out, o, r, summary, () =>
        [
          `${r.name}: n ${r.n}${r.missing ? ` (${r.missing} missing)` : ''}, mean ${fmt(r.mean)}, sd ${fmt(r.stdDev)}, skewness ${fmt(r.skewness)}, kurtosis ${fmt(r.kurtosis)}`,
          `Box plot: ${fmt(r.boxPlot.whiskerLow)} ├ ${fmt(r.boxPlot.q1)} [${fmt(r.boxPlot.median)}] ${fmt(r.boxPlot.q3)} ┤ ${fmt(r.boxPlot.whiskerHigh)}; ${r.boxPlot.outlierCount} outlier(s)`,
          r.normality.verdict,
          '',
          formatTable(['from', 'to', 'count'], r.histogram.bins.map((b) => [fmt(b.start), fmt(b.end), b.count])),
        ].join('\n'),
      );
    });

  withSource(group.command('trend').description('Trend, moving averages, seasonality and cycles of a series'))
    .option('--time <column>', 'time column (dates, YYYY-MM, YYYY-Qn, datetimes or numbers)')
    .option('--value <column>', 'numeric column')
    .option('--season <n>', 'seasonal period in observations, auto or off', 'auto')
    .option('--window <n>', 'moving-average window (default: the seasonal period)')
    .option('--degree <n>', 'also fit a polynomial trend of this degree (2–10)')
    .option('--horizon <n>', 'steps to project the trend')
    .option('--level <p>', 'level of the projection intervals', '0.95')
    .action(async (o: SourceOpts & { time?: string; value?: string; season?: string; window?: string; degree?: string; horizon?: string; level?: string }) => {
      const out = outFor(o);
      if (!o.time) throw new UsageError('missing required option --time');
      if (!o.value) throw new UsageError('missing required option --value');
      const season: 'auto' | 'off' | number = o.season === undefined || o.season === 'auto' ? 'auto' : o.season === 'off' ? 'off' : int(o.season, '--season', 2, 100_000)!;
      const window = int(o.window, '--window', 1, 100_000);
      const polynomialDegree = int(o.degree, '--degree', 2, 10);
      const horizon = int(o.horizon, '--horizon', 0, 100_000);
      const lv = level(o.level);
      const options = { seasonality: season, level: lv, ...(window !== undefined ? { window } : {}), ...(polynomialDegree !== undefined ? { polynomialDegree } : {}), ...(horizon !== undefined ? { horizon } : {}) };
      const r = await compute<TrendResult>(
        o,
        globals,
        () => {
          const t = readCsv(o.input!);
          for (const n of [o.time!, o.value!]) if (!t.fields.includes(n)) throw new UsageError(`"${n}" is not a column of ${o.input}; its columns are: ${t.fields.join(', ')}`);
          const time = timeCsvColumn(t, o.time!);
          return { kind: 'trend', time: time.column, value: numericCsvColumn(t, o.value!), timeKind: time.kind, options: { ...options, maxPoints: 5000 } };
        },
        { method: 'analytics.trend', input: (ids) => ({ ...ids, timeColumn: o.time, valueColumn: o.value, ...options }) },
      );
      printNotices(r);
      const summary = {
        n: r.n,
        frequency: r.frequency.unit,
        trend: { slopePerStep: r.linear.slopePerStep, slopePerStepPercentOfMean: r.linear.slopePerStepPercentOfMean, pValue: r.linear.slopePValue, rSquared: r.linear.rSquared, projection: r.linear.projection },
        seasonality: { period: r.seasonality.period, strength: r.seasonality.strength },
        movingAverageWindow: r.movingAverages.window,
        cycles: r.cycles.cycles,
      };
      print(out, o, r, summary, () =>
        [
          `${r.n} points (${r.frequency.unit}${r.frequency.regular ? '' : ', irregular'})`,
          `Linear trend: ${fmt(r.linear.slopePerStep)} per ${r.frequency.unit} (${fmt(r.linear.slopePerStepPercentOfMean)}% of the mean; p ${fmt(r.linear.slopePValue)}, R² ${fmt(r.linear.rSquared)})`,
          r.seasonality.period ? `Seasonality: period ${r.seasonality.period}, strength ${fmt(r.seasonality.strength)}` : `No clear seasonality (strength ${fmt(r.seasonality.strength)})`,
          r.cycles.cycles.length ? `Cycles: ${r.cycles.cycles.map((c) => `${c.period} obs (${Math.round(c.share * 100)}% of variance)`).join(', ')}` : 'No cycles beyond the season',
        ].join('\n'),
      );
    });

  for (const cmd of group.commands) cmd.exitOverride();
}
