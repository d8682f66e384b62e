/**
 * A template's sections applied to one report's widgets: conditions evaluated, widget selections
 * matched, text rendered. Sections left with nothing to show are dropped, so a dashboard without
 * tables never prints an empty "Tables" heading.
 */
import type { ReportTemplate, TemplateSection } from '../../../shared/model/report.js';
import type { Insight, ResolvedSection, WidgetData } from '../model/types.js';
import type { TemplateEngine } from './handlebars.js';

const CHART_TYPES = new Set(['line', 'area', 'bar', 'scatter', 'pie', 'heatmap']);

export function selectWidgets(sel: TemplateSection['widgets'], widgets: WidgetData[]): WidgetData[] {
  if (sel === 'all') return widgets;
  if (sel === 'charts') return widgets.filter((w) => CHART_TYPES.has(w.type));
  if (sel === 'kpis') return widgets.filter((w) => w.type === 'kpi');
  if (sel === 'tables') return widgets.filter((w) => w.type === 'table');
  const wanted = sel.map((s) => s.toLowerCase());
  return widgets.filter((w) => wanted.includes(w.id.toLowerCase()) || wanted.includes(w.title.toLowerCase()));
}

export function filterInsights(list: Insight[], which: TemplateSection['insights'], widgets?: WidgetData[]): Insight[] {
  const ids = widgets ? new Set(widgets.map((w) => w.id)) : null;
  return list.filter((i) => (!ids || ids.has(i.widgetId)) && (which === 'all' || (which === 'anomalies' ? i.severity === 'anomaly' : i.severity !== 'info')));
}

export function resolveSections(engine: TemplateEngine, template: ReportTemplate, widgets: WidgetData[], insights: Insight[], ctx: object, hasComments: boolean): ResolvedSection[] {
  const out: ResolvedSection[] = [];
  for (const s of template.sections) {
    if (!engine.test(s.showIf, ctx)) continue;
    let selected = s.kind === 'text' || s.kind === 'comments' ? [] : selectWidgets(s.widgets, widgets);
    // Without KPI widgets, a figures section shows each widget's headline number instead.
    if (s.kind === 'kpis' && selected.length === 0 && s.widgets === 'kpis') selected = widgets.filter((w) => w.type !== 'table').slice(0, 8);
    if (s.kind === 'insights' && filterInsights(insights, s.insights, s.widgets === 'all' ? undefined : selected).length === 0 && s.insights === 'anomalies') continue;
    if ((s.kind === 'charts' || s.kind === 'tables' || s.kind === 'widgets' || s.kind === 'kpis') && selected.length === 0) continue;
    if (s.kind === 'comments' && !hasComments) continue;
    const number = out.length + 1;
    out.push({
      id: s.id,
      anchor: `sec-${number}`,
      number,
      kind: s.kind,
      title: engine.render(s.title, ctx).trim(),
      text: engine.render(s.body, ctx).trim(),
      widgets: selected,
      columns: s.columns,
      pageBreakBefore: s.pageBreakBefore,
      withData: s.withData,
      insightFilter: s.insights,
    });
  }
  return out;
}
