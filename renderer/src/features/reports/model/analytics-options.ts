/**
 * Delivery analytics as ECharts options: runs per day by outcome, the outcome split, and the most
 * popular reports with their engagement. Pure (palette in, option out), so the shapes are unit-tested
 * and the component only draws them.
 */
import type { ReportAnalytics } from '../../../../../shared/contract/reports.js';
import type { RunRecord, RunStatus } from '../../../../../shared/model/report.js';
import type { ChartOption } from '../../dashboards/charts/build-option.js';
import type { ChartPalette } from '../../dashboards/charts/palette.js';

export const OUTCOMES = ['sent', 'failed', 'skipped', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_LABEL: Record<Outcome, string> = { sent: 'Sent', failed: 'Failed', skipped: 'Skipped', other: 'Generated or in progress' };

export function outcomeOf(s: RunStatus): Outcome {
  return s === 'sent' || s === 'failed' || s === 'skipped' ? s : 'other';
}

export interface DayBuckets {
  /** Local days, oldest first, YYYY-MM-DD. */
  days: string[];
  counts: Record<Outcome, number[]>;
}

const dayKey = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Runs per local day over the last `days` days (today included), by outcome; older runs are left out. */
export function runsPerDay(runs: readonly RunRecord[], days: number, now: number): DayBuckets {
  const today = new Date(now);
  const keys: string[] = [];
  for (let i = days - 1; i >= 0; i--) keys.push(dayKey(new Date(today.getFullYear(), today.getMonth(), today.getDate() - i).getTime()));
  const index = new Map(keys.map((k, i) => [k, i]));
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, keys.map(() => 0)])) as Record<Outcome, number[]>;
  for (const r of runs) {
    const i = index.get(dayKey(Date.parse(r.createdAt)));
    if (i !== undefined) counts[outcomeOf(r.status)][i]!++;
  }
  return { days: keys, counts };
}

function outcomeColours(p: ChartPalette): Record<Outcome, string> {
  return { sent: p.positive, failed: p.negative, skipped: p.series[2]!, other: p.series[4]! };
}

const axisStyle = (p: ChartPalette) => ({ axisLine: { lineStyle: { color: p.axis } }, axisLabel: { color: p.textMuted }, splitLine: { lineStyle: { color: p.grid } } });
const tooltip = (p: ChartPalette, trigger: 'axis' | 'item') => ({ trigger, backgroundColor: p.tooltipBg, borderColor: p.tooltipBorder, textStyle: { color: p.text } });

export function runsPerDayOption(b: DayBuckets, p: ChartPalette): ChartOption {
  const colours = outcomeColours(p);
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, textStyle: { color: p.textMuted } },
    tooltip: tooltip(p, 'axis'),
    xAxis: { type: 'category', data: b.days.map((d) => d.slice(5)), ...axisStyle(p) },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle(p) },
    series: OUTCOMES.map((o) => ({ name: OUTCOME_LABEL[o], type: 'bar' as const, stack: 'runs', data: b.counts[o], itemStyle: { color: colours[o] } })),
  };
}

export function outcomesOption(a: ReportAnalytics, p: ChartPalette): ChartOption {
  const colours = outcomeColours(p);
  const other = Math.max(0, a.runs - a.sent - a.failed - a.skipped);
  const values: Record<Outcome, number> = { sent: a.sent, failed: a.failed, skipped: a.skipped, other };
  return {
    animation: false,
    tooltip: tooltip(p, 'item'),
    legend: { bottom: 0, textStyle: { color: p.textMuted } },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { show: false },
        data: OUTCOMES.filter((o) => values[o] > 0).map((o) => ({ name: OUTCOME_LABEL[o], value: values[o], itemStyle: { color: colours[o] } })),
      },
    ],
  };
}

/** Most popular reports (by runs), with delivered emails, opens and clicks side by side. */
export function popularOption(a: ReportAnalytics, p: ChartPalette, top = 8): ChartOption {
  const rows = a.mostPopular.slice(0, top).reverse();
  const metric = (name: string, key: 'runs' | 'delivered' | 'opens' | 'clicks', colour: string) => ({ name, type: 'bar' as const, data: rows.map((r) => r[key]), itemStyle: { color: colour } });
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: p.textMuted } },
    tooltip: tooltip(p, 'axis'),
    xAxis: { type: 'value', minInterval: 1, ...axisStyle(p) },
    yAxis: { type: 'category', data: rows.map((r) => (r.reportName.length > 28 ? `${r.reportName.slice(0, 27)}…` : r.reportName)), ...axisStyle(p) },
    series: [metric('Runs', 'runs', p.series[0]!), metric('Delivered', 'delivered', p.positive), metric('Opens', 'opens', p.series[2]!), metric('Clicks', 'clicks', p.series[3]!)],
  };
}
