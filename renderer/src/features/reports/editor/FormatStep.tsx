import { useEffect, useRef, useState } from 'react';
import { OUTPUT_FORMATS, type OutputFormat, type ReportTemplate } from '../../../../../shared/model/report.js';
import { useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { Field } from '../../../ui/Field.js';
import { Spinner } from '../../../ui/States.js';
import { cleanReport } from '../model/draft.js';
import { FORMAT_LABELS } from '../model/format.js';
import { templateFormOf } from '../model/template-form.js';
import { BrandingFields } from './BrandingFields.js';
import { SendRuleField } from './SendRuleField.js';
import { errorAt, type StepProps } from './step-props.js';
import { TemplateEditor } from './TemplateEditor.js';

const ATTACHABLE = ['pdf', 'xlsx', 'pptx'] as const;

/** The data's metric names and today's verdict of the send conditions, from a preview without files. */
function useConditionCheck(workspaceId: string, state: StepProps['state']) {
  const client = useClient();
  const [out, setOut] = useState<{ metrics: string[]; verdict: { pass: boolean; reason: string } | null; error: string | null }>({ metrics: [], verdict: null, error: null });
  const reportRef = useRef(state.report);
  reportRef.current = state.report;
  const r = state.report;
  // What the check reads: asked again only when one of these changes.
  const key = JSON.stringify([r.content, r.data, r.sendRule, r.insights, r.name]);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      const report = cleanReport(reportRef.current);
      // A report in snapshot mode has no snapshot before it is saved, and the layout does not matter here: today's data, the default template.
      const draft = { ...report, data: { ...report.data, mode: 'live' as const }, templateId: 'builtin:executive-summary' };
      client.call('reports.preview', { workspaceId, report: draft, formats: [] }).then(
        (p) => live && setOut({ metrics: p.metrics, verdict: p.condition, error: null }),
        (e) => live && setOut((o) => ({ ...o, error: errorMessage(e) })),
      );
    }, 500);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [client, workspaceId, key]);
  return out;
}

/** Step 4: the template (six built-ins or a custom one), output formats and attachments, page, header and footer, branding, and conditional sends. */
export function FormatStep({ workspaceId, state, setReport, setTemplate, errors }: StepProps) {
  const client = useClient();
  const r = state.report;
  const [templates, setTemplates] = useState<ReportTemplate[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const check = useConditionCheck(workspaceId, state);

  useEffect(() => {
    let live = true;
    client.call('reportTemplates.list', { workspaceId }).then(
      (t) => live && setTemplates(t),
      (e) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [client, workspaceId]);

  const editingNew = state.template !== null && !state.template.id;
  const selectedId = editingNew ? '__custom' : r.templateId;
  const selected = templates?.find((t) => t.id === r.templateId);
  const choose = (t: ReportTemplate) => {
    setTemplate(null);
    setReport((x) => ({ ...x, templateId: t.id, ...(t.page ? { page: t.page } : {}) }));
  };
  const toggleFormat = (f: OutputFormat) =>
    setReport((x) => {
      const formats = x.formats.includes(f) ? x.formats.filter((y) => y !== f) : OUTPUT_FORMATS.filter((y) => y === f || x.formats.includes(y));
      return formats.length ? { ...x, formats } : x;
    });
  const toggleAttach = (f: (typeof ATTACHABLE)[number]) => setReport((x) => ({ ...x, delivery: { ...x.delivery, attach: x.delivery.attach.includes(f) ? x.delivery.attach.filter((y) => y !== f) : [...x.delivery.attach, f] } }));

  return (
    <div className="step-body">
      <fieldset className="stack" data-field="templateId">
        <legend className="field-label">Template</legend>
        {loadError ? <p className="form-error">{loadError}</p> : null}
        {!templates && !loadError ? <Spinner label="Loading templates" /> : null}
        {templates ? (
          <div className="template-grid" role="radiogroup" aria-label="Template">
            {templates.map((t) => (
              <label key={t.id} className={`template-card${selectedId === t.id ? ' active' : ''}`} data-template-id={t.id}>
                <input type="radio" name="template" checked={selectedId === t.id} onChange={() => choose(t)} />
                <strong>{t.name}</strong>
                <span className="muted small">{t.description || (t.builtin ? 'Built-in' : 'Custom template')}</span>
                {!t.builtin ? <span className="badge">Custom</span> : null}
              </label>
            ))}
            <label className={`template-card${editingNew ? ' active' : ''}`}>
              <input type="radio" name="template" checked={editingNew} onChange={() => setTemplate(templateFormOf(selected ?? templates[0]!))} />
              <strong>Custom…</strong>
              <span className="muted small">Start from {selected?.name ?? 'the selected template'}: cover, sections, conditions, appendix</span>
            </label>
          </div>
        ) : null}
        {errorAt(errors, 'templateId') ? <span className="field-error" role="alert">{errorAt(errors, 'templateId')}</span> : null}
        {selected && !selected.builtin && !state.template ? (
          <div>
            <Button size="sm" icon="edit" onClick={() => setTemplate(templateFormOf(selected))}>
              Edit “{selected.name}”
            </Button>
          </div>
        ) : null}
        {state.template ? (
          <>
            {state.template.id ? <p className="muted small">Changes to this template apply to every report that uses it, once saved.</p> : null}
            <TemplateEditor workspaceId={workspaceId} template={state.template} onChange={setTemplate} errors={errors} />
          </>
        ) : null}
      </fieldset>

      <div className="field-pair">
        <fieldset data-field="formats">
          <legend className="field-label">Files produced</legend>
          <div className="radio-list">
            {OUTPUT_FORMATS.map((f) => (
              <label key={f} className="check">
                <input type="checkbox" checked={r.formats.includes(f)} onChange={() => toggleFormat(f)} disabled={r.formats.length === 1 && r.formats.includes(f)} />
                {FORMAT_LABELS[f]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset data-field="delivery.attach">
          <legend className="field-label">Attached to the email</legend>
          <div className="radio-list">
            {ATTACHABLE.map((f) => (
              <label key={f} className="check">
                <input type="checkbox" checked={r.delivery.attach.includes(f) && r.formats.includes(f)} disabled={!r.formats.includes(f)} onChange={() => toggleAttach(f)} />
                {FORMAT_LABELS[f]}
              </label>
            ))}
          </div>
          <span className="muted small">The email itself always carries the charts.</span>
        </fieldset>
        <Field label="Page size">
          {(a) => (
            <select {...a} className="select" value={r.page.size} onChange={(e) => setReport((x) => ({ ...x, page: { ...x.page, size: e.target.value as typeof x.page.size } }))}>
              <option value="A4">A4</option>
              <option value="Letter">Letter</option>
              <option value="Legal">Legal</option>
            </select>
          )}
        </Field>
        <Field label="Orientation">
          {(a) => (
            <select {...a} className="select" value={r.page.orientation} onChange={(e) => setReport((x) => ({ ...x, page: { ...x.page, orientation: e.target.value as typeof x.page.orientation } }))}>
              <option value="portrait">Portrait</option>
              <option value="landscape">Landscape</option>
            </select>
          )}
        </Field>
      </div>

      <div className="field-pair">
        <Field label="Page header" error={errors.headerText} field="headerText">
          {(a) => <input {...a} className="input mono" value={r.headerText} maxLength={300} placeholder="e.g. {{report.name}} · Confidential" onChange={(e) => setReport((x) => ({ ...x, headerText: e.target.value }))} />}
        </Field>
        <Field label="Page footer" error={errors.footerText} field="footerText">
          {(a) => <input {...a} className="input mono" value={r.footerText} maxLength={300} onChange={(e) => setReport((x) => ({ ...x, footerText: e.target.value }))} />}
        </Field>
      </div>

      <BrandingFields value={r.branding} onChange={(branding) => setReport((x) => ({ ...x, branding }))} errors={errors} />

      <SendRuleField rule={r.sendRule} onChange={(sendRule) => setReport((x) => ({ ...x, sendRule }))} metrics={check.metrics} verdict={check.verdict} errors={errors} />
      {check.error && r.sendRule.conditions.length ? <p className="muted small">The conditions could not be checked with today’s data: {check.error}</p> : null}
    </div>
  );
}
