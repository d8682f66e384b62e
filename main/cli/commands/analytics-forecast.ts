/**
 * `udash analytics forecast`: forecasts a CSV column (--input) or a dataset column (--workspace,
 * --dataset) in a worker_thread and prints
 *   {"model":{"name","spec","aicc"},"forecast":[{"time","mean","lower":{…},"upper":{…}}],
 *    "backtest":{"mae","rmse","mape","smape","mase"},"notices":[{"code","message"}]}
 * with --json (scripts depend on this shape), a table otherwise. Exit 2 for bad options, 1 for data
 * that cannot be forecast.
 *
 * `addForecastCommand` attaches the subcommand to the `analytics` command group; until that group's own
 * file exists, `registerAnalyticsForecast` (a CommandRegistrar) finds or creates the group.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import Papa from 'papaparse';
import { MODEL_KINDS, type ModelKind } from '../../../shared/analytics/forecast/model-kinds.js';
import type { ForecastAnswer } from '../../../shared/analytics/forecast/forecast-series.js';
import { UdashError } from '../../../shared/errors.js';
import { runForecastInWorker } from '../../workers/forecast-runner.js';
import { formatTable, makeOut, UsageError, withServices, type GlobalOptions } from '../context.js';

interface ForecastOpts {
  input?: string;
  workspace?: string;
  dataset?: string;
  time?: string;
  value?: string;
  horizon?: string;
  model?: string;
  season?: string;
  level?: string;
  fill?: string;
  neural?: boolean;
  json?: boolean;
}

function parseSeason(s: string | undefined): number | 'auto' | 'off' {
  if (s === undefined || s === 'auto') return 'auto';
  if (s === 'off' || s === 'none') return 'off';
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new UsageError(`--season expects a whole number of periods, auto or off; got "${s}"`);
  return Number(s);
}

function parseLevels(s: string | undefined): number[] {
  if (s === undefined) return [80, 95];
  const levels = s.split(',').map((x) => x.trim().replace(/%$/, ''));
  return levels.map((x) => {
    const v = Number(x);
    if (x === '' || !(v > 0 && v < 100)) throw new UsageError(`--level expects percentages between 0 and 100 separated by commas (e.g. 80,95); got "${s}"`);
    return v;
  });
}

function parseHorizon(s: string | undefined): number | string {
  if (s === undefined || s.trim() === '') throw new UsageError('missing required option --horizon');
  const t = s.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    const v = Number(t);
    if (!Number.isInteger(v) || v <= 0) throw new UsageError(`--horizon must be a positive whole number of steps (or an amount with a unit such as 30d, 6mo); got "${s}"`);
    return v;
  }
  return t;
}

/** The CSV's two columns as strings; row numbers in messages count the header as row 1. */
function readCsvColumns(file: string, timeColumn: string, valueColumn: string): { times: string[]; values: string[] } {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new UdashError('NOT_FOUND', `File not found: ${file}`, { file });
  const text = fs.readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const fields = parsed.meta.fields ?? [];
  for (const [flag, name] of [['--time', timeColumn], ['--value', valueColumn]] as const) {
    if (!fields.includes(name)) throw new UsageError(`${flag} "${name}" is not a column of ${file}; its columns are: ${fields.join(', ') || '(none)'}`);
  }
  if (parsed.data.length === 0) throw new UdashError('BAD_DATA', `${file} has a header but no rows`, { file });
  return { times: parsed.data.map((r) => r[timeColumn] ?? ''), values: parsed.data.map((r) => r[valueColumn] ?? '') };
}

/** The documented JSON shape (nulls where a measure is undefined for the data). */
export function cliShape(a: ForecastAnswer) {
  const b = a.backtest;
  return {
    model: { name: a.model.name, spec: a.model.spec, aicc: a.model.aicc },
    forecast: a.forecast.map((p) => ({ time: p.time, mean: p.mean, lower: p.lower, upper: p.upper })),
    backtest: { mae: b?.mae ?? null, rmse: b?.rmse ?? null, mape: b?.mape ?? null, smape: b?.smape ?? null, mase: b?.mase ?? null },
    notices: a.notices,
    ...(a.offer ? { offer: { model: a.offer.model, forecast: a.offer.forecast, backtest: a.offer.backtest, message: a.offer.message } } : {}),
  };
}

function describe(a: ForecastAnswer): string {
  const num = (v: number | null) => (v === null ? 'n/a' : Number(v.toPrecision(6)).toString());
  const levels = a.levels.map(String);
  const table = formatTable(
    ['TIME', 'FORECAST', ...levels.flatMap((l) => [`LO ${l}`, `HI ${l}`])],
    a.forecast.map((p) => [p.time, num(p.mean), ...levels.flatMap((l) => [num(p.lower[l]!), num(p.upper[l]!)])]),
  );
  const b = a.backtest;
  return [
    `Model: ${a.model.spec}${a.model.aicc !== null ? ` (AICc ${num(a.model.aicc)})` : ''}`,
    b ? `Backtest (${b.origins} origin(s), ${b.horizon} step(s) ahead): MAE ${num(b.mae)}, RMSE ${num(b.rmse)}, MAPE ${num(b.mape)}%, sMAPE ${num(b.smape)}%, MASE ${num(b.mase)}` : 'Backtest: the series is too short',
    ...a.notices.map((n) => `Note: ${n.message}`),
    ...(a.offer ? [`Offer: ${a.offer.message} Its forecast is in the JSON output (--json, "offer").`] : []),
    '',
    table,
  ].join('\n');
}

export function addForecastCommand(analytics: Command, globals: () => GlobalOptions): void {
  analytics
    .command('forecast')
    .description('Forecast a time series with prediction intervals and backtest accuracy')
    .option('--input <file>', 'CSV file with a header row')
    .option('--workspace <idOrName>', 'workspace (with --dataset, instead of --input)')
    .option('--dataset <idOrName>', 'dataset in the workspace')
    .option('--time <column>', 'time column (dates, YYYY-MM, YYYY-Qn, datetimes or numbers)')
    .option('--value <column>', 'numeric column to forecast')
    .option('--horizon <n>', 'steps ahead, or an amount with a unit: 30d, 8w, 6mo, 2q, 1y, 48h')
    .option('--model <name>', MODEL_KINDS.join(' | '), 'auto')
    .option('--season <n>', 'season length in periods, auto or off', 'auto')
    .option('--level <list>', 'interval levels in percent, comma-separated', '80,95')
    .option('--fill <how>', 'missing periods: linear | zero | forward', 'linear')
    .option('--neural', 'with auto: also backtest a neural network (NNAR, tfjs) and offer it if it does better; never chosen by itself')
    .option('--json', 'machine-readable output')
    .exitOverride()
    .action(async (o: ForecastOpts) => {
      const out = makeOut(!!(o.json ?? globals().json));
      if (!o.time) throw new UsageError('missing required option --time');
      if (!o.value) throw new UsageError('missing required option --value');
      if (!!o.input === !!(o.workspace || o.dataset)) throw new UsageError('give either --input FILE or --workspace W --dataset D');
      if (!o.input && !(o.workspace && o.dataset)) throw new UsageError('--workspace and --dataset go together');
      const model = (o.model ?? 'auto') as ModelKind;
      if (!MODEL_KINDS.includes(model)) throw new UsageError(`--model must be one of ${MODEL_KINDS.join(', ')}; got "${o.model}"`);
      const fill = o.fill ?? 'linear';
      if (fill !== 'linear' && fill !== 'zero' && fill !== 'forward') throw new UsageError(`--fill must be linear, zero or forward; got "${o.fill}"`);
      const options = { horizon: parseHorizon(o.horizon), model, season: parseSeason(o.season), levels: parseLevels(o.level), fill, neural: !!o.neural } as const;
      const progress = !out.json && process.stderr.isTTY ? (p: { phase: string; done: number }) => process.stderr.write(`\r${p.phase} ${p.done}   `) : undefined;
      let answer: ForecastAnswer;
      try {
        if (o.input) {
          const { times, values } = readCsvColumns(o.input, o.time, o.value);
          const { neural, ...rest } = options;
          answer = await runForecastInWorker({ request: { ...rest, offerNeural: neural, times, values, timeColumn: o.time, valueColumn: o.value, firstRow: 2 }, ...(progress ? { onProgress: progress } : {}) });
        } else {
          answer = await withServices(globals(), async (svc) => {
            const c = svc.core();
            const ws = c.workspaces.resolve(o.workspace!);
            const ds = c.datasets.resolve(ws.id, o.dataset!);
            const taskId = `cli-forecast-${process.pid}`;
            const off = svc.events.on('progress', (p) => p.taskId === taskId && progress?.(p));
            try {
              return await svc.dispatcher.call('analytics.forecast', { ...options, workspaceId: ws.id, datasetId: ds.id, timeColumn: o.time!, valueColumn: o.value!, taskId }, { transport: 'cli' });
            } finally {
              off();
            }
          });
        }
      } catch (e) {
        // Option values the engine rejects (horizon too far, bad season) are usage errors: exit 2.
        if (e instanceof UdashError && e.code === 'BAD_INPUT') throw new UsageError(e.message);
        throw e;
      } finally {
        if (progress) process.stderr.write('\r\x1b[K');
      }
      out.print(cliShape(answer), () => describe(answer));
    });
}

/** Registrar for program.ts: attaches `forecast` to the `analytics` group, creating the group if needed. */
export function registerAnalyticsForecast(program: Command, globals: () => GlobalOptions): void {
  const group = program.commands.find((c) => c.name() === 'analytics') ?? program.command('analytics').description('Statistics, trends and forecasts');
  addForecastCommand(group, globals);
}
