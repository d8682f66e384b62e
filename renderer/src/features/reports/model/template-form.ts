/** Custom template editing: a copy of a template to start from, and section list changes (pure). */
import type { ReportTemplate, TemplateSection } from '../../../../../shared/model/report.js';
import type { TemplateForm } from './draft.js';

/** An editable copy of `t`: built-ins are copied under a new name (they cannot be changed), custom ones keep their id. */
export function templateFormOf(t: ReportTemplate): TemplateForm {
  const { id, builtin, createdAt: _c, updatedAt: _u, ...rest } = t;
  return builtin ? { ...rest, name: `${t.name} (custom)` } : { ...rest, id };
}

export function newSection(kind: TemplateSection['kind'], existing: readonly TemplateSection[]): TemplateSection {
  let n = existing.length + 1;
  const ids = new Set(existing.map((s) => s.id));
  while (ids.has(`section-${n}`)) n++;
  return { id: `section-${n}`, kind, title: '', body: '', widgets: 'all', columns: 1, showIf: '', pageBreakBefore: false, withData: false, insights: 'all' };
}

/** Moves section `i` by `delta` places, staying within the list. */
export function moveSection<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
