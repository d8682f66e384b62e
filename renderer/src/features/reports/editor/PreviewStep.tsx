import { useCallback, useEffect, useState } from 'react';
import type { ReportPreview } from '../../../../../shared/contract/reports.js';
import { useClient } from '../../../app/context.js';
import { Button } from '../../../ui/Button.js';
import { Icon } from '../../../ui/Icon.js';
import { ProgressBar } from '../../../ui/States.js';
import { cleanReport } from '../model/draft.js';
import { saveProblem, type SaveProblem } from '../model/save-error.js';
import { PreviewFiles } from './PreviewFiles.js';
import type { StepProps } from './step-props.js';

/**
 * Step 5: exactly what would be sent now: the subject, who receives it (groups and roles resolved,
 * externals marked), whether the send conditions pass, the email as rendered (in a sandboxed frame
 * without scripts), and every file to download. Nothing is recorded as a run.
 */
export function PreviewStep({ workspaceId, state, onProblem }: StepProps & { onProblem: (p: SaveProblem) => void }) {
  const client = useClient();
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const snapshot = state.report.data.mode === 'snapshot';

  const run = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const report = cleanReport(state.report);
      const draft = snapshot ? { ...report, data: { ...report.data, mode: 'live' as const } } : report;
      setPreview(await client.call('reports.preview', { workspaceId, report: draft, formats: report.formats, ...(state.template ? { template: state.template } : {}) }));
    } catch (e) {
      const p = saveProblem(e, 'preview');
      setError(p.message);
      setPreview(null);
      onProblem(p);
    } finally {
      setBusy(false);
    }
  }, [client, workspaceId, state.report, state.template, snapshot, onProblem]);

  // Once per visit (the working copy cannot change while this step is shown); "Refresh preview" asks again.
  useEffect(() => {
    void run();
  }, [run]);

  if (busy && !preview) {
    return (
      <div className="step-body preview-loading">
        <p>Rendering the report as it would be sent…</p>
        <ProgressBar value={0} label="Rendering the preview" />
      </div>
    );
  }
  if (error) {
    return (
      <div className="step-body">
        <div className="banner banner-error" role="alert">
          <Icon name="alert" />
          <div className="banner-text">
            <strong>The report cannot be previewed yet</strong>
            <span>{error}</span>
          </div>
          <Button size="sm" onClick={() => void run()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  if (!preview) return null;
  const byKind = (k: 'to' | 'cc' | 'bcc') => preview.recipients.filter((r) => r.kind === k);

  return (
    <div className="step-body preview-step" data-testid="report-preview">
      <div className="row gap space-between">
        <p className="muted small">
          Data for {preview.period}
          {snapshot ? ' · snapshot mode: shown with today’s data, which is what the snapshot taken at save will hold' : ''}
        </p>
        <Button size="sm" icon="refresh" busy={busy} onClick={() => void run()}>
          Refresh preview
        </Button>
      </div>
      <div className={`banner ${preview.condition.pass ? 'banner-success' : 'banner-info'}`} data-testid="preview-condition">
        <Icon name={preview.condition.pass ? 'check' : 'info'} />
        <div className="banner-text">
          <strong>{preview.condition.pass ? 'A scheduled run now would be sent' : 'A scheduled run now would be skipped'}</strong>
          <span>{preview.condition.reason}</span>
        </div>
      </div>
      {preview.recipientProblems.length ? (
        <div className="banner banner-error" role="alert">
          <Icon name="alert" />
          <div className="banner-text">
            {preview.recipientProblems.map((p) => (
              <span key={p}>{p}</span>
            ))}
          </div>
        </div>
      ) : null}
      <dl className="facts email-head">
        <dt>Subject</dt>
        <dd data-testid="preview-subject">{preview.subject}</dd>
        {(['to', 'cc', 'bcc'] as const).map((k) =>
          byKind(k).length ? (
            <div key={k} className="contents">
              <dt>{k === 'to' ? 'To' : k === 'cc' ? 'Cc' : 'Bcc'}</dt>
              <dd data-testid={`preview-${k}`}>
                {byKind(k).map((r) => (
                  <span key={r.address} className="recipient">
                    {r.address}
                    {r.external ? <span className="badge">external</span> : null}
                  </span>
                ))}
              </dd>
            </div>
          ) : null,
        )}
        {preview.recipients.length === 0 ? (
          <>
            <dt>To</dt>
            <dd className="muted">Nobody: a scheduled run keeps the files only.</dd>
          </>
        ) : null}
        <dt>Attachments</dt>
        <dd>{preview.attachments.length ? preview.attachments.join(', ') : 'None'}</dd>
      </dl>
      <div className="preview-grid">
        <section aria-label="Email">
          <h3 className="step-section-title">The email</h3>
          <iframe className="email-frame" title="Email preview" sandbox="" srcDoc={preview.html} />
        </section>
        <section aria-label="Files" className="stack">
          <h3 className="step-section-title">The files</h3>
          <PreviewFiles files={preview.files} />
          {preview.insights.length ? (
            <>
              <h3 className="step-section-title">Insights</h3>
              <ul className="insight-list">
                {preview.insights.map((i) => (
                  <li key={i.text} className={`insight-${i.severity}`}>
                    {i.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
