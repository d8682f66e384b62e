/**
 * Conditional sends: whether a run goes out, and why, in words for the history. Each condition kind has
 * one evaluator here; a kind added to SendCondition (a forecast crossing a threshold, once the
 * analytics engine offers forecasts) adds one entry and nothing else changes.
 */
import type { SendCondition, SendRule } from '../../shared/model/report.js';
import { formatChangePct, formatNumber } from './model/format.js';
import type { Metric, ReportModel } from './model/types.js';

export interface ConditionResult {
  pass: boolean;
  reason: string;
}

type Evaluators = { [K in SendCondition['kind']]: (c: Extract<SendCondition, { kind: K }>, m: ReportModel) => ConditionResult };

function metric(m: ReportModel, key: string): Metric | undefined {
  return m.metrics[key] ?? m.metrics[key.toLowerCase()];
}

const missing = (key: string, m: ReportModel): ConditionResult => ({ pass: false, reason: `the metric "${key}" is not in this report (known: ${Object.keys(m.metrics).slice(0, 12).join(', ')})` });

export const CONDITION_EVALUATORS: Evaluators = {
  metricChange(c, m) {
    const x = metric(m, c.metric);
    if (!x) return missing(c.metric, m);
    if (x.changePct === null) return { pass: false, reason: `${x.label} has no previous value to compare with` };
    const moved = c.direction === 'up' ? x.changePct >= c.minPct : c.direction === 'down' ? -x.changePct >= c.minPct : Math.abs(x.changePct) >= c.minPct;
    return { pass: moved, reason: `${x.label} changed ${formatChangePct(x.changePct)} (${moved ? 'at least' : 'less than'} ${c.minPct}%${c.direction === 'any' ? '' : ` ${c.direction}`})` };
  },
  threshold(c, m) {
    const x = metric(m, c.metric);
    if (!x) return missing(c.metric, m);
    const v = c.of === 'total' ? x.total : x.last;
    if (v === null) return { pass: false, reason: `${x.label} has no value` };
    const ops = { gt: v > c.value, gte: v >= c.value, lt: v < c.value, lte: v <= c.value };
    const words = { gt: 'above', gte: 'at or above', lt: 'below', lte: 'at or below' };
    return { pass: ops[c.op], reason: `${x.label} (${c.of}) is ${formatNumber(v, x.format)}, ${ops[c.op] ? '' : 'not '}${words[c.op]} ${formatNumber(c.value, x.format)}` };
  },
  anomaly(c, m) {
    const x = c.metric ? metric(m, c.metric) : undefined;
    if (c.metric && !x) return missing(c.metric, m);
    const hits = m.insights.filter((i) => i.severity === 'anomaly' && (!x || (i.widgetId === x.widgetId && i.metric !== undefined && m.metrics[i.metric]?.measure === x.measure)));
    return hits.length ? { pass: true, reason: hits[0]!.text } : { pass: false, reason: `no unusual value${x ? ` in ${x.label}` : ''}` };
  },
};

export function evaluateSendRule(rule: SendRule, m: ReportModel): ConditionResult {
  if (rule.skipWhenEmpty && m.isEmpty) return { pass: false, reason: 'every widget came back without data' };
  if (rule.conditions.length === 0) return { pass: true, reason: 'always sent' };
  const results = rule.conditions.map((c) => (CONDITION_EVALUATORS[c.kind] as (c: SendCondition, m: ReportModel) => ConditionResult)(c, m));
  const pass = rule.mode === 'all' ? results.every((r) => r.pass) : results.some((r) => r.pass);
  const shown = rule.mode === 'all' && !pass ? results.filter((r) => !r.pass) : pass ? results.filter((r) => r.pass) : results;
  return { pass, reason: shown.map((r) => r.reason).join('; ') };
}
