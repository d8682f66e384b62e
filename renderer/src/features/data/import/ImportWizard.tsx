/**
 * The import wizard: choose a file → it uploads in chunks → review what main detected (format,
 * delimiter, encoding, sheet, column types, time column, problem rows) and override it → choose the
 * destination and what to do with bad rows → import in one transaction with progress and cancel.
 */
import { useEffect, useRef, useState } from 'react';
import type { ImportOptions, ImportPreview, ImportResult, RowIssue } from '../../../../../shared/contract/data.js';
import type { ProgressEvent } from '../../../../../shared/contract/index.js';
import { useApp, useClient, useWorkspaceId } from '../../../app/context.js';
import { errorCode, errorField, errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { ErrorBanner, ProgressBar, Spinner } from '../../../ui/States.js';
import { FileStep } from './FileStep.js';
import { IssuesTable } from './IssuesTable.js';
import { datasetNameFromFile, effectiveOptions, formatBytes } from './options.js';
import { ColumnsPanel, IssuesPanel, ParseOptions, RowsPanel } from './PreviewPanels.js';
import { uploadFile } from './upload.js';
import { Destination, type DestinationValue } from './Destination.js';
import { ImportDone } from './ImportDone.js';

type Step = 'file' | 'uploading' | 'review' | 'importing' | 'done';

/** The row-level problems a failed commit names: a list in details.issues, or one row in details itself. */
function issuesOf(error: unknown): RowIssue[] {
  if (!error || typeof error !== 'object' || !('details' in error)) return [];
  const d = (error as { details: Record<string, unknown> }).details;
  if (Array.isArray(d.issues)) return d.issues as RowIssue[];
  if (typeof d.row === 'number' && typeof d.column === 'string') return [{ row: d.row, column: d.column, value: String(d.value ?? ''), reason: String(d.reason ?? '') }];
  return [];
}

const STEPS: { key: Step[]; label: string }[] = [
  { key: ['file', 'uploading'], label: 'Choose a file' },
  { key: ['review'], label: 'Review' },
  { key: ['importing', 'done'], label: 'Import' },
];

export function ImportWizard({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const workspaceId = useWorkspaceId();
  const { labelTask, refreshDatasets } = useApp((s) => ({ labelTask: s.labelTask, refreshDatasets: s.refreshDatasets }));
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [options, setOptions] = useState<ImportOptions>({ hasHeader: true, types: {}, dateFormats: {} });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dest, setDest] = useState<DestinationValue>({ mode: 'create', name: '', onError: 'abort' });
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const taskId = useRef<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const start = async (f: File) => {
    setFile(f);
    setError(null);
    setPreview(null);
    setOptions({ hasHeader: true, types: {}, dateFormats: {} });
    setDest((d) => ({ ...d, name: datasetNameFromFile(f.name) }));
    setStep('uploading');
    setSent(0);
    const ac = new AbortController();
    abort.current = ac;
    try {
      const id = await uploadFile(client, f, (s) => setSent(s), ac.signal);
      setUploadId(id);
      setStep('review');
    } catch (e) {
      if (ac.signal.aborted) setStep('file');
      else {
        setError(e);
        setStep('file');
      }
    }
  };

  // Preview again whenever the options change (debounced: type overrides come in bursts).
  const optionsKey = JSON.stringify(effectiveOptions(options));
  useEffect(() => {
    if (step !== 'review' || !uploadId) return;
    let live = true;
    setPreviewing(true);
    const t = setTimeout(() => {
      client.call('import.preview', { workspaceId, source: { uploadId }, options: effectiveOptions(options), rows: 100 }).then(
        (p) => {
          if (!live) return;
          setPreview(p);
          setError(null);
          setPreviewing(false);
        },
        (e: unknown) => {
          if (!live) return;
          setError(e);
          setPreviewing(false);
        },
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // optionsKey stands for options.
  }, [client, workspaceId, uploadId, step, optionsKey]);

  const commit = async () => {
    if (!uploadId || !file) return;
    const id = `import-${crypto.randomUUID()}`;
    taskId.current = id;
    labelTask(id, `Importing ${file.name}`);
    setProgress(null);
    setError(null);
    setStep('importing');
    const off = client.on('progress', (p) => {
      if (p.taskId === id) setProgress(p);
    });
    try {
      const r = await client.call('import.commit', {
        workspaceId,
        source: { uploadId },
        options: effectiveOptions({ ...options, ...(options.timeColumn ? {} : preview?.timeColumn ? { timeColumn: preview.timeColumn } : {}) }),
        name: dest.name,
        mode: dest.mode,
        onError: dest.onError,
        taskId: id,
      });
      setResult(r);
      setStep('done');
      void refreshDatasets();
    } catch (e) {
      setError(e);
      setStep('review');
    } finally {
      off();
      taskId.current = null;
    }
  };

  const cancelImport = () => {
    if (taskId.current) void client.call('import.cancel', { taskId: taskId.current }).catch(() => undefined);
  };

  const current = STEPS.findIndex((s) => s.key.includes(step));
  const failedIssues = issuesOf(error);
  const errTotal = error && typeof error === 'object' && 'details' in error ? (error as { details: { issueCount?: unknown } }).details.issueCount : undefined;

  return (
    <div className="page import-page">
      <header className="page-header">
        <div>
          <h1>Import data</h1>
          <ol className="stepper" aria-label="Import steps">
            {STEPS.map((s, i) => (
              <li key={s.label} className={i < current ? 'done' : i === current ? 'current' : ''} aria-current={i === current ? 'step' : undefined}>
                <span className="stepper-num">{i + 1}</span>
                {s.label}
              </li>
            ))}
          </ol>
        </div>
        <Button variant="ghost" onClick={onClose} disabled={step === 'importing'}>
          {step === 'done' ? 'Close' : 'Cancel'}
        </Button>
      </header>

      {error && errorCode(error) !== 'CANCELLED' ? (
        <ErrorBanner title={step === 'file' ? 'The file could not be read' : 'The import did not go through'} message={errorMessage(error)} />
      ) : error ? (
        <p className="banner banner-info" role="status">
          Import cancelled; nothing was imported.
        </p>
      ) : null}
      {failedIssues.length ? <IssuesTable issues={failedIssues.slice(0, 200)} total={typeof errTotal === 'number' ? errTotal : failedIssues.length} caption={failedIssues.length === 1 ? "The row that stopped the import" : "Rows that stopped the import"} /> : null}

      {step === 'file' ? <FileStep onFile={(f) => void start(f)} /> : null}

      {step === 'uploading' && file ? (
        <section className="card panel upload-panel" aria-live="polite">
          <p>
            <strong>{file.name}</strong> <span className="muted">· {formatBytes(file.size)}</span>
          </p>
          <ProgressBar value={sent} max={file.size} label={`Uploading ${file.name}`} />
          <div className="row space-between">
            <span className="muted small">
              Sending {formatBytes(sent)} of {formatBytes(file.size)}
            </span>
            <Button size="sm" onClick={() => abort.current?.abort()}>
              Cancel
            </Button>
          </div>
        </section>
      ) : null}

      {step === 'review' && file ? (
        <div className="review" data-testid="import-review">
          <div className="row space-between file-line">
            <p>
              <strong>{file.name}</strong> <span className="muted">· {formatBytes(file.size)}</span>
              {previewing ? <Spinner label="Reading the file" /> : null}
            </p>
            <Button size="sm" variant="ghost" onClick={() => setStep('file')}>
              Choose another file
            </Button>
          </div>
          {preview ? (
            <>
              <ParseOptions preview={preview} options={options} onChange={(o) => setOptions((prev) => ({ ...prev, ...o }))} />
              <IssuesPanel preview={preview} />
              <ColumnsPanel preview={preview} options={options} onChange={(o) => setOptions((prev) => ({ ...prev, ...o }))} />
              <RowsPanel preview={preview} />
              <Destination value={dest} onChange={setDest} invalidField={errorField(error)} nameError={errorMessage(error)} hasIssues={(preview.issueCount ?? preview.issues.length) > 0} />
              <div className="row end sticky-actions">
                <Button variant="primary" icon="upload" onClick={() => void commit()} disabled={!dest.name.trim() || previewing}>
                  Import
                </Button>
              </div>
            </>
          ) : !error ? (
            <div className="center-fill">
              <Spinner label="Reading the file" />
            </div>
          ) : null}
        </div>
      ) : null}

      {step === 'importing' ? (
        <section className="card panel upload-panel" aria-live="polite" data-testid="import-progress">
          <p>
            Importing <strong>{file?.name}</strong> into <strong>{dest.name}</strong>…
          </p>
          <ProgressBar value={progress?.done ?? 0} {...(progress?.total ? { max: progress.total } : {})} label="Import progress" />
          <div className="row space-between">
            <span className="muted small">
              {progress ? `${progress.phase}: ${progress.done.toLocaleString()}${progress.total ? ` of ${progress.total.toLocaleString()}` : ''}${progress.message ? ` — ${progress.message}` : ''}` : 'Starting…'}
            </span>
            <Button size="sm" onClick={cancelImport}>
              Cancel import
            </Button>
          </div>
        </section>
      ) : null}

      {step === 'done' && result ? <ImportDone result={result} onAnother={() => (setStep('file'), setResult(null), setFile(null))} /> : null}
    </div>
  );
}
