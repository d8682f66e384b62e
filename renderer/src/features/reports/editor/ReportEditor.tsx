import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportDetail } from '../../../../../shared/contract/reports.js';
import { useApp } from '../../../app/context.js';
import { Button } from '../../../ui/Button.js';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js';
import { Icon } from '../../../ui/Icon.js';
import { STEPS, type EditorState, type ReportForm, type ScheduleForm, type StepKey, type TemplateForm } from '../model/draft.js';
import type { SaveProblem } from '../model/save-error.js';
import { ContentStep } from './ContentStep.js';
import { FormatStep } from './FormatStep.js';
import { PreviewStep } from './PreviewStep.js';
import { RecipientsStep } from './RecipientsStep.js';
import { ScheduleStep } from './ScheduleStep.js';
import type { StepProps } from './step-props.js';
import { useSaveReport } from './useSaveReport.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The creation flow as a stepper: content → schedule → recipients → template and format → preview →
 * save. Any step can be opened directly; a refused save opens the step of the field at fault and puts
 * main's message (with the template line, for a syntax error) under that field.
 */
export function ReportEditor({ workspaceId, initial, onDone }: { workspaceId: string; initial: EditorState; onDone: (saved: ReportDetail | null) => void }) {
  const toast = useApp((s) => s.toast);
  const [state, setState] = useState(initial);
  const [step, setStep] = useState<StepKey>('content');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const { save, saving } = useSaveReport(workspaceId, (t) => setState((s) => ({ ...s, template: t })));
  const index = STEPS.findIndex((s) => s.key === step);
  const editing = !!state.reportId;

  const setReport = useCallback((change: (r: ReportForm) => ReportForm) => setState((s) => ({ ...s, report: change(s.report) })), []);
  const setSchedules = useCallback((schedules: ScheduleForm[]) => setState((s) => ({ ...s, schedules })), []);
  const setTemplate = useCallback((template: TemplateForm | null) => setState((s) => ({ ...s, template })), []);
  const onPreviewProblem = useCallback((p: SaveProblem) => {
    if (p.field) setErrors((e) => ({ ...e, [p.field!]: p.message }));
  }, []);

  const go = (to: StepKey) => {
    setStep(to);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  useEffect(() => {
    if (problem) bannerRef.current?.focus();
  }, [problem]);

  const doSave = async () => {
    setErrors({});
    setProblem(null);
    const r = state.report;
    const snapshot = r.data.mode === 'snapshot' && (!editing || initial.report.data.mode !== 'snapshot' || !same(initial.report.content, r.content) || !same(initial.report.data, r.data));
    const out = await save(state, { snapshot });
    if (!out.ok) {
      setProblem(out.problem);
      if (out.problem.field) setErrors({ [out.problem.field]: out.problem.message });
      setStep(out.problem.step);
      return;
    }
    toast({ kind: 'success', message: `Saved “${out.detail.name}”` });
    if (out.snapshotError) toast({ kind: 'error', message: `The snapshot was not captured: ${out.snapshotError}` }, 10_000);
    onDone(out.detail);
  };

  const cancel = () => {
    if (same(state, initial)) onDone(null);
    else setConfirmDiscard(true);
  };

  const props: StepProps = { workspaceId, state, setReport, setSchedules, setTemplate, errors };
  const stepError = (k: StepKey) => problem?.step === k;

  return (
    <div className="page report-editor">
      <header className="page-header">
        <div>
          <h1>{editing ? `Edit “${initial.report.name}”` : 'New report'}</h1>
          <p className="muted small">Content, schedule, recipients, template and format; then preview exactly what would be sent, and save.</p>
        </div>
        <Button onClick={cancel}>Cancel</Button>
      </header>

      <nav aria-label="Steps">
        <ol className="stepper">
          {STEPS.map((s, i) => (
            <li key={s.key}>
              <button type="button" className={`stepper-step${s.key === step ? ' active' : ''}${i < index ? ' done' : ''}${stepError(s.key) ? ' has-error' : ''}`} aria-current={s.key === step ? 'step' : undefined} onClick={() => go(s.key)}>
                <span className="stepper-num" aria-hidden>
                  {stepError(s.key) ? <Icon name="alert" size={12} /> : i < index ? <Icon name="check" size={12} /> : i + 1}
                </span>
                {s.label}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {problem ? (
        <div ref={bannerRef} tabIndex={-1} className="banner banner-error" role="alert" data-testid="save-error">
          <Icon name="alert" />
          <div className="banner-text">
            <strong>Not saved{problem.line ? ` (line ${problem.line})` : ''}</strong>
            <span>{problem.message}</span>
          </div>
        </div>
      ) : null}

      <section className="card step-card" aria-labelledby="report-step-title" data-step={step}>
        <h2 id="report-step-title" ref={headingRef} tabIndex={-1} className="step-title">
          {index + 1}. {STEPS[index]!.label}
        </h2>
        {step === 'content' ? <ContentStep {...props} /> : null}
        {step === 'schedule' ? <ScheduleStep {...props} /> : null}
        {step === 'recipients' ? <RecipientsStep {...props} /> : null}
        {step === 'format' ? <FormatStep {...props} /> : null}
        {step === 'preview' ? <PreviewStep {...props} onProblem={onPreviewProblem} /> : null}
      </section>

      <footer className="editor-footer">
        <Button onClick={() => go(STEPS[index - 1]!.key)} disabled={index === 0}>
          Back
        </Button>
        <span className="grow" />
        {index < STEPS.length - 1 ? (
          <Button variant={editing ? 'secondary' : 'primary'} onClick={() => go(STEPS[index + 1]!.key)}>
            Next: {STEPS[index + 1]!.label}
          </Button>
        ) : null}
        {editing || step === 'preview' ? (
          <Button variant="primary" icon="check" busy={saving} onClick={() => void doSave()}>
            {editing ? 'Save changes' : 'Save report'}
          </Button>
        ) : null}
      </footer>

      {confirmDiscard ? (
        <ConfirmDialog title="Discard your changes?" confirmLabel="Discard" danger onClose={() => setConfirmDiscard(false)} onConfirm={() => onDone(null)}>
          <p>The report {editing ? 'keeps its saved version' : 'is not created'}.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
