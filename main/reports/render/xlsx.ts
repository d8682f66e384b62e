/**
 * The report as a workbook (exceljs): a Summary sheet (figures with number formats, insights, links to
 * every sheet), a sheet per widget (a formatted table with autofilter and a frozen header, totals as
 * live =SUM() formulas, the chart as an image beside it), and a Pivot sheet (a cross-tab with row and
 * column totals as formulas). Formulas carry their computed result, so viewers that do not recalculate
 * still show the numbers.
 */
import type ExcelJS from 'exceljs';
import type { Aggregation } from '../../../shared/model/query.js';
import { RASTER_CHART, type ChartRenderer } from '../charts/chart-renderer.js';
import { hasChart } from '../charts/chart-option.js';
import { formatDate, isIsoDate } from '../model/format.js';
import type { ReportModel, WidgetData } from '../model/types.js';
import { measureColumns, seriesColumn, xColumn } from '../model/widget-data.js';
import { columnLabel } from './html-util.js';
import { headlineMetric } from './kpi-tiles.js';

const CHART_PX = RASTER_CHART;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };

function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

export function numberFormat(format: string | undefined): string {
  switch (format) {
    case 'currency':
      return '"$"#,##0.00';
    case 'percent':
      return '0.0%';
    default:
      return '#,##0.##';
  }
}

function dateFormat(bucket: WidgetData['bucket']): string {
  if (bucket === 'month') return 'mmm yyyy';
  if (bucket === 'year') return 'yyyy';
  if (bucket === 'hour') return 'yyyy-mm-dd hh:mm';
  return 'yyyy-mm-dd';
}

const TOTAL_FN: Record<Aggregation, string> = { sum: 'SUM', count: 'SUM', count_distinct: 'SUM', avg: 'AVERAGE', min: 'MIN', max: 'MAX' };

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = (title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim() || 'Widget').slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const colLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

function cellValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (isIsoDate(v as string)) return new Date(v as string);
  return v as ExcelJS.CellValue;
}

function styleHeader(row: ExcelJS.Row, primary: string): void {
  row.eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { ...HEADER_FILL, fgColor: { argb: argb(primary) } } as ExcelJS.Fill;
    c.alignment = { vertical: 'middle' };
  });
}

function summarySheet(wb: ExcelJS.Workbook, m: ReportModel, sheetOf: Map<string, string>): void {
  const ws = wb.addWorksheet('Summary', { properties: { tabColor: { argb: argb(m.branding.primaryColor) } } });
  ws.columns = [{ width: 42 }, { width: 20 }, { width: 20 }, { width: 14 }];
  ws.addRow([m.report.name]).font = { bold: true, size: 16, color: { argb: argb(m.branding.primaryColor) } };
  ws.addRow([m.report.period]);
  ws.addRow([`Generated ${m.report.generatedAtText} from the dashboard "${m.report.dashboardName}"`]).font = { italic: true, color: { argb: 'FF6B7280' } };
  ws.addRow([]);
  const head = ws.addRow(['Key figure', 'Value', 'Previous', 'Change']);
  styleHeader(head, m.branding.primaryColor);
  for (const w of m.widgets) {
    const metric = headlineMetric(m, w);
    if (!metric || w.error) continue;
    const row = ws.addRow([w.title, metric.total, metric.previous, metric.changePct === null ? null : metric.changePct / 100]);
    row.getCell(2).numFmt = numberFormat(metric.format);
    row.getCell(3).numFmt = numberFormat(metric.format);
    row.getCell(4).numFmt = '+0.0%;-0.0%;0.0%';
  }
  if (m.insights.length) {
    ws.addRow([]);
    ws.addRow(['Insights']).font = { bold: true, size: 12 };
    for (const i of m.insights) ws.addRow([i.text]).getCell(1).font = i.severity === 'anomaly' ? { bold: true, color: { argb: 'FF9A3412' } } : {};
  }
  if (m.report.comments) {
    ws.addRow([]);
    ws.addRow(['Comments']).font = { bold: true, size: 12 };
    for (const p of m.report.comments.split(/\n\s*\n/)) ws.addRow([p.trim()]);
  }
  ws.addRow([]);
  ws.addRow(['Sheets']).font = { bold: true, size: 12 };
  for (const [title, name] of sheetOf) ws.addRow([{ text: title, hyperlink: `#'${name.replace(/'/g, "''")}'!A1` }]).getCell(1).font = { color: { argb: 'FF2E86DE' }, underline: true };
}

async function widgetSheet(wb: ExcelJS.Workbook, m: ReportModel, charts: ChartRenderer, w: WidgetData, name: string): Promise<void> {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  if (w.error) {
    ws.addRow([`${w.title} could not be shown: ${w.error}`]);
    return;
  }
  const ncol = w.columns.length;
  styleHeader(ws.addRow(w.columns.map((_c, i) => columnLabel(w, i))), m.branding.primaryColor);
  const fmt = numberFormat(w.options.format);
  const measures = new Set(measureColumns(w));
  ws.columns = w.columns.map((_c, i) => ({ width: measures.has(i) ? 16 : Math.min(40, Math.max(12, columnLabel(w, i).length + 4)), ...(measures.has(i) ? { style: { numFmt: fmt } } : {}) }));
  const xi = xColumn(w);
  if (xi >= 0 && w.timeSeries) ws.getColumn(xi + 1).numFmt = dateFormat(w.bucket);
  for (const r of w.rows) ws.addRow(r.map(cellValue));
  const last = w.rows.length + 1;
  if (w.rows.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: ncol } };
    const totals: ExcelJS.CellValue[] = w.columns.map((_c, i) => {
      if (!measures.has(i)) return i === 0 ? 'Total' : null;
      const info = w.measures.find((x) => x.name === w.columns[i]!.name);
      const fn = TOTAL_FN[info?.agg ?? 'sum'];
      const nums = w.rows.map((r) => r[i]).filter((v): v is number => typeof v === 'number');
      const result = nums.length === 0 ? 0 : fn === 'SUM' ? nums.reduce((a, b) => a + b, 0) : fn === 'AVERAGE' ? nums.reduce((a, b) => a + b, 0) / nums.length : fn === 'MIN' ? Math.min(...nums) : Math.max(...nums);
      return { formula: `${fn}(${colLetter(i + 1)}2:${colLetter(i + 1)}${last})`, result };
    });
    if (totals[0] !== 'Total' && !measures.has(0)) totals[0] = 'Total';
    const row = ws.addRow(totals);
    row.font = { bold: true };
    row.eachCell((c) => (c.border = { top: { style: 'thin' } }));
  }
  if (w.kpi) {
    ws.addRow([]);
    ws.addRow(['Previous period', w.kpi.previous]).getCell(2).numFmt = fmt;
    ws.addRow(['Change', w.kpi.change]).getCell(2).numFmt = '+0.0%;-0.0%;0.0%';
  }
  const insights = m.insights.filter((i) => i.widgetId === w.id);
  if (hasChart(w)) {
    const png = await charts.png(w, CHART_PX);
    if (png) {
      const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
      ws.addImage(id, { tl: { col: ncol + 1, row: 1 }, ext: CHART_PX });
    }
  }
  insights.forEach((i, k) => {
    const cell = ws.getCell(18 + k, ncol + 2);
    cell.value = i.text;
    cell.font = { italic: true, color: { argb: i.severity === 'anomaly' ? 'FF9A3412' : 'FF4B5563' } };
  });
}

/** A cross-tab of the first widget split into series; else years × months of the first time series; else per-widget statistics. */
function pivotSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  const ws = wb.addWorksheet('Pivot', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  const split = m.widgets.find((w) => !w.error && xColumn(w) >= 0 && seriesColumn(w) >= 0 && w.rows.length > 0);
  const timeSeries = m.widgets.find((w) => !w.error && w.timeSeries && (w.bucket === 'month' || w.bucket === 'day' || w.bucket === 'week'));
  let title: string;
  let rowKeys: string[];
  let colKeys: string[];
  let fmt: string;
  const cells = new Map<string, number>();
  if (split || timeSeries) {
    const w = (split ?? timeSeries)!;
    const xi = xColumn(w);
    const si = seriesColumn(w);
    const mi = measureColumns(w)[0]!;
    fmt = numberFormat(w.options.format);
    const rows = new Set<string>();
    const cols = new Set<string>();
    for (const r of w.rows) {
      const x = r[xi];
      let rk: string;
      let ck: string;
      if (split) {
        rk = isIsoDate(x ?? null) ? formatDate(x as string, w.bucket) : String(x);
        ck = String(r[si] ?? '(none)');
      } else {
        const d = new Date(x as string);
        rk = String(d.getUTCFullYear());
        ck = formatDate(new Date(Date.UTC(2000, d.getUTCMonth(), 1)).toISOString(), 'month').slice(0, 3);
      }
      rows.add(rk);
      cols.add(ck);
      const v = r[mi];
      if (typeof v === 'number') cells.set(`${rk}\u0000${ck}`, (cells.get(`${rk}\u0000${ck}`) ?? 0) + v);
    }
    rowKeys = [...rows];
    colKeys = split ? [...cols] : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].filter((c) => cols.has(c));
    title = split ? `${w.title}: ${columnLabel(w, mi)} by ${w.columns[xi]!.name} and ${w.columns[si]!.name}` : `${w.title}: ${columnLabel(w, mi)} by year and month`;
  } else {
    ws.addRow(['Widget statistics']).font = { bold: true, size: 13 };
    styleHeader(ws.addRow(['Widget', 'Total', 'Average', 'Min', 'Max', 'Last', 'Change']), m.branding.primaryColor);
    for (const w of m.widgets) {
      const metric = headlineMetric(m, w);
      if (!metric) continue;
      const row = ws.addRow([w.title, metric.total, metric.avg, metric.min, metric.max, metric.last, metric.changePct === null ? null : metric.changePct / 100]);
      for (let c = 2; c <= 6; c++) row.getCell(c).numFmt = numberFormat(metric.format);
      row.getCell(7).numFmt = '+0.0%;-0.0%;0.0%';
    }
    ws.getColumn(1).width = 36;
    return;
  }
  ws.addRow([title]).font = { bold: true, size: 13 };
  styleHeader(ws.addRow(['', ...colKeys, 'Total']), m.branding.primaryColor);
  const firstData = 3;
  rowKeys.forEach((rk, ri) => {
    const r = firstData + ri;
    const values = colKeys.map((ck) => cells.get(`${rk}\u0000${ck}`) ?? null);
    const sum = values.reduce<number>((a, b) => a + (b ?? 0), 0);
    const row = ws.addRow([rk, ...values, { formula: `SUM(B${r}:${colLetter(colKeys.length + 1)}${r})`, result: sum }]);
    for (let c = 2; c <= colKeys.length + 2; c++) row.getCell(c).numFmt = fmt;
  });
  const lastData = firstData + rowKeys.length - 1;
  const totals = ['Total', ...colKeys.map((_c, i) => i), colKeys.length].map((v, i) => {
    if (i === 0) return v;
    const col = colLetter(i + 1);
    const result = rowKeys.reduce((a, rk) => a + (i <= colKeys.length ? (cells.get(`${rk}\u0000${colKeys[i - 1]}`) ?? 0) : colKeys.reduce((s, ck) => s + (cells.get(`${rk}\u0000${ck}`) ?? 0), 0)), 0);
    return { formula: `SUM(${col}${firstData}:${col}${lastData})`, result };
  });
  const row = ws.addRow(totals);
  row.font = { bold: true };
  for (let c = 2; c <= colKeys.length + 2; c++) row.getCell(c).numFmt = fmt;
  ws.getColumn(1).width = 18;
  for (let c = 2; c <= colKeys.length + 2; c++) ws.getColumn(c).width = 14;
}

export async function renderXlsx(m: ReportModel, charts: ChartRenderer, signal?: AbortSignal): Promise<Buffer> {
  // exceljs takes most of a second to load: imported here, on first use, not when `udash` starts.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Universal Dashboard';
  wb.created = new Date(m.report.generatedAt);
  wb.title = m.report.name;
  const taken = new Set<string>(['summary', 'pivot']);
  const names = new Map<string, string>();
  for (const w of m.widgets) names.set(w.id, sheetName(w.title, taken));
  const sheetOf = new Map<string, string>([...m.widgets.map((w) => [w.title, names.get(w.id)!] as [string, string]), ['Pivot', 'Pivot']]);
  summarySheet(wb, m, sheetOf);
  for (const w of m.widgets) {
    signal?.throwIfAborted();
    await widgetSheet(wb, m, charts, w, names.get(w.id)!);
  }
  pivotSheet(wb, m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
