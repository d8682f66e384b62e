import { describe, expect, it } from 'vitest';
import { SendRule } from '../../../shared/model/report.js';
import { evaluateSendRule } from '../../../main/reports/conditions.js';
import { fixtureModel, fixtureWidgets } from './fixtures.js';

const rule = (r: unknown) => SendRule.parse(r);

describe('conditional sends', () => {
  const m = fixtureModel();
  const monthly = m.metrics.monthly_revenue!;

  it('skips when every widget is empty', () => {
    const empty = fixtureWidgets().map((w) => ({ ...w, rows: [], kpi: undefined }));
    const e = fixtureModel('builtin:executive-summary', empty);
    expect(evaluateSendRule(rule({}), e)).toEqual({ pass: false, reason: 'every widget came back without data' });
    expect(evaluateSendRule(rule({ skipWhenEmpty: false }), e).pass).toBe(true);
    expect(evaluateSendRule(rule({}), m).pass).toBe(true);
  });

  it('sends when a metric moved more than p%', () => {
    expect(monthly.changePct).toBeGreaterThan(50);
    expect(evaluateSendRule(rule({ conditions: [{ kind: 'metricChange', metric: 'monthly_revenue', minPct: 50 }] }), m)).toMatchObject({ pass: true });
    expect(evaluateSendRule(rule({ conditions: [{ kind: 'metricChange', metric: 'monthly_revenue', minPct: 80 }] }), m)).toMatchObject({ pass: false });
    expect(evaluateSendRule(rule({ conditions: [{ kind: 'metricChange', metric: 'monthly_revenue', minPct: 10, direction: 'down' }] }), m).pass).toBe(false);
  });

  it('sends when a metric crossed a threshold, and says why', () => {
    const r = evaluateSendRule(rule({ conditions: [{ kind: 'threshold', metric: 'monthly_revenue', op: 'gt', value: 90_000 }] }), m);
    expect(r).toEqual({ pass: true, reason: 'Monthly revenue (last) is $98,765, above $90,000' });
    expect(evaluateSendRule(rule({ conditions: [{ kind: 'threshold', metric: 'revenue', op: 'lt', value: 1000, of: 'total' }] }), m).pass).toBe(false);
  });

  it('sends when an anomaly fired; any/all combine conditions; unknown metrics never pass', () => {
    expect(evaluateSendRule(rule({ conditions: [{ kind: 'anomaly' }] }), m).reason).toMatch(/unusually high/);
    expect(evaluateSendRule(rule({ conditions: [{ kind: 'anomaly', metric: 'orders_by_region' }] }), m).pass).toBe(false);
    const two = [
      { kind: 'anomaly', metric: 'orders_by_region' },
      { kind: 'metricChange', metric: 'monthly_revenue', minPct: 5 },
    ];
    expect(evaluateSendRule(rule({ mode: 'any', conditions: two }), m).pass).toBe(true);
    expect(evaluateSendRule(rule({ mode: 'all', conditions: two }), m).pass).toBe(false);
    expect(evaluateSendRule(rule({ conditions: [{ kind: 'threshold', metric: 'nope', op: 'gt', value: 1 }] }), m).reason).toMatch(/not in this report/);
  });
});
