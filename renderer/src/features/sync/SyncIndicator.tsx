/**
 * The status bar's sync indicator for the open workspace: local / connecting / syncing / synced /
 * offline / error with the reason, a Retry button when it helps, and the button that opens the
 * sharing dialog (share, join, members, profile, leave).
 */
import './sync.css';
import { lazy, Suspense, useState } from 'react';
import { useApp, useClient } from '../../app/context.js';
import { useShared } from './useSync.js';
import { syncStatusText } from './status-text.js';

const SharingDialog = lazy(() => import('./SharingDialog.js'));

export function SyncIndicator() {
  const client = useClient();
  const { workspaceId, reportError } = useApp((s) => ({ workspaceId: s.workspaceId, reportError: s.reportError }));
  const shared = useShared(workspaceId);
  const [open, setOpen] = useState(false);
  if (!workspaceId) return null;
  const text = syncStatusText(shared);
  return (
    <span className="sync-indicator" data-sync-status={text.kind}>
      <span className={`sync-state sync-${text.kind}`} role="status" aria-live="polite" title={text.detail ?? undefined}>
        <span className="sync-dot" aria-hidden />
        {text.label}
        {text.kind === 'error' && text.detail ? <span className="sync-reason">: {text.detail}</span> : null}
      </span>
      {text.canRetry ? (
        <button type="button" className="btn btn-ghost btn-sm sync-retry" onClick={() => void client.call('sync.retry', { workspaceId }).catch((e: unknown) => reportError(e, 'Could not reconnect'))}>
          Retry
        </button>
      ) : null}
      <button type="button" className="btn btn-ghost btn-sm sync-open" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {shared ? 'Sharing…' : 'Share…'}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <SharingDialog workspaceId={workspaceId} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </span>
  );
}
