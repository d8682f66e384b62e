import { describe, expect, it } from 'vitest';
import { ReportTemplate } from '../../../shared/model/report.js';
import { UdashError } from '../../../shared/errors.js';
import { buildReportModel } from '../../../main/reports/model/build-model.js';
import { validateTemplate } from '../../../main/reports/templates/validate.js';
import { BUILTIN_TEMPLATE_IDS } from '../../../main/reports/templates/builtin.js';
import { builtins, engine, fixtureModel, fixtureReport, fixtureWidgets } from './fixtures.js';

function thrown(fn: () => void): UdashError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UdashError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('the six built-in templates', () => {
  it('load, validate and each lay the same data out differently', () => {
    expect(builtins.map((t) => t.name)).toEqual(['Executive Summary', 'Detailed Analytics', 'Department Performance', 'Weekly Status', 'Monthly Business Review', 'Quarterly Board Report']);
    const layouts = new Set<string>();
    for (const id of BUILTIN_TEMPLATE_IDS) {
      const t = builtins.find((b) => b.id === id)!;
      validateTemplate(engine, t);
      const m = fixtureModel(id);
      expect(m.sections.length, id).toBeGreaterThanOrEqual(3);
      expect(m.sections.every((s) => s.title.length > 0 && !s.title.includes('{{'))).toBe(true);
      layouts.add(JSON.stringify([m.cover.enabled, m.toc, m.appendix.enabled, m.sections.map((s) => [s.kind, s.title, s.columns])]));
    }
    expect(layouts.size).toBe(6);
  });

  it('renders variables and conditional sections from the data', () => {
    const m = fixtureModel('builtin:monthly-business-review');
    const summary = m.sections.find((s) => s.id === 'summary')!;
    expect(summary.text).toContain('Jan 2024 – Dec 2025');
    expect(summary.text).toContain(`Revenue for the period was ${m.metrics.revenue!.totalText}`);
    // The fixture's last month is a spike: the anomalies section appears …
    expect(m.sections.map((s) => s.id)).toContain('anomalies');
    // … and disappears on calm data.
    const calm = fixtureWidgets();
    const line = calm.find((w) => w.id === 'w-line')!;
    line.rows[line.rows.length - 1]![1] = line.rows[line.rows.length - 2]![1] ?? null;
    expect(fixtureModel('builtin:monthly-business-review', calm).sections.map((s) => s.id)).not.toContain('anomalies');
  });
});

describe('custom templates', () => {
  const base = { id: 'custom-1', name: 'Mine', sections: [{ id: 'a', kind: 'text', title: 'Intro', body: 'Hello' }] };

  it('render a cover, table of contents, text with {{report.period}} and {{metric.revenue.total}}, conditional sections and an appendix', () => {
    const t = ReportTemplate.parse({
      ...base,
      toc: true,
      cover: { title: 'Board pack for {{vars.region}}', subtitle: '{{report.period}}' },
      sections: [
        { id: 'intro', kind: 'text', title: 'Numbers for {{report.period}}', body: 'Revenue: {{formatNumber metric.revenue.total "currency"}} ({{metric.revenue.changePctText}}).\n\n{{#if insights.hasAnomaly}}Something unusual happened.{{/if}}' },
        { id: 'big', kind: 'kpis', title: 'Figures', widgets: 'kpis' },
        { id: 'cond', kind: 'text', title: 'Only when revenue rose more than 10%', showIf: '(gt metric.monthly_revenue.changePct 10)', body: 'It rose.' },
        { id: 'never', kind: 'text', title: 'Only when revenue fell', showIf: '(lt metric.monthly_revenue.changePct 0)', body: 'It fell.' },
        { id: 'charts', kind: 'charts', title: 'Charts', widgets: ['Monthly revenue', 'w-pie'], columns: 2 },
      ],
      appendix: { enabled: true, title: 'Data', dataTables: true },
    });
    validateTemplate(engine, t);
    const r = fixtureReport({ vars: { region: 'EMEA' } });
    const m = buildReportModel({ report: { ...r, dateRange: undefined }, template: t, dashboardName: 'Sales', workspaceName: 'Acme', widgets: fixtureWidgets(), generatedAt: new Date('2026-01-05T08:00:00Z'), engine });
    expect(m.cover.title).toBe('Board pack for EMEA');
    expect(m.sections.map((s) => s.id)).toEqual(['intro', 'big', 'cond', 'charts']);
    expect(m.sections[0]!.title).toBe('Numbers for Jan 2024 – Dec 2025');
    expect(m.sections[0]!.text).toContain(`Revenue: ${m.metrics.revenue!.totalText} (${m.metrics.revenue!.changePctText})`);
    expect(m.sections[0]!.text).toContain('Something unusual happened.');
    expect(m.sections[3]!.widgets.map((w) => w.id)).toEqual(['w-line', 'w-pie']);
  });

  it('reports a syntax error with its field and line at save time', () => {
    const t = ReportTemplate.parse({ ...base, sections: [{ id: 'a', kind: 'text', title: 'ok' }, { id: 'b', kind: 'text', title: 'B', body: 'line one\nline two {{#if x}}\nline three {{/each}}' }] });
    const e = thrown(() => validateTemplate(engine, t));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.details).toMatchObject({ field: 'sections.1.body', line: 3 });
    expect(e.message).toMatch(/sections\.1\.body.*line 3/);
  });

  it('refuses an unknown helper and a broken condition, naming the line', () => {
    const unknown = ReportTemplate.parse({ ...base, sections: [{ id: 'a', kind: 'text', body: 'one\n{{shout report.name}}' }] });
    const e = thrown(() => validateTemplate(engine, unknown));
    expect(e.message).toMatch(/unknown helper "shout" on line 2/);
    const cond = ReportTemplate.parse({ ...base, sections: [{ id: 'a', kind: 'text', showIf: '(gt metric.x' }] });
    expect(thrown(() => validateTemplate(engine, cond)).details).toMatchObject({ field: 'sections.0.showIf' });
  });

  it('escapes nothing in text but the renderers escape for HTML', () => {
    const r = fixtureReport({ comments: '<script>alert(1)</script> & more' });
    const m = buildReportModel({ report: { ...r, dateRange: undefined }, template: builtins[1]!, dashboardName: 'S', workspaceName: 'W', widgets: fixtureWidgets(), generatedAt: new Date(), engine });
    expect(m.report.comments).toBe('<script>alert(1)</script> & more');
  });
});
