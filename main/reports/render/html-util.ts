/** Small HTML helpers shared by the document and the email. Everything from data or templates is escaped. */
import { formatCell } from '../model/format.js';
import type { WidgetData } from '../model/types.js';

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain text → paragraphs (blank lines) and line breaks. */
export function paragraphs(text: string, cls = ''): string {
  if (!text.trim()) return '';
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p${cls ? ` class="${cls}"` : ''}>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** A CSS string literal (for @page margin boxes). */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}

export function isMeasure(w: WidgetData, col: number): boolean {
  return w.columns[col]?.role === 'y';
}

/** A widget's rows as an HTML table; `maxRows` caps long tables with a note saying where the rest is. */
export function dataTable(w: WidgetData, maxRows: number, opts: { style?: (kind: 'table' | 'th' | 'td' | 'tdNum' | 'note') => string } = {}): string {
  const st = (k: Parameters<NonNullable<typeof opts.style>>[0]) => (opts.style ? ` style="${opts.style(k)}"` : '');
  if (w.rows.length === 0) return `<p class="muted"${st('note')}>No rows.</p>`;
  const head = w.columns.map((_c, i) => `<th class="${isMeasure(w, i) ? 'num' : ''}"${st('th')}>${esc(columnLabel(w, i))}</th>`).join('');
  const body = w.rows
    .slice(0, maxRows)
    .map(
      (r) =>
        `<tr>${r
          .map((v, i) => {
            const num = isMeasure(w, i);
            return `<td class="${num ? 'num' : ''}"${st(num ? 'tdNum' : 'td')}>${esc(formatCell(v, { format: w.options.format ?? 'number', ...(w.bucket ? { bucket: w.bucket } : {}), isMeasure: num }))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const note = w.rows.length > maxRows ? `<p class="muted"${st('note')}>Showing the first ${maxRows.toLocaleString('en-US')} of ${w.rows.length.toLocaleString('en-US')} rows; the Excel file has them all.</p>` : '';
  return `<table class="data"${st('table')}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${note}`;
}

/** A column header people read: "revenue (sum)" for the default "sum(revenue)", "count" for "count(*)". */
export function columnLabel(w: WidgetData, col: number): string {
  const name = w.columns[col]?.name ?? '';
  const m = /^(sum|avg|count|count_distinct|min|max)\((.*)\)$/.exec(name);
  if (!m) return name;
  if (m[2] === '*') return m[1] === 'count' ? 'count' : name;
  return `${m[2]} (${m[1] === 'count_distinct' ? 'distinct' : m[1]})`;
}
