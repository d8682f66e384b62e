import { useState } from 'react';
import { SECTION_KINDS, type TemplateSection } from '../../../../../shared/model/report.js';
import { useClient } from '../../../app/context.js';
import { Button } from '../../../ui/Button.js';
import { Field } from '../../../ui/Field.js';
import type { TemplateForm } from '../model/draft.js';
import { saveProblem } from '../model/save-error.js';
import { moveSection, newSection } from '../model/template-form.js';
import { errorAt } from './step-props.js';

const KIND_LABELS: Record<TemplateSection['kind'], string> = { text: 'Text', kpis: 'KPI tiles', charts: 'Charts', tables: 'Data tables', insights: 'Insights', comments: 'Comments', widgets: 'Widgets in order' };

/**
 * A custom template: cover, table of contents, sections (text, KPIs, charts, tables, insights,
 * comments) with conditions, and an appendix. Every text is Handlebars; "Check" asks main to validate
 * it now, and a save refuses a syntax error naming the field and its line.
 */
export function TemplateEditor({ workspaceId, template, onChange, errors }: { workspaceId: string; template: TemplateForm; onChange: (t: TemplateForm) => void; errors: Record<string, string> }) {
  const client = useClient();
  const [check, setCheck] = useState<{ ok: boolean; message: string; field?: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const allErrors = check && !check.ok && check.field ? { ...errors, [check.field]: check.message } : errors;
  const at = (f: string) => errorAt(allErrors, `template.${f}`);
  const set = (patch: Partial<TemplateForm>) => {
    setCheck(null);
    onChange({ ...template, ...patch });
  };
  const setSection = (i: number, patch: Partial<TemplateSection>) => set({ sections: template.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  const validate = async () => {
    setChecking(true);
    try {
      await client.call('reportTemplates.validate', { workspaceId, template });
      setCheck({ ok: true, message: 'The template is valid.' });
    } catch (e) {
      const p = saveProblem(e, 'template');
      setCheck({ ok: false, message: p.message, ...(p.field ? { field: p.field } : {}) });
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="card template-editor" aria-label="Custom template" data-field="template">
      <div className="row gap wrap">
        <Field label="Template name" error={at('name')} className="grow">
          {(a) => <input {...a} className="input" value={template.name} maxLength={120} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={template.toc} onChange={(e) => set({ toc: e.target.checked })} />
          Table of contents
        </label>
        <label className="check">
          <input type="checkbox" checked={template.cover.enabled} onChange={(e) => set({ cover: { ...template.cover, enabled: e.target.checked } })} />
          Cover page
        </label>
      </div>
      {template.cover.enabled ? (
        <div className="field-pair">
          <Field label="Cover title" error={at('cover.title')}>
            {(a) => <input {...a} className="input mono" value={template.cover.title} onChange={(e) => set({ cover: { ...template.cover, title: e.target.value } })} />}
          </Field>
          <Field label="Cover subtitle" error={at('cover.subtitle')}>
            {(a) => <input {...a} className="input mono" value={template.cover.subtitle} onChange={(e) => set({ cover: { ...template.cover, subtitle: e.target.value } })} />}
          </Field>
        </div>
      ) : null}

      <ol className="section-list" aria-label="Sections">
        {template.sections.map((s, i) => (
          <li key={s.id} className="section-item" data-field={`template.sections.${i}`}>
            <div className="row gap wrap">
              <Field label={`Section ${i + 1}`}>
                {(a) => (
                  <select {...a} className="select" value={s.kind} onChange={(e) => setSection(i, { kind: e.target.value as TemplateSection['kind'] })}>
                    {SECTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Title" error={at(`sections.${i}.title`)} className="grow">
                {(a) => <input {...a} className="input mono" value={s.title} onChange={(e) => setSection(i, { title: e.target.value })} />}
              </Field>
              <Field label="Only if (optional)" error={at(`sections.${i}.showIf`)} hint="e.g. insights.hasAnomaly">
                {(a) => <input {...a} className="input mono" value={s.showIf} placeholder="always" onChange={(e) => setSection(i, { showIf: e.target.value })} />}
              </Field>
              <div className="section-tools">
                <Button size="sm" variant="ghost" icon="arrowUp" disabled={i === 0} onClick={() => set({ sections: moveSection(template.sections, i, -1) })} aria-label={`Move section ${i + 1} up`} />
                <Button size="sm" variant="ghost" icon="arrowDown" disabled={i === template.sections.length - 1} onClick={() => set({ sections: moveSection(template.sections, i, 1) })} aria-label={`Move section ${i + 1} down`} />
                <Button size="sm" variant="ghost" icon="trash" disabled={template.sections.length === 1} onClick={() => set({ sections: template.sections.filter((_, j) => j !== i) })} aria-label={`Remove section ${i + 1}`} />
              </div>
            </div>
            <Field label={s.kind === 'text' ? 'Text' : 'Introduction (optional)'} error={at(`sections.${i}.body`)}>
              {(a) => <textarea {...a} className="input textarea mono" rows={s.kind === 'text' ? 4 : 2} value={s.body} onChange={(e) => setSection(i, { body: e.target.value })} />}
            </Field>
            <label className="check small">
              <input type="checkbox" checked={s.pageBreakBefore} onChange={(e) => setSection(i, { pageBreakBefore: e.target.checked })} />
              Start on a new page
            </label>
          </li>
        ))}
      </ol>
      <div className="row gap wrap">
        <Button size="sm" icon="plus" disabled={template.sections.length >= 60} onClick={() => set({ sections: [...template.sections, newSection('text', template.sections)] })}>
          Add a section
        </Button>
        <label className="check">
          <input type="checkbox" checked={template.appendix.enabled} onChange={(e) => set({ appendix: { ...template.appendix, enabled: e.target.checked } })} />
          Appendix with the data tables
        </label>
        <Button size="sm" busy={checking} onClick={() => void validate()}>
          Check template
        </Button>
        {check ? (
          <span className={check.ok ? 'small ok-text' : 'field-error'} role={check.ok ? 'status' : 'alert'} data-testid="template-check">
            {check.message}
          </span>
        ) : null}
      </div>
      {at('sections') && !template.sections.some((_, i) => at(`sections.${i}`)) ? (
        <p className="field-error" role="alert">
          {at('sections')}
        </p>
      ) : null}
    </section>
  );
}
