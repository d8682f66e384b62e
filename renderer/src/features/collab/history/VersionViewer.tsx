/**
 * One version of a dashboard in a dialog: "As it was" (read-only, with its charts) and "Changes since"
 * (the diff with now), with Restore after a confirmation. The tabs follow the WAI-ARIA tabs pattern
 * (arrow keys move between them).
 */
import { useEffect, useState } from 'react';
import type { DashboardWithWidgets } from '../../../../../shared/model/dashboard.js';
import type { DashboardDiff, VersionInfo } from '../../../../../shared/model/version.js';
import { useClient } from '../../../app/context.js';
import { errorCode, errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js';
import { Dialog } from '../../../ui/Dialog.js';
import { EmptyState, ErrorBanner, Spinner } from '../../../ui/States.js';
import { fullTime } from '../time.js';
import { versionTitle } from './labels.js';
import { ReadOnlyGrid } from './ReadOnlyGrid.js';
import { useRestore } from './useRestore.js';
import { VersionDiff } from './VersionDiff.js';

type Tab = 'then' | 'diff';
type Loaded = { status: 'loading' } | { status: 'ready'; then: DashboardWithWidgets | null; diff: DashboardDiff | null } | { status: 'error'; error: unknown };

export function VersionViewer({
  workspaceId,
  dashboardId,
  version,
  initialTab = 'then',
  readOnly,
  onClose,
}: {
  workspaceId: string;
  dashboardId: string;
  version: VersionInfo;
  initialTab?: Tab;
  readOnly: boolean;
  onClose: () => void;
}) {
  const client = useClient();
  const restore = useRestore(workspaceId);
  const [tab, setTab] = useState<Tab>(initialTab);
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const [confirm, setConfirm] = useState<{ widgetId?: string; what: string } | null>(null);

  useEffect(() => {
    let live = true;
    const then = client.call('versions.get', { workspaceId, versionId: version.id, dashboardId }).then(
      (r) => r.dashboards[0] ?? null,
      (e: unknown) => {
        if (errorCode(e) === 'NOT_FOUND') return null;
        throw e;
      },
    );
    const diff = client.call('versions.diff', { workspaceId, versionId: version.id, dashboardId }).then((r) => r.dashboards[0] ?? null);
    Promise.all([then, diff]).then(
      ([t, d]) => live && setState({ status: 'ready', then: t, diff: d }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [client, workspaceId, dashboardId, version.id]);

  const title = `${versionTitle(version)} · ${fullTime(version.createdAt)}`;
  const then = state.status === 'ready' ? state.then : null;
  const canRestore = !readOnly && then !== null && state.status === 'ready' && state.diff?.status !== 'unchanged';

  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = tab === 'then' ? 'diff' : 'then';
    setTab(next);
    document.getElementById(`version-tab-${next}`)?.focus();
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      size="xl"
      className="version-viewer"
      description="A read-only view of the dashboard as this version saved it, and what changed since"
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          {canRestore ? (
            <Button variant="primary" icon="undo" onClick={() => setConfirm({ what: `“${then.name}” as it was` })}>
              Restore this version
            </Button>
          ) : null}
        </>
      }
    >
      <div className="version-tabs" role="tablist" aria-label="Version view">
        <button type="button" role="tab" id="version-tab-then" aria-selected={tab === 'then'} aria-controls="version-panel" tabIndex={tab === 'then' ? 0 : -1} className={tab === 'then' ? 'version-tab active' : 'version-tab'} onClick={() => setTab('then')} onKeyDown={onTabKey}>
          As it was
        </button>
        <button type="button" role="tab" id="version-tab-diff" aria-selected={tab === 'diff'} aria-controls="version-panel" tabIndex={tab === 'diff' ? 0 : -1} className={tab === 'diff' ? 'version-tab active' : 'version-tab'} onClick={() => setTab('diff')} onKeyDown={onTabKey}>
          Changes since
          {state.status === 'ready' && state.diff && state.diff.status !== 'unchanged' ? <span className="badge">{state.diff.widgets.length + state.diff.fields.length + state.diff.layout.length}</span> : null}
        </button>
      </div>
      <div id="version-panel" role="tabpanel" aria-labelledby={`version-tab-${tab}`} className="version-panel" data-version-id={version.id}>
        {state.status === 'loading' ? <Spinner label="Opening the version" /> : null}
        {state.status === 'error' ? <ErrorBanner title="The version could not be opened" message={errorMessage(state.error)} /> : null}
        {state.status === 'ready' && tab === 'then' ? (
          then ? (
            <div className="version-then">
              <p className="version-then-head">
                <strong>{then.name}</strong>
                <span className="muted"> · read-only · charts use today's data with the query, date range and filters saved in this version</span>
              </p>
              <ReadOnlyGrid workspaceId={workspaceId} versionId={version.id} dashboard={then} />
            </div>
          ) : (
            <EmptyState icon="info" title="This dashboard did not exist yet" compact>
              It was created after this version was saved.
            </EmptyState>
          )
        ) : null}
        {state.status === 'ready' && tab === 'diff' && state.diff ? <VersionDiff diff={state.diff} readOnly={readOnly} onRestoreWidget={(widgetId, t) => setConfirm({ widgetId, what: `the widget “${t}”` })} /> : null}
      </div>
      {confirm ? (
        <ConfirmDialog
          title="Restore this version?"
          confirmLabel="Restore"
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            await restore(version.id, dashboardId, confirm.what, confirm.widgetId);
            onClose();
          }}
        >
          <p>
            This sets {confirm.what} back as it was on {fullTime(version.createdAt)}. It is a new change that your colleagues receive; widgets added since
            {confirm.widgetId ? ' are kept' : ' are removed'}. You can undo it.
          </p>
        </ConfirmDialog>
      ) : null}
    </Dialog>
  );
}
