/**
 * A forecast as tables: one row per period (history with its fitted value, then the forecast with
 * every interval level), the backtest accuracy, the model and the candidates it was chosen from, and
 * the notices. Pure, so the CSV and the workbook hold the same numbers.
 */
import type { ForecastResult } from '../../../shared/contract/forecast.js';
import type { Scalar } from '../../../shared/model/query.js';
import type { Sheet } from './workbook-file.js';

export function forecastSeriesSheet(result: ForecastResult, valueName: string): Sheet {
  const levels = [...result.levels].sort((a, b) => a - b);
  const columns = ['time', 'kind', valueName, 'fitted', 'forecast', ...levels.flatMap((l) => [`lower ${l}%`, `upper ${l}%`])];
  const rows: Scalar[][] = [];
  for (const h of result.history) rows.push([h.time, 'history', h.value, h.fitted, null, ...levels.flatMap(() => [null, null])]);
  for (const f of result.forecast) rows.push([f.time, 'forecast', null, null, f.mean, ...levels.flatMap((l) => [f.lower[String(l)] ?? null, f.upper[String(l)] ?? null])]);
  return { name: 'Forecast', columns, rows };
}

export function forecastAccuracySheet(result: ForecastResult): Sheet {
  const b = result.backtest;
  const rows: Scalar[][] = b
    ? [
        ['MAE', b.mae, 'mean absolute error'],
        ['RMSE', b.rmse, 'root mean squared error'],
        ['MAPE', b.mape, 'mean absolute percentage error, in percent'],
        ['sMAPE', b.smape, 'symmetric MAPE, in percent'],
        ['MASE', b.mase, 'mean absolute scaled error (below 1: better than a naive forecast)'],
        ['origins', b.origins, 'rolling-origin backtest windows'],
        ['horizon', b.horizon, 'steps ahead evaluated at each origin'],
        ...Object.entries(b.coverage).map(([level, share]): Scalar[] => [`coverage ${level}%`, share, `share of backtest actuals inside the ${level}% interval`]),
      ]
    : [['backtest', null, 'the series was too short for a backtest']];
  return { name: 'Accuracy', columns: ['metric', 'value', 'meaning'], rows };
}

export function forecastModelSheet(result: ForecastResult): Sheet {
  const rows: Scalar[][] = [
    ['model', result.model.name],
    ['specification', result.model.spec],
    ['family', result.model.family],
    ['AICc', result.model.aicc],
    ['frequency', result.frequency.label],
    ['season (periods)', result.season],
    ['horizon (periods)', result.horizon],
    ['interval levels (%)', result.levels.join(', ')],
    ...Object.entries(result.model.params).map(([k, v]): Scalar[] => [`parameter ${k}`, v]),
  ];
  return { name: 'Model', columns: ['item', 'value'], rows };
}

export function forecastCandidatesSheet(result: ForecastResult): Sheet {
  return { name: 'Candidates', columns: ['model', 'family', 'AICc', 'MASE', 'chosen'], rows: result.candidates.map((c) => [c.name, c.family, c.aicc, c.mase, c.name === result.model.name ? 'yes' : '']) };
}

export function noticesSheet(notices: readonly { code: string; message: string }[]): Sheet {
  return { name: 'Notices', columns: ['code', 'message'], rows: notices.map((n) => [n.code, n.message]) };
}
